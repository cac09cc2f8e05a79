import { isDormant } from '../cooperations/index.js';

/**
 * Pure rules of the dashboards: which scope an actor may look at, and the day on or before which
 * an unmonitored cooperation counts as dormant. No IO.
 */

export const DASHBOARD_LEVELS = ['pemda', 'province', 'nation'] as const;
export type DashboardLevel = (typeof DASHBOARD_LEVELS)[number];

/** "Expiring soon": in force and ending within this many days from today. */
export const EXPIRING_WITHIN_DAYS = 90;
/** Rows in the expiring-soon and longest-dormant lists. */
export const LIST_SIZE = 10;

export type Bucket = { key: string; count: number };
export type ListItem = { id: string; code: string; title: string; date: string };

/** What the aggregate statement returns (numbers as JSON numbers, money and means as exact decimal strings). */
export type DashboardRows = {
  figures: { total: number; inForce: number; inProcess: number; ended: number; dormant: number; expiring: number; meanProgress: string | null };
  budget: { budget: string; realisation: string };
  indicators: { total: number; achieved: number };
  byUrusan: (Bucket & { name: string | null })[];
  byKind: Bucket[];
  byState: Bucket[];
  byYear: Bucket[];
  expiring: ListItem[];
  dormantList: ListItem[];
};

export type DormancyCutoffs = { defaultCutoff: string; overrides: { tenantId: string; cutoff: string }[] };

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const daysAfter = addDays;

/** Whether a cooperation last monitored (or signed) on `since` is dormant today: the cooperations rule itself. */
const dormantSince = (since: string, months: number, today: string) =>
  isDormant({ state: 'BERLAKU', lastMonitoredAt: null, signedAt: since, stateChangedAt: new Date(0) }, months, today);

/**
 * The latest "since" day that is dormant today after `months` months. isDormant is monotone in
 * the since day (an earlier day is due no later), so the dormant days are exactly those on or
 * before this cut-off, and SQL can test `since <= cutoff`. Start near today − months and step
 * (at most a few days, around month ends) until the boundary is found.
 */
export const dormancyCutoff = (months: number, today: string): string => {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  let day = new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
  while (!dormantSince(day, months, today)) day = addDays(day, -1);
  while (dormantSince(addDays(day, 1), months, today)) day = addDays(day, 1);

  return day;
};

/** The national cut-off plus the pemda whose own rule pack sets another dormancy period. */
export const dormancyCutoffs = (rulesOf: (tenantId: string | null) => { dormantAfterMonths: number }, tenantIds: readonly string[], today: string): DormancyCutoffs => {
  const national = rulesOf(null).dormantAfterMonths;
  const overrides = tenantIds
    .map((tenantId) => ({ tenantId, months: rulesOf(tenantId).dormantAfterMonths }))
    .filter((t) => t.months !== national)
    .map((t) => ({ tenantId: t.tenantId, cutoff: dormancyCutoff(t.months, today) }));

  return { defaultCutoff: dormancyCutoff(national, today), overrides };
};

export type ScopeView = { readAll: boolean; oversightProvinceCodes: readonly string[]; ownRegionCodes: readonly string[] };

/** The scope shown when none is asked for: the whole nation for Kemendagri, the province for a GWPP, the own pemda otherwise. */
export const naturalLevel = (s: ScopeView & { tenantIds: readonly string[] }): DashboardLevel | null =>
  s.readAll ? 'nation' : s.oversightProvinceCodes.length ? 'province' : s.tenantIds.length ? 'pemda' : null;

/**
 * Who sees which dashboard: Kemendagri (and platform administrators) everything; a GWPP its own
 * provinces and their kabupaten/kota; a pemda user only the pemda they work in.
 */
export const canView = (s: ScopeView, level: DashboardLevel, region: string | null): boolean => {
  if (s.readAll) return true;
  if (level === 'nation' || region === null) return false;
  if (level === 'province') return s.oversightProvinceCodes.includes(region);
  if (s.ownRegionCodes.includes(region)) return true;

  // A GWPP oversees the kabupaten/kota of its province, not the provincial government itself.
  return region.includes('.') && s.oversightProvinceCodes.includes(region.slice(0, 2));
};
