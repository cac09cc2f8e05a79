import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { referenceErrors } from './reference.errors.js';
import { loadChildren, loadTopLevels, readDataFile, REGION_SOURCE } from './reference.sources.js';
import * as repo from './reference.repository.js';
import { indexRegions, searchRegionRows, TOP_LEVELS, type IndexedRegion } from './reference.models.js';
import type { RegionLevel, URUSAN_GROUPS } from './reference.tables.js';

type UrusanFile = { items: { code: string; nameId: string; nameEn: string; group: (typeof URUSAN_GROUPS)[number] }[] };
type IssueFile = { items: { code: string; nameId: string; nameEn: string }[] };

export type RegionVersioning = { sourceDecree: string; validFrom: string };

/**
 * Brings the reference tables up to date: a new region dataset is loaded as a new version (codes
 * it no longer has are ended, not deleted), urusan follow their data file, and the default
 * strategic issues are created once — later edits by an admin are kept.
 */
export const syncReferenceData = async ({ db, clock, versioning }: { db: Db; clock: Clock; versioning: RegionVersioning }) => {
  const { records, checksum } = await loadTopLevels();
  const loaded = await db.transaction(async (tx) => {
    if (await repo.findDatasetByChecksum(tx, checksum)) return false;
    const datasetId = await repo.insertDataset(tx, { source: REGION_SOURCE, sourceDecree: versioning.sourceDecree, validFrom: versioning.validFrom, checksum });
    await repo.upsertRegions(
      tx,
      records.map((r) => ({ ...r, validFrom: versioning.validFrom, sourceDecree: versioning.sourceDecree, datasetId, successorCodes: [] })),
    );
    await repo.expireRegionsNotIn(tx, ['PROVINSI', 'KABUPATEN', 'KOTA'], records.map((r) => r.code), versioning.validFrom);

    return true;
  });

  const urusanFile = readDataFile<UrusanFile>('urusan.json');
  await repo.upsertUrusan(db, urusanFile.items.map((u, i) => ({ ...u, parentCode: null, sort: i + 1 })));

  if ((await repo.countStrategicIssues(db)) === 0) {
    const issues = readDataFile<IssueFile>('strategic-issues.json');
    const now = clock.now();
    for (const [i, issue] of issues.items.entries())
      await repo.insertStrategicIssue(db, { ...issue, active: true, sort: (i + 1) * 10, createdAt: now, updatedAt: now });
  }

  return { regionsLoaded: loaded, regionCount: records.length };
};

const LOADABLE_PARENT = /^\d{2}\.\d{2}(\.\d{2})?$/;

/**
 * The in-memory copy of the current provinsi and kabupaten/kota, made once per process. The rows
 * change only when syncReferenceData loads a new dataset, which happens at start-up before the
 * first request; each process builds its own copy, so several instances stay consistent.
 */
export type RegionDirectory = { topLevels: () => Promise<IndexedRegion[]> };

export const createRegionDirectory = (db: Db): RegionDirectory => {
  let rows: Promise<IndexedRegion[]> | undefined;

  return {
    topLevels: () => {
      rows ??= repo.listTopLevelRegions(db).then(indexRegions).catch((err: unknown) => {
        rows = undefined;
        throw err;
      });

      return rows;
    },
  };
};

/**
 * Lists regions. Asking for the children of a kabupaten/kota or kecamatan loads them from the
 * package the first time, so the 90,000 kecamatan and desa rows only arrive where they are used.
 */
export const listRegions = async ({ db, directory, query: asked }: { db: Db; directory?: RegionDirectory; query: repo.RegionQuery }) => {
  // Without a parent or a level, a search covers provinsi and kabupaten/kota only: kecamatan and
  // desa are reached through their parent (they are loaded on demand, so a global search over
  // them would depend on what happened to be loaded).
  const query = !asked.parentCode && !asked.levels?.length ? { ...asked, levels: [...TOP_LEVELS] } : asked;
  if (directory && !query.parentCode && query.levels!.every((l) => TOP_LEVELS.includes(l)) && !query.includeExpired)
    return searchRegionRows(await directory.topLevels(), { levels: query.levels, q: query.q, limit: query.limit, offset: query.offset });
  if (query.parentCode && LOADABLE_PARENT.test(query.parentCode) && !(await repo.childrenLoaded(db, query.parentCode))) {
    const parent = await repo.findRegion(db, query.parentCode);
    if (!parent) throw referenceErrors.regionNotFound({ code: query.parentCode });
    const children = await loadChildren(query.parentCode);
    await db.transaction(async (tx) => {
      if (await repo.childrenLoaded(tx, query.parentCode!)) return;
      await repo.upsertRegions(
        tx,
        children.map((c) => ({ ...c, validFrom: parent.validFrom, sourceDecree: parent.sourceDecree, successorCodes: [] })),
      );
      await repo.markChildrenLoaded(tx, query.parentCode!);
    });
  }

  return repo.searchRegions(db, query);
};

