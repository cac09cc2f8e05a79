/**
 * Dates, times, money and numbers the way Indonesian officials write them, through Intl only:
 * "25 April 2025", "25 April 2025 14.30 WIB", "Rp1.500.000,00".
 */
export type Lang = 'id' | 'en';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** Indonesia's three civil time zones; the legal abbreviations are not what Intl prints. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date ("2025-04-25") is a day, not an instant: it is read and shown in UTC so it never shifts. */
const toInstant = (value: Date | string): { date: Date; dateOnly: boolean } =>
  typeof value === 'string' && DATE_ONLY.test(value)
    ? { date: new Date(`${value}T00:00:00Z`), dateOnly: true }
    : { date: typeof value === 'string' ? new Date(value) : value, dateOnly: false };

/** "25 April 2025" in both languages; date-times are placed in the given zone first. */
export const formatDate = (value: Date | string, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string => {
  const { date, dateOnly } = toInstant(value);
  if (Number.isNaN(date.getTime())) return '';

  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: dateOnly ? 'UTC' : timeZone }).format(date);
};

/** The abbreviation shown after a time: WIB, WITA or WIT for Indonesian zones, Intl's short name elsewhere. */
export const timeZoneAbbreviation = (timeZone: string = DEFAULT_TIME_ZONE, at: Date = new Date(0)): string => {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');

  return part?.value ?? timeZone;
};

/** "25 April 2025 14.30 WIB" (id) or "25 April 2025 14:30 WIB" (en). */
export const formatDateTime = (value: Date | string, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string => {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);

  return `${formatDate(date, lang, timeZone)} ${time} ${timeZoneAbbreviation(timeZone, date)}`;
};

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * "Rp1.500.000,00" in both languages: Rupiah amounts are written the Indonesian way everywhere.
 * Decimal strings (exact money from the API) are formatted without going through a float.
 */
export const formatRupiah = (value: number | string): string =>
  rupiah
    .format(value as Parameters<typeof rupiah.format>[0])
    .replace(/[\s\u00a0\u202f]/g, '');

/** Thousands separators of the language: 1.234.567 (id) or 1,234,567 (en). */
export const formatNumber = (value: number, lang: Lang, fractionDigits?: number): string =>
  new Intl.NumberFormat(LOCALES[lang], fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
