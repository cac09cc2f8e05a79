import type { PublicCooperation, PublicCooperationList, PublicCooperationSummary, PublicRelease } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import { commonErrors } from '../../platform/http/errors.js';
import { safeSnippet } from '../cooperations/index.js';
import * as repo from './portal.repository.js';
import { PublicQuerySchema, type PublicQuery } from './portal.schemas.js';
import type { ReleaseRow } from './portal.tables.js';

/**
 * What anyone may read, from the portal's own tables only (ADR 0028): the current projection for
 * lists and search, the newest release for a record, the release history. No actor: public.
 */

type Cursor = { o?: number; at?: string; id?: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

const decodeCursor = (s: string | undefined): Cursor | null => {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c !== 'object' || c === null) throw new Error('cursor');

    return c;
  } catch {
    throw commonErrors.validation();
  }
};

const orderOf = (q: { q?: string | undefined; since?: string | undefined }, cursor: Cursor | null): repo.EntryOrder => {
  const after = cursor?.at && cursor.id ? { at: new Date(cursor.at), id: cursor.id } : null;
  if (q.since) return { by: 'feed', after };
  if (q.q) return { by: 'relevance', offset: cursor?.o ?? 0 };

  return { by: 'recent', after };
};

const summaryOf = (r: repo.EntryHit): PublicCooperationSummary => ({
  id: r.cooperationId,
  ocid: r.ocid,
  code: r.code,
  title: r.title,
  kind: r.kind as PublicCooperationSummary['kind'],
  state: r.state as PublicCooperationSummary['state'],
  urusanCodes: r.urusanCodes,
  regionCodes: r.regionCodes,
  partyNames: r.partyNames,
  startDate: r.startDate,
  endDate: r.endDate,
  inactive: r.inactive,
  releasedAt: r.releasedAt.toISOString(),
  snippet: safeSnippet(r.snippet),
});

/** One page of published cooperations: newest release first, by relevance when searching, oldest first for the change feed. */
export const listPublished = async (db: Db, query: PublicQuery): Promise<PublicCooperationList> => {
  // Callers other than the route (the server-rendered portal) pass user input too: a bad filter is a 400, not a 500.
  const parsed = PublicQuerySchema.safeParse(query);
  if (!parsed.success) throw commonErrors.validation();
  const q = parsed.data;
  const cursor = decodeCursor(q.cursor);
  const order = orderOf(q, cursor);
  const filter = { q: q.q || undefined, kind: q.kind, urusan: q.urusan, region: q.region, since: q.since ? new Date(q.since) : undefined };
  const rows = await repo.listEntries(db, filter, order, q.limit);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const more = rows.length > q.limit && last;
  const nextCursor = !more ? null : order.by === 'relevance' ? encodeCursor({ o: order.offset + q.limit }) : encodeCursor({ at: last.releasedAt.toISOString(), id: last.cooperationId });

  return { items: page.map(summaryOf), nextCursor };
};

/** Every published cooperation matching the filters, page by page, for the bulk downloads (no row cap). */
export async function* allPublished(db: Db, query: Omit<PublicQuery, 'cursor' | 'limit'>): AsyncGenerator<PublicCooperationSummary[]> {
  let cursor: string | undefined;
  do {
    const page = await listPublished(db, { ...query, cursor, limit: 200 });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The newest release's snapshot of a cooperation that is public now; null when it is not (never published or withdrawn). */
export const getPublished = (db: Db, id: string): Promise<PublicCooperation | null> => repo.currentSnapshot(db, id);

const releaseOf = (r: ReleaseRow): PublicRelease => ({ id: r.id, ocid: r.ocid, sequence: r.sequence, date: r.releasedAt.toISOString(), tag: r.tag, cooperation: r.snapshot });

/** All releases of a cooperation in order, withdrawals included; empty when it was never published. */
export const listReleases = async (db: Db, id: string): Promise<PublicRelease[]> => (await repo.releasesOf(db, id)).map(releaseOf);

/**
 * The release feed: every release after `since` (all when absent), oldest first, withdrawals
 * included — a harvester learns from it that a cooperation left the portal, which the list cannot
 * tell since a withdrawn cooperation is no longer in it.
 */
export const releaseFeed = async (db: Db, query: { since?: string | undefined; cursor?: string | undefined; limit: number }) => {
  const cursor = decodeCursor(query.cursor);
  const after = cursor?.at && cursor.id ? { at: new Date(cursor.at), id: cursor.id } : null;
  const rows = await repo.releasesAfter(db, query.since ? new Date(query.since) : null, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);

  return { items: page.map(releaseOf), nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.releasedAt.toISOString(), id: last.id }) : null };
};

/** Release count and newest release time: the ETag and Last-Modified of every public list and download. */
export const publicFreshness = (db: Db) => repo.freshness(db);
