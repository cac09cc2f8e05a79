/**
 * The server speaks Bahasa Indonesia by default and English on request. Messages live next to the
 * codes that use them (each module's errors file) as { id, en } pairs; this file only picks the
 * language and fills in parameters.
 */
export const LANGUAGES = ['id', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'id';

export type Message = { id: string; en: string };

export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

/** Picks the language: an explicit cookie wins, then the first supported Accept-Language entry. */
export const negotiateLang = (cookieLang: string | undefined, acceptLanguage: string | undefined): Lang => {
  if (isLang(cookieLang)) return cookieLang;
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));

      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { base } of ranked) {
    if (base === 'in') return 'id'; // legacy ISO code for Indonesian
    if (isLang(base)) return base;
  }

  return DEFAULT_LANG;
};

/** A parameter: the same in both languages, or its own words in each (a date, a period name). */
export type Param = string | number | Message;

/** Fills `{name}` parameters into the message. */
export const format = (message: Message, lang: Lang, params: Record<string, Param> = {}): string =>
  message[lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    const value = params[key]!;

    return typeof value === 'object' ? value[lang] : String(value);
  });

/** A calendar day (YYYY-MM-DD) as people write it: "25 April 2025" in both languages' own month names. */
export const longDate = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A calendar day as a message parameter, written in the reader's language. */
export const longDateParam = (day: string): Message => ({ id: longDate(day, 'id'), en: longDate(day, 'en') });

/** A decimal amount as Indonesians write Rupiah, "Rp1.500.000,00": dots group thousands, a comma before the two sen digits. */
export const rupiah = (amount: string | number): string => {
  const [whole = '0', fraction = ''] = (typeof amount === 'number' ? amount.toFixed(2) : amount).split('.');
  const negative = whole.startsWith('-');
  const digits = whole.replace('-', '').replace(/^0+(?=\d)/, '');

  return `${negative ? '-' : ''}Rp${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${(fraction + '00').slice(0, 2)}`;
};
