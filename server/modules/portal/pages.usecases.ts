import type { PublicCooperation, PublicCooperationList, PublicRegionSummary, PublicStats } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import type { VersionedCache } from '../../platform/db/versioned-cache.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { AppError } from '../../platform/http/errors.js';
import { listUrusan, regionNames } from '../reference/index.js';
import type { NetworkLink } from './pages.models.js';
import { buildNetwork } from './network.models.js';
import { findNetworkEntries } from './network.repository.js';
import * as repo from './pages.repository.js';
import { regionSummary, stats } from './figures.usecases.js';
import { getPublished, listPublished, publicFreshness } from './public.usecases.js';
import { PublicQuerySchema, type PublicQuery } from './portal.schemas.js';

/**
 * What each public page shows, read from the portal's published data only. Figures shared by
 * many requests are kept per process and checked on every request against the release log
 * (count and newest release), so a publication shows at once and a page costs one or two
 * narrow statements; the cache is the platform's versioned cache (ADR 0024).
 */
export type PageCache = VersionedCache<unknown> | null;
export type PagesDeps = { db: Db; cache: PageCache };

type Names = Record<string, string>;
/** Figures of everything published: the search form's choices, statistics and open data. */
export type Figures = { stats: PublicStats; regions: Record<string, number>; regionNames: Names };

const urusanByProcess = new WeakMap<Db, Promise<Record<string, { id: string; en: string }>>>();

/** Urusan names in both languages; the urusan list changes only when the reference data is synced at start-up. */
export const urusanNames = ({ db }: { db: Db }) => {
  let names = urusanByProcess.get(db);
  if (!names) {
    names = listUrusan({ db }).then((rows) => Object.fromEntries(rows.map((u) => [u.code, { id: u.nameId, en: u.nameEn }])));
    names.catch(() => urusanByProcess.delete(db));
    urusanByProcess.set(db, names);
  }

  return names;
};

const cached = async <T>({ db, cache }: PagesDeps, key: string, compute: () => Promise<T>): Promise<T> => {
  if (!cache) return compute();
  const fresh = await publicFreshness(db);

  return cache.load(key, `${fresh.releases}|${fresh.newest?.toISOString() ?? ''}`, compute) as Promise<T>;
};

const namesOf = async (db: Db, codes: string[]): Promise<Names> => Object.fromEntries(await regionNames({ db, codes }));

const computeFigures = async (db: Db): Promise<Figures> => {
  const [figures, regions] = await Promise.all([stats(db), repo.regionCounts(db)]);

  return { stats: figures, regions, regionNames: await namesOf(db, Object.keys(regions)) };
};

export const figures = (deps: PagesDeps) => cached(deps, 'figures', () => computeFigures(deps.db));

/**
 * The read model's list query has no stage filter yet (contracts: q, kind, urusan, region); the
 * search form offers one only once the query accepts it, so the page never sends what it refuses.
 */
export const STATE_FILTER = 'state' in PublicQuerySchema.shape;

export type SearchInput = { q?: string | undefined; kind?: string | undefined; urusan?: string | undefined; region?: string | undefined; state?: string | undefined; cursor?: string | undefined };

/** The search home: one page of results (uncached: it depends on the query) and the shared figures. */
export const searchPage = async (deps: PagesDeps, input: SearchInput): Promise<{ list: PublicCooperationList; figures: Figures }> => {
  const { state, ...rest } = input;
  const query = { ...rest, ...(STATE_FILTER && state ? { state } : {}), limit: 20 } as PublicQuery;
  // A damaged "Berikutnya" link (a cut-off cursor) starts the list again instead of failing the page.
  const list = (q: PublicQuery) => listPublished(deps.db, q).catch((err: unknown) => {
    if (q.cursor && err instanceof AppError && err.definition.status === 400) return listPublished(deps.db, { ...q, cursor: undefined });
    throw err;
  });
  const [page, shared] = await Promise.all([list(query), figures(deps)]);

  return { list: page, figures: shared };
};

/** One published cooperation with its newest release's date; null when it is not public. */
export const detailPage = async ({ db }: PagesDeps, id: string): Promise<{ cooperation: PublicCooperation; release: { releasedAt: string; sequence: number } | null } | null> => {
  const [cooperation, release] = await Promise.all([getPublished(db, id), repo.entryRelease(db, id)]);

  return cooperation ? { cooperation, release } : null;
};

export type RegionData = { summary: PublicRegionSummary; subregions: Record<string, number>; regionNames: Names };

/** A region's page; null for a code the reference data does not know. */
export const regionPage = (deps: PagesDeps, code: string): Promise<RegionData | null> =>
  cached(deps, `region:${code}`, async () => {
    const [summary, shared] = await Promise.all([regionSummary(deps.db, code), figures(deps)]);
    if (!summary.name) return null;
    const subregions = Object.fromEntries(Object.entries(shared.regions).filter(([k]) => k.startsWith(`${code}.`)));

    return { summary, subregions, regionNames: { ...shared.regionNames, [code]: summary.name } };
  });

/** The links table of the network page, with the names of every region in it. */
export const networkPage = (deps: PagesDeps): Promise<{ links: NetworkLink[]; regionNames: Names }> =>
  cached(deps, 'network', async () => {
    // The same pairs the map draws (pemda parties only, not locations), so the table is its accessible twin.
    const network = buildNetwork(await findNetworkEntries(deps.db, {}), new Map(), new Map());
    const links = network.links.map((l) => ({ a: l.source, b: l.target, count: l.count, kinds: l.kinds as Record<string, number> }));

    return { links, regionNames: await namesOf(deps.db, links.flatMap((l) => [l.a, l.b])) };
  });

/** A rendered page, kept while nothing new is published (the route renders it on a miss). */
export const cachedPage = (deps: PagesDeps, key: string, render: () => Promise<{ status: 200 | 404; html: string }>) => cached(deps, `page:${key}`, render);

export const sitemapPage = (deps: PagesDeps) => cached(deps, 'sitemap', () => repo.sitemapData(deps.db));

/** A name in the reader's language for an urusan code (the code itself when unknown). */
export const urusanLabel = (names: Record<string, { id: string; en: string }>, lang: Lang) => (code: string) => names[code]?.[lang] ?? code;
