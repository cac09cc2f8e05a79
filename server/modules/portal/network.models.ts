import type { Kind } from '../../../contracts/cooperations.js';
import type { NetworkLink, NetworkNode, PublicNetwork, PublicRef } from '../../../contracts/portal.js';

/** One published cooperation as the network sees it: its kind, urusan and party pemda's region codes. */
export type NetworkEntry = { kind: Kind; urusan: PublicRef[]; partyRegions: string[] };

// Only pemda are nodes: a province ("NN") or a kab/kota ("NN.NN").
const PEMDA_CODE = /^\d{2}(\.\d{2})?$/;

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Pure aggregation: each cooperation links every pair of its party regions once (a kab/kota with
 * its own province as a party links kab/kota ↔ province too). Nodes are all party regions, links
 * are keyed by the ordered pair so A–B and B–A are one edge. Sorted for stable output and ETags.
 */
export const buildNetwork = (
  entries: readonly NetworkEntry[],
  names: ReadonlyMap<string, string>,
  points: ReadonlyMap<string, { lon: number; lat: number }>,
): PublicNetwork => {
  const nodeCounts = new Map<string, number>();
  const links = new Map<string, NetworkLink>();
  const urusanNames = new Map<string, string>();
  for (const entry of entries) {
    const regions = [...new Set(entry.partyRegions.filter((c) => PEMDA_CODE.test(c)))].sort();
    for (const code of regions) nodeCounts.set(code, (nodeCounts.get(code) ?? 0) + 1);
    for (const u of entry.urusan) urusanNames.set(u.code, u.name);
    for (let i = 0; i < regions.length; i++)
      for (let j = i + 1; j < regions.length; j++) {
        const [source, target] = [regions[i]!, regions[j]!];
        const key = `${source}|${target}`;
        const link = links.get(key) ?? { source, target, count: 0, kinds: {}, urusan: {} };
        link.count += 1;
        bump(link.kinds, entry.kind);
        for (const u of new Set(entry.urusan.map((x) => x.code))) bump(link.urusan, u);
        links.set(key, link);
      }
  }
  const nodes: NetworkNode[] = [...nodeCounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => {
      const point = points.get(code);

      return { code, name: names.get(code) ?? code, level: code.length === 2 ? 'PROVINSI' : 'KABKOTA', ...(point ? { lon: point.lon, lat: point.lat } : {}), count };
    });

  return {
    nodes,
    links: [...links.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
    urusan: [...urusanNames.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([code, name]) => ({ code, name })),
  };
};
