import { longDate, rupiah, type Message } from '../../platform/i18n/i18n.js';
/**
 * The pure side of periodic reports: periods, due dates and the shape of the figures snapshot.
 * Report frequency is not fixed by a regulation we could read (domain §8.4 ❓), so which periods
 * exist and when they are due come from the rule pack's `reporting` block.
 */

export type PeriodKey = 'SEMESTER_1' | 'SEMESTER_2' | 'YEARLY';

/** First and last calendar day of a report period. */
export const periodBounds = (year: number, period: PeriodKey): { start: string; end: string } =>
  period === 'SEMESTER_1' ? { start: `${year}-01-01`, end: `${year}-06-30` } : period === 'SEMESTER_2' ? { start: `${year}-07-01`, end: `${year}-12-31` } : { start: `${year}-01-01`, end: `${year}-12-31` };

/** The rule pack names kinds of period (SEMESTER, YEARLY); a semester report needs SEMESTER. */
export const periodAllowed = (period: PeriodKey, allowed: readonly string[]) => allowed.includes(period === 'YEARLY' ? 'YEARLY' : 'SEMESTER');

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A report of a period is due a number of days after the period ends. */
export const dueDateOf = (periodEnd: string, dueDaysAfterPeriodEnd: number) => addDays(periodEnd, dueDaysAfterPeriodEnd);

/** A province's region code has two digits; a kabupaten/kota's is "PP.KK". */
export const isProvinceCode = (regionCode: string) => /^\d{2}$/.test(regionCode);
export const provinceOf = (regionCode: string) => regionCode.slice(0, 2);

/** How far after the period end a cooperation still counts as "expiring" in the report. */
export const EXPIRING_MONTHS = 6;

export type Movements = { cooperations: number; inForce: number; signed: number; ended: number; expiring: number; dormant: number };
export type Money = { activities: number; budget: string; realisation: string };

export type RegionRow = Movements &
  Money & {
    tenantId: string;
    name: string;
    regionCode: string;
    /** The status of that pemda's own report for the period; null when it has none (not reported). */
    reportStatus: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED' | null;
  };

/** The snapshot a report keeps: what the files are rendered from and what the detail page shows. */
export type ReportFigures = {
  organization: { id: string; name: string; regionCode: string };
  level: 'PEMDA' | 'PROVINCE';
  year: number;
  period: PeriodKey;
  periodStart: string;
  periodEnd: string;
  /** The day the figures were computed (WIB); states and dormancy are as of that day. */
  asOf: string;
  totals: Movements;
  byKind: { key: string; count: number }[];
  byState: { key: string; count: number }[];
  byUrusan: { code: string; name: string; count: number }[];
  money: Money;
  indicators: { total: number; measured: number; achieved: number };
  expiring: { code: string; title: string; endDate: string }[];
  dormant: { code: string; title: string; monthsQuiet: number }[];
  /** Province reports only: one row per kabupaten/kota (and the province itself). */
  regions: RegionRow[];
};

/** Realisation as a share of budget, one decimal; null without budget. */
export const realisationPercent = (m: Pick<Money, 'budget' | 'realisation'>) => {
  const budget = Number(m.budget);

  return budget > 0 ? Math.round((Number(m.realisation) / budget) * 1000) / 10 : null;
};

/** Rupiah as Indonesians write it: "Rp1.500.000,00" (one formatter for the whole product). */
export { rupiah };

/** "25 April 2025": the report documents themselves are in Bahasa Indonesia. */
export const longDateId = (day: string) => longDate(day, 'id');

/** A report's period in each language: "Semester I Tahun 2026" / "Semester 1 2026", "Tahun 2026" / "Year 2026". */
export const periodLabel = (year: number, period: PeriodKey): Message =>
  period === 'YEARLY'
    ? { id: `Tahun ${year}`, en: `Year ${year}` }
    : { id: `Semester ${period === 'SEMESTER_1' ? 'I' : 'II'} Tahun ${year}`, en: `Semester ${period === 'SEMESTER_1' ? '1' : '2'} ${year}` };

export const periodLabelId = (year: number, period: PeriodKey) => periodLabel(year, period).id;
