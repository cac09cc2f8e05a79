import { type Definition, type Question, type Section } from './questionnaires.models.js';

/**
 * Answers keyed by section id: an object of question id → value for a plain section, a list of
 * such objects for a repeatable one. Values by type: text → string; choice → option value;
 * multiple choice → option values; number → number; Rupiah → decimal string "1500000.00";
 * region, urusan, strategic issue and file → lists of codes or ids.
 */
export type AnswerValue = string | number | string[] | null;
export type AnswerItem = Record<string, AnswerValue>;
export type Answers = Record<string, AnswerItem | AnswerItem[]>;

export type AnswerProblemCode =
  | 'required'
  | 'wrong_type'
  | 'too_long'
  | 'not_an_option'
  | 'out_of_range'
  | 'invalid_amount'
  | 'too_many_items'
  | 'unknown_section'
  | 'unknown_question'
  | 'unknown_reference';
export type AnswerProblem = { path: string; code: AnswerProblemCode };

const MAX_TEXT: Partial<Record<Question['type'], number>> = { TEXT: 500, LONG_TEXT: 5000 };
const LIST_TYPES: readonly Question['type'][] = ['MULTIPLE_CHOICE', 'REGION', 'URUSAN', 'STRATEGIC_ISSUE', 'FILE'];
const RUPIAH = /^\d{1,16}(\.\d{1,2})?$/;

const isEmpty = (v: AnswerValue | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 100);

/** One value against its question; null when it is fine (emptiness is judged by the caller). */
export const valueProblem = (q: Question, v: AnswerValue): AnswerProblemCode | null => {
  if (LIST_TYPES.includes(q.type)) {
    if (!isStringList(v) || v.length > 50) return 'wrong_type';
    if (q.type === 'MULTIPLE_CHOICE' && v.some((x) => !q.options!.some((o) => o.value === x))) return 'not_an_option';

    return null;
  }
  switch (q.type) {
    case 'NUMBER':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'wrong_type';

      return (q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max) ? 'out_of_range' : null;
    case 'RUPIAH':
      return typeof v === 'string' && RUPIAH.test(v.trim()) ? null : 'invalid_amount';
    case 'SINGLE_CHOICE':
      if (typeof v !== 'string') return 'wrong_type';

      return q.options!.some((o) => o.value === v) ? null : 'not_an_option';
    default:
      if (typeof v !== 'string') return 'wrong_type';

      return v.length > (MAX_TEXT[q.type] ?? 500) ? 'too_long' : null;
  }
};

const itemProblems = (s: Section, item: unknown, base: string, submit: boolean): AnswerProblem[] => {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return [{ path: base, code: 'wrong_type' }];
  const values = item as Record<string, AnswerValue>;
  const out: AnswerProblem[] = Object.keys(values)
    .filter((k) => !s.questions.some((q) => q.id === k))
    .map((k) => ({ path: `${base}.${k}`, code: 'unknown_question' as const }));
  for (const q of s.questions) {
    const v = values[q.id];
    if (isEmpty(v)) {
      if (submit && q.required) out.push({ path: `${base}.${q.id}`, code: 'required' });
      continue;
    }
    const p = valueProblem(q, v!);
    if (p) out.push({ path: `${base}.${q.id}`, code: p });
  }

  return out;
};

/**
 * The answers against the definition, with paths "answers.<section>[.<item>].<question>". A draft
 * only has to be well-formed; a submission must also fill every required question (and a required
 * question of a repeatable section in every item listed). A repeatable section may be left empty:
 * an OPD without needs has none to list.
 */
export const answerProblems = (definition: Definition, answers: Answers, submit: boolean): AnswerProblem[] => {
  const out: AnswerProblem[] = Object.keys(answers)
    .filter((k) => !definition.sections.some((s) => s.id === k))
    .map((k) => ({ path: `answers.${k}`, code: 'unknown_section' as const }));
  for (const s of definition.sections) {
    const value = answers[s.id];
    const base = `answers.${s.id}`;
    if (s.repeatable) {
      if (value === undefined) continue;
      if (!Array.isArray(value)) out.push({ path: base, code: 'wrong_type' });
      else if (value.length > (s.maxItems ?? 100)) out.push({ path: base, code: 'too_many_items' });
      else value.forEach((item, i) => out.push(...itemProblems(s, item, `${base}.${i}`, submit)));
    } else out.push(...itemProblems(s, value ?? {}, base, submit));
  }

  return out;
};

export type ReferenceHit = { path: string; type: 'REGION' | 'URUSAN' | 'STRATEGIC_ISSUE' | 'FILE'; value: string };

/** Every reference value in well-formed answers with its path, for the use case to look up. */
export const referencesIn = (definition: Definition, answers: Answers): ReferenceHit[] => {
  const out: ReferenceHit[] = [];
  for (const s of definition.sections) {
    const value = answers[s.id];
    const items = Array.isArray(value) ? value.map((v, i) => [v, `answers.${s.id}.${i}`] as const) : value ? [[value, `answers.${s.id}`] as const] : [];
    for (const [item, base] of items)
      for (const q of s.questions) {
        const v = item[q.id];
        if ((q.type === 'REGION' || q.type === 'URUSAN' || q.type === 'STRATEGIC_ISSUE' || q.type === 'FILE') && Array.isArray(v))
          v.forEach((x, k) => out.push({ path: `${base}.${q.id}.${k}`, type: q.type as ReferenceHit['type'], value: x }));
      }
  }

  return out;
};

