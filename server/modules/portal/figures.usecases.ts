import type { PublicCount, PublicRegionSummary, PublicStats } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import { regionNames } from '../reference/index.js';
import * as figures from './figures.repository.js';
import { listPublished } from './public.usecases.js';

const named = async (db: Db, rows: PublicCount[]) => {
  const names = await regionNames({ db, codes: rows.map((r) => r.code) });

  return rows.map((r) => ({ ...r, name: names.get(r.code) ?? r.code }));
};

/** The statistics page: totals, kinds, states, urusan and provinces of what is public now. */
export const stats = async (db: Db): Promise<PublicStats> => {
  const [totals, byKind, byState, byUrusan, byProvince] = await Promise.all([
    figures.countTotals(db, null),
    figures.countByColumn(db, 'kind', null),
    figures.countByColumn(db, 'state', null),
    figures.countByUrusan(db, null),
    figures.countByProvince(db),
  ]);

  return { total: totals.total, inactive: totals.inactive, byKind, byState, byUrusan, byProvince: await named(db, byProvince), lastReleasedAt: totals.newest?.toISOString() ?? null };
};

/** A region's page: what it (or any region below it) cooperates on and with whom. */
export const regionSummary = async (db: Db, code: string): Promise<PublicRegionSummary> => {
  const [totals, byKind, byUrusan, partners, list, names] = await Promise.all([
    figures.countTotals(db, code),
    figures.countByColumn(db, 'kind', code),
    figures.countByUrusan(db, code),
    figures.countPartners(db, code),
    listPublished(db, { region: code, limit: 50 }),
    regionNames({ db, codes: [code] }),
  ]);

  return { code, name: names.get(code) ?? null, total: totals.total, inactive: totals.inactive, byKind, byUrusan, partners, cooperations: list.items };
};
