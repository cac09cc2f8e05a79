import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { PublicCooperation } from '../../../contracts/portal.js';
import { portalEntry as entry, portalPublication as publication, portalRelease as release, type EntryRow, type PublicationRow, type ReleaseRow } from './portal.tables.js';

/** The only SQL of the portal: its own three tables. */

export const findPublication = async (db: Db, cooperationId: string, lock = false): Promise<PublicationRow | undefined> => {
  const q = db.select().from(publication).where(eq(publication.cooperationId, cooperationId)).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

export const savePublication = async (db: Db, row: typeof publication.$inferInsert) => {
  await db
    .insert(publication)
    .values(row)
    .onConflictDoUpdate({
      target: publication.cooperationId,
      set: { status: row.status, visibility: row.visibility, publicDocumentIds: row.publicDocumentIds, updatedAt: row.updatedAt, rowVersion: sql`${publication.rowVersion} + 1` },
    });
};

export const publishedIds = async (db: Db) =>
  (await db.select({ id: publication.cooperationId }).from(publication).where(eq(publication.status, 'PUBLISHED')).orderBy(asc(publication.cooperationId))).map((r) => r.id);

export const latestRelease = async (db: Db, cooperationId: string): Promise<ReleaseRow | undefined> =>
  (await db.select().from(release).where(eq(release.cooperationId, cooperationId)).orderBy(desc(release.sequence)).limit(1))[0];

export const insertRelease = async (db: Db, row: typeof release.$inferInsert): Promise<ReleaseRow> => (await db.insert(release).values(row).returning())[0]!;

export const releasesOf = (db: Db, cooperationId: string) => db.select().from(release).where(eq(release.cooperationId, cooperationId)).orderBy(asc(release.sequence));

type EntryValues = Omit<typeof entry.$inferInsert, 'search'>;

/** The projection of the newest release; its vector is built from the published text alone. */
export const saveEntry = async (db: Db, row: EntryValues) => {
  const values = { ...row, search: sql`to_tsvector('indonesian', ${row.searchText})` };
  const { cooperationId: _id, ...set } = values;
  await db.insert(entry).values(values).onConflictDoUpdate({ target: entry.cooperationId, set });
};

export const deleteEntry = async (db: Db, cooperationId: string) => {
  await db.delete(entry).where(eq(entry.cooperationId, cooperationId));
};

/** The snapshot of the newest release of a cooperation that is public now (an entry exists). */
export const currentSnapshot = async (db: Db, cooperationId: string): Promise<PublicCooperation | null> => {
  const rows = await db
    .select({ snapshot: release.snapshot })
    .from(entry)
    .innerJoin(release, eq(release.id, entry.releaseId))
    .where(eq(entry.cooperationId, cooperationId))
    .limit(1);

  return rows[0]?.snapshot ?? null;
};

export type EntryFilter = { q?: string | undefined; kind?: string | undefined; urusan?: string | undefined; region?: string | undefined; since?: Date | undefined };
export type EntryOrder =
  | { by: 'feed'; after: { at: Date; id: string } | null }
  | { by: 'recent'; after: { at: Date; id: string } | null }
  | { by: 'relevance'; offset: number };

const tsquery = (q: string) => sql`websearch_to_tsquery('indonesian', ${q})`;
const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

const whereOf = (f: EntryFilter): SQL | undefined =>
  and(
    f.q ? sql`${entry.search} @@ ${tsquery(f.q)}` : undefined,
    f.kind ? eq(entry.kind, f.kind) : undefined,
    f.urusan ? sql`${entry.urusanCodes} @> ${textArray([f.urusan])}` : undefined,
    f.region ? sql`${entry.regionKeys} @> ${textArray([f.region])}` : undefined,
    f.since ? sql`${entry.releasedAt} > ${f.since.toISOString()}::timestamptz` : undefined,
  );

const { search: _search, ...listColumns } = getTableColumns(entry);

export type EntryHit = EntryRow & { snippet: string | null };

/** One page (limit + 1 rows, to know whether another follows). */
export const listEntries = async (db: Db, f: EntryFilter, order: EntryOrder, limit: number): Promise<EntryHit[]> => {
  const snippet = f.q
    ? sql<string | null>`ts_headline('indonesian', ${entry.searchText}, ${tsquery(f.q)}, 'StartSel=[[[, StopSel=]]], MaxFragments=2, MaxWords=20, MinWords=6, FragmentDelimiter=" … "')`
    : sql<string | null>`NULL`;
  const keyset = (after: { at: Date; id: string } | null, dir: 'asc' | 'desc') =>
    after ? sql`(${entry.releasedAt}, ${entry.cooperationId}) ${dir === 'asc' ? sql`>` : sql`<`} (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined;
  const base = db.select({ ...listColumns, snippet }).from(entry);
  if (order.by === 'relevance')
    return (await base
      .where(whereOf(f))
      .orderBy(desc(sql`ts_rank(${entry.search}, ${tsquery(f.q ?? '')})`), asc(entry.cooperationId))
      .limit(limit + 1)
      .offset(order.offset)) as EntryHit[];
  const dir = order.by === 'feed' ? 'asc' : 'desc';
  const sort = dir === 'asc' ? [asc(entry.releasedAt), asc(entry.cooperationId)] : [desc(entry.releasedAt), desc(entry.cooperationId)];

  return (await base.where(and(whereOf(f), keyset(order.after, dir))).orderBy(...sort).limit(limit + 1)) as EntryHit[];
};

/** Count and newest release time of what is public now: the validator of every list and bulk response. */
export const freshness = async (db: Db) => {
  const rows = (await db.execute(
    sql`SELECT (SELECT count(*) FROM portal_release)::int AS releases, (SELECT max(released_at) FROM portal_release) AS newest`,
  )) as unknown as { rows: { releases: number; newest: string | Date | null }[] };
  const r = rows.rows[0]!;

  return { releases: Number(r.releases), newest: r.newest === null ? null : new Date(r.newest) };
};

/** The current snapshots of these cooperations with their release time, in the order asked. */
export const snapshotsOf = async (db: Db, ids: readonly string[]) => {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: entry.cooperationId, snapshot: release.snapshot, releasedAt: release.releasedAt })
    .from(entry)
    .innerJoin(release, eq(release.id, entry.releaseId))
    .where(inArray(entry.cooperationId, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));

  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] & { snapshot: PublicCooperation } => r?.snapshot != null);
};

/** First start and last end date of what is public now: the period the open data covers. */
export const periodCovered = async (db: Db) => {
  const r = ((await db.execute(sql`SELECT min(start_date)::text AS first, max(end_date)::text AS last FROM portal_entry`)) as unknown as { rows: { first: string | null; last: string | null }[] }).rows[0];

  return { from: r?.first ?? null, to: r?.last ?? null };
};

/** Every release of every cooperation after an instant, oldest first (keyset on time and id): the feed that also carries withdrawals. */
export const releasesAfter = (db: Db, since: Date | null, after: { at: Date; id: string } | null, limit: number) =>
  db
    .select()
    .from(release)
    .where(
      and(
        since ? sql`${release.releasedAt} > ${since.toISOString()}::timestamptz` : undefined,
        after ? sql`(${release.releasedAt}, ${release.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(release.releasedAt), asc(release.id))
    .limit(limit + 1);