export const getRegion = async ({ db, code }: { db: Db; code: string }) => {
  const found = await repo.findRegion(db, code);
  if (!found) throw referenceErrors.regionNotFound({ code });

  return found;
};

/** The names of region codes, for showing codes people recognise; unknown codes are left out. */
export const regionNames = async ({ db, codes }: { db: Db; codes: readonly string[] }): Promise<Map<string, string>> =>
  new Map((await repo.findRegionNames(db, [...new Set(codes)])).map((r) => [r.code, r.name]));

export const regionLevelsFor = (level: 'provinsi' | 'kabkota' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa'): RegionLevel[] =>
  ({
    provinsi: ['PROVINSI'],
    kabkota: ['KABUPATEN', 'KOTA'],
    kabupaten: ['KABUPATEN'],
    kota: ['KOTA'],
    kecamatan: ['KECAMATAN'],
    desa: ['DESA'],
  })[level] as RegionLevel[];

export const listUrusan = async ({ db }: { db: Db }) => repo.listUrusanRows(db);

export const listStrategicIssues = async ({ db, includeInactive }: { db: Db; includeInactive: boolean }) =>
  repo.listStrategicIssueRows(db, includeInactive);

type IssueInput = { code: string; nameId: string; nameEn: string; active?: boolean | undefined; sort?: number | undefined };

export const createStrategicIssue = async ({ db, clock, audit, input }: { db: Db; clock: Clock; audit: AuditContext; input: IssueInput }) =>
  db.transaction(async (tx) => {
    if (await repo.findStrategicIssueByCode(tx, input.code)) throw referenceErrors.issueCodeTaken({ code: input.code });
    const now = clock.now();
    const created = await repo.insertStrategicIssue(tx, {
      code: input.code,
      nameId: input.nameId,
      nameEn: input.nameEn,
      active: input.active ?? true,
      sort: input.sort ?? 100,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit({ tx, clock, context: audit, entry: { action: 'strategic_issue.create', entityType: 'strategic_issue', entityId: created.id, diff: changeSet(null, created) } });

    return created;
  });

export const updateStrategicIssue = async ({
  db,
  clock,
  audit,
  id,
  patch,
}: {
  db: Db;
  clock: Clock;
  audit: AuditContext;
  id: string;
  patch: Partial<Omit<IssueInput, 'code'>>;
}) =>
  db.transaction(async (tx) => {
    const before = await repo.findStrategicIssue(tx, id);
    if (!before) throw referenceErrors.issueNotFound();
    const after = await repo.updateStrategicIssue(tx, id, { ...patch, updatedAt: clock.now() });
    if (!after) throw referenceErrors.issueNotFound();
    await recordAudit({ tx, clock, context: audit, entry: { action: 'strategic_issue.update', entityType: 'strategic_issue', entityId: id, diff: changeSet(before, after) } });

    return after;
  });

/** The urusan codes, strategic-issue ids and region codes among these that the reference data does not know. */
export const findUnknownReferences = async ({ db, ...q }: { db: Db; urusanCodes: readonly string[]; issueIds: readonly string[]; regionCodes: readonly string[] }) => {
  // Kecamatan and desa arrive on demand: load the parents' children before looking codes up.
  const parents = new Set(q.regionCodes.flatMap((code) => {
    const parts = code.split('.');

    return parts.length >= 3 ? parts.slice(2).map((_p, i) => parts.slice(0, i + 2).join('.')) : [];
  }));
  for (const parentCode of [...parents].sort())
    await listRegions({ db, query: { parentCode, limit: 1, offset: 0, includeExpired: false } }).catch((err: unknown) => {
      // An unknown parent simply leaves its children unknown; they are reported below.
      if (!(err instanceof AppError && err.status === 404)) throw err;
    });

  return repo.unknownReferences(db, q);
};
