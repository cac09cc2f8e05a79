import type { Clock } from '../../platform/clock.js';
import { latestDataChange } from '../../platform/db/changes.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { jakartaDay, registerWhere, rulesResolver, type RegisterVisibility } from '../cooperations/index.js';
import type { DashboardCache } from './dashboards.cache.js';
import { dashboardErrors } from './dashboards.errors.js';
import { canView, daysAfter, dormancyCutoffs, EXPIRING_WITHIN_DAYS, LIST_SIZE, naturalLevel, type DashboardLevel } from './dashboards.models.js';
import * as repo from './dashboards.repository.js';
import type { Dashboard, DashboardQuery } from './dashboards.schemas.js';

const regionRequired = (lang: Lang) =>
  new AppError(dashboardErrors.regionRequired.definition, {}, [
    { path: 'query.region', code: 'required', message: lang === 'id' ? 'Pilih provinsi atau pemda.' : 'Choose a province or pemda.' },
  ]);

/** The cooperations a scope covers, with the register's own visibility test (party pemda, or a kab/kota party of the province). */
const visibilityOf = (level: DashboardLevel, tenantId: string | null, provinceCode: string | null): RegisterVisibility =>
  level === 'nation'
    ? { all: true }
    : { all: false, tenantIds: tenantId ? [tenantId] : [], provinceCodes: provinceCode ? [provinceCode] : [], orgIds: [] };

/**
 * The dashboard of a pemda, a province or the nation: key figures, counts by urusan, kind, state
 * and year, and the soonest-expiring and longest-dormant cooperations. Read-only: no audit row.
 */
export const getDashboard = async ({
  db, clock, cache, actor, lang, query,
}: { db: Db; clock: Clock; cache: DashboardCache | null; actor: Actor; lang: Lang; query: DashboardQuery }): Promise<Dashboard> => {
  const s = actor.scope;
  const own = await repo.findPemda(db, { ids: s.tenantIds });
  const view = { readAll: s.readAll, oversightProvinceCodes: s.oversightProvinceCodes, ownRegionCodes: own.map((p) => p.region_code) };
  const level = query.scope ?? naturalLevel({ ...view, tenantIds: s.tenantIds });
  if (level === null) throw dashboardErrors.forbidden();
  const home = own.find((p) => p.id === actor.tenantId) ?? own[0];
  const region = level === 'nation' ? null : (query.region ?? (level === 'province' ? (s.oversightProvinceCodes[0] ?? null) : (home?.region_code ?? null)));
  if (level !== 'nation' && region === null) {
    if (s.readAll) throw regionRequired(lang);
    throw dashboardErrors.forbidden();
  }
  // Authorisation comes before any lookup of the asked region, so a refusal reveals nothing about it.
  if (!canView(view, level, region)) throw dashboardErrors.forbidden();

  let name: string | null = null;
  let tenantId: string | null = null;
  if (level === 'province') {
    const [province] = await repo.findProvinces(db, [region!]);
    if (!province) throw dashboardErrors.regionNotFound({ region: region! });
    name = province.name;
  } else if (level === 'pemda') {
    const pemda = own.find((p) => p.region_code === region) ?? (await repo.findPemda(db, { regionCode: region! }))[0];
    if (!pemda) throw dashboardErrors.regionNotFound({ region: region! });
    name = pemda.name;
    tenantId = pemda.id;
  }

  const today = jakartaDay(clock.now());
  // The scope fully decides the rows (visibilityOf reads only these), so it is the cache key;
  // the version is read before the figures, so a change committed meanwhile misses next time.
  const key = [level, tenantId ?? '', level === 'province' ? region : '', lang, today].join('|');
  const compute = () => loadFigures(db, clock, { level, tenantId, region, lang, today });
  const rows = cache ? await cache.load(key, await latestDataChange(db), compute) : await compute();
  const provinces = await repo.findProvinces(db, s.readAll ? null : s.oversightProvinceCodes);

  return {
    scope: { level, region, name },
    choices: {
      nation: s.readAll,
      provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
      pemda: own.map((p) => ({ code: p.region_code, name: p.name })),
    },
    today,
    expiringWithinDays: EXPIRING_WITHIN_DAYS,
    figures: {
      total: rows.figures.total,
      inForce: rows.figures.inForce,
      inProcess: rows.figures.inProcess,
      ended: rows.figures.ended,
      dormant: rows.figures.dormant,
      expiring: rows.figures.expiring,
      meanProgress: rows.figures.meanProgress === null ? null : Number(rows.figures.meanProgress),
      budget: rows.budget.budget,
      realisation: rows.budget.realisation,
      indicators: rows.indicators.total,
      indicatorsAchieved: rows.indicators.achieved,
    },
    byUrusan: rows.byUrusan.map((b) => ({ key: b.key, name: b.name, count: b.count })),
    byKind: rows.byKind,
    byState: rows.byState,
    byYear: rows.byYear,
    expiringSoon: rows.expiring,
    longestDormant: rows.dormantList,
  };
};

/** The scope's figures straight from the database: dormancy cut-offs from the rule packs, then one statement. */
const loadFigures = async (db: Db, clock: Clock, p: { level: DashboardLevel; tenantId: string | null; region: string | null; lang: Lang; today: string }) => {
  const withOwnRules = await repo.tenantsWithOwnRules(db);
  const rulesOf = await rulesResolver({ db, tenantIds: withOwnRules, onDate: p.today });
  const cutoffs = dormancyCutoffs(rulesOf, withOwnRules, p.today);
  const where = registerWhere(visibilityOf(p.level, p.tenantId, p.level === 'province' ? p.region : null), { today: p.today, now: clock.now() });

  return repo.loadDashboard(db, where, { today: p.today, expiringUntil: daysAfter(p.today, EXPIRING_WITHIN_DAYS), cutoffs, lang: p.lang, listSize: LIST_SIZE });
};
