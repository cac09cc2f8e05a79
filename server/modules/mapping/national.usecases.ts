import type { Clock } from '../../platform/clock.js';
import { latestDataChange } from '../../platform/db/changes.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { jakartaDay } from '../cooperations/index.js';
import type { OverviewCache } from './national.cache.js';
import * as repo from './national.repository.js';
import { potentialErrors } from './potentials.errors.js';
import type { OverviewDto, OverviewQuery } from './potentials.schemas.js';

type Level = OverviewDto['scope']['level'];

/**
 * Whose mapping the actor may see, as dashboards scope it: Kemendagri the nation or any province,
 * the GWPP its province(s), pemda people their own pemda only. Decided before any lookup, so a
 * refusal says nothing about the province asked for.
 */
export const overviewScope = (s: Actor['scope'], province: string | undefined): { level: Level; province: string | null; scope: repo.PemdaScope } | null => {
  if (province !== undefined) return s.readAll || s.oversightProvinceCodes.includes(province) ? { level: 'province', province, scope: { provinceCode: province } } : null;
  if (s.readAll) return { level: 'nation', province: null, scope: { all: true } };
  const first = s.oversightProvinceCodes[0];
  if (first) return { level: 'province', province: first, scope: { provinceCode: first } };

  return s.tenantIds.length ? { level: 'pemda', province: null, scope: { tenantIds: s.tenantIds } } : null;
};

const tally = (rows: repo.CountRow[]) => {
  const by = new Map<string, { key: string; potensi: number; kebutuhan: number; permasalahan: number }>();
  for (const r of rows) {
    const entry = by.get(r.key) ?? { key: r.key, potensi: 0, kebutuhan: 0, permasalahan: 0 };
    if (r.kind === 'POTENSI') entry.potensi += Number(r.n);
    else if (r.kind === 'KEBUTUHAN') entry.kebutuhan += Number(r.n);
    else entry.permasalahan += Number(r.n);
    by.set(r.key, entry);
  }

  return [...by.values()];
};

/** The cache key: the scope and year fully decide the rows (the tenant list is sorted, so the same pemda give one key). */
const cacheKey = (scope: repo.PemdaScope, year: number) =>
  `${year}|${'all' in scope ? 'nation' : 'provinceCode' in scope ? `province:${scope.provinceCode}` : `pemda:${[...scope.tenantIds].sort().join(',')}`}`;

/**
 * Which pemda finished this year's mapping (DITETAPKAN), where the others stand, and the register's
 * counts. Read-only. With a cache (ADR 0027) the rows of a scope and year are computed once per
 * change of a watched table and process; cache null computes them on every request.
 */
export const mappingOverview = async ({ db, clock, cache, actor, query }: { db: Db; clock: Clock; cache: OverviewCache | null; actor: Actor; query: OverviewQuery }): Promise<OverviewDto> => {
  const resolved = overviewScope(actor.scope, query.province);
  if (!resolved) throw potentialErrors.overviewForbidden();
  const year = query.year ?? Number(jakartaDay(clock.now()).slice(0, 4));
  const compute = () => repo.overviewRows(db, resolved.scope, year);
  const rows = cache ? await cache.load(cacheKey(resolved.scope, year), await latestDataChange(db), compute) : await compute();
  const pemda = rows.pemda;
  const byUrusan = tally(rows.byUrusan);
  const byIssue = tally(rows.byIssue);

  return {
    year,
    scope: { level: resolved.level, province: resolved.province },
    provinces: await repo.provinces(db, actor.scope.readAll ? null : actor.scope.oversightProvinceCodes),
    pemda: pemda.map((p) => ({
      tenantId: p.tenant_id,
      name: p.name,
      regionCode: p.region_code,
      stage: p.stage as OverviewDto['pemda'][number]['stage'],
      participants: Number(p.participants ?? 0),
      answered: Number(p.answered ?? 0),
      accepted: Number(p.accepted ?? 0),
      items: Number(p.items ?? 0),
    })),
    completed: pemda.filter((p) => p.stage === 'DITETAPKAN').length,
    byUrusan,
    byIssue,
  };
};
