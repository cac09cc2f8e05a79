import type { z } from 'zod';
import type { Lang } from '../i18n/i18n.js';
import { AppError, commonErrors, type FieldError } from './errors.js';

type Issue = z.core.$ZodIssue;

const typeNames: Record<string, { id: string; en: string }> = {
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  boolean: { id: 'benar/salah', en: 'true or false' },
  object: { id: 'objek', en: 'an object' },
  array: { id: 'daftar', en: 'a list' },
  date: { id: 'tanggal', en: 'a date' },
};

const formatNames: Record<string, { id: string; en: string }> = {
  email: { id: 'alamat e-mail', en: 'an e-mail address' },
  uuid: { id: 'UUID', en: 'a UUID' },
  url: { id: 'URL', en: 'a URL' },
  date: { id: 'tanggal (YYYY-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  datetime: { id: 'waktu ISO 8601', en: 'an ISO 8601 time' },
  regex: { id: 'format yang diminta', en: 'the required format' },
};

/** One message per zod issue, in the request's language; codes stay stable for clients. */
const describe = (issue: Issue, lang: Lang): { code: string; message: string } => {
  const id = lang === 'id';
  switch (issue.code) {
    case 'invalid_type': {
      const t = typeNames[issue.expected]?.[lang] ?? issue.expected;
      const missing = issue.message.includes('received undefined');

      return missing
        ? { code: 'required', message: id ? 'Wajib diisi.' : 'Required.' }
        : { code: 'invalid_type', message: id ? `Harus berupa ${t}.` : `Must be ${t}.` };
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? { code: 'required', message: id ? 'Wajib diisi.' : 'Required.' }
          : { code: 'too_short', message: id ? `Minimal ${n} karakter.` : `At least ${n} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_few', message: id ? `Minimal ${n} butir.` : `At least ${n} items.` };

      return { code: 'too_small', message: id ? `Minimal ${n}.` : `Must be at least ${n}.` };
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string')
        return { code: 'too_long', message: id ? `Maksimal ${n} karakter.` : `At most ${n} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_many', message: id ? `Maksimal ${n} butir.` : `At most ${n} items.` };

      return { code: 'too_big', message: id ? `Maksimal ${n}.` : `Must be at most ${n}.` };
    }
    case 'invalid_format': {
      const f = formatNames[issue.format]?.[lang] ?? issue.format;

      return { code: 'invalid_format', message: id ? `Format harus ${f}.` : `Must be ${f}.` };
    }
    case 'unrecognized_keys':
      return {
        code: 'unknown_field',
        message: id ? `Kolom tidak dikenal: ${issue.keys.join(', ')}.` : `Unknown field: ${issue.keys.join(', ')}.`,
      };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        message: id
          ? `Nilai harus salah satu dari: ${issue.values.map(String).join(', ')}.`
          : `Must be one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'not_multiple_of':
      return { code: 'invalid_value', message: id ? `Harus kelipatan ${String(issue.divisor)}.` : `Must be a multiple of ${String(issue.divisor)}.` };
    case 'custom':
      // Custom refinements put a stable code in params and both languages' text there too.
      return {
        code: (issue.params?.code as string | undefined) ?? 'invalid',
        message: (issue.params?.[lang] as string | undefined) ?? issue.message,
      };
    default:
      return { code: 'invalid', message: id ? 'Nilai tidak valid.' : 'Invalid value.' };
  }
};

/** Turns a zod error into per-field errors; unknown keys point at the key itself. */
export const toFieldErrors = (error: z.ZodError, lang: Lang, prefix?: string): FieldError[] =>
  error.issues.flatMap((issue) => {
    const base = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    const { code, message } = describe(issue, lang);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), code, message }));

    return [{ path: base.join('.'), code, message }];
  });

export const validationError = (error: z.ZodError, lang: Lang, target?: string) =>
  new AppError(commonErrors.validation.definition, {}, toFieldErrors(error, lang, target));
