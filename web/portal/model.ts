import type { Kind } from '../../contracts/cooperations.js';
import type { NetworkLink, PublicNetwork } from '../../contracts/portal.js';
import en from './i18n/en.json';
import id from './i18n/id.json';

export type Messages = typeof id;
export type ColourBy = 'kind' | 'urusan';
export type Filters = { kind: string; urusan: string };

/** The page's language (the SSR layout sets it); Bahasa Indonesia unless the page is English. */
export const messagesFor = (lang: string | undefined): Messages => (lang?.toLowerCase().startsWith('en') ? en : id);

export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

// Okabe–Ito: told apart with the common colour-vision deficiencies.
export const KIND_COLOURS: Record<Kind, string> = { KSDD: '#0072B2', KSDPK: '#E69F00', KSDPL: '#009E73', KSDLL: '#CC79A7', SINERGI: '#D55E00' };
const URUSAN_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#8C6D1F', '#000000'];
export const OTHER_COLOUR = '#7A7A7A';

const topKey = (counts: Record<string, number | undefined>): string | null =>
  Object.entries(counts).reduce<[string, number] | null>((best, [k, n]) => (n !== undefined && (!best || n > best[1] || (n === best[1] && k < best[0])) ? [k, n] : best), null)?.[0] ?? null;

/** The kind (or urusan) most of a link's cooperations have: its colour. Ties go to the smaller code, so it is stable. */
export const dominant = (link: NetworkLink, by: ColourBy) => topKey(by === 'kind' ? link.kinds : link.urusan);

/** Legend entries: kinds in a fixed order, or the most frequent urusan (the rest share "other"). */
export const legendOf = (network: PublicNetwork, by: ColourBy, t: Messages): { key: string; label: string; colour: string }[] => {
  if (by === 'kind') {
    const present = new Set(network.links.map((l) => dominant(l, 'kind')));

    return (Object.keys(KIND_COLOURS) as Kind[]).filter((k) => present.has(k)).map((k) => ({ key: k, label: t.kinds[k], colour: KIND_COLOURS[k] }));
  }
  const counts = new Map<string, number>();
  for (const l of network.links) {
    const u = dominant(l, 'urusan');
    if (u) counts.set(u, (counts.get(u) ?? 0) + l.count);
  }
  const names = new Map(network.urusan.map((u) => [u.code, u.name]));
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, URUSAN_PALETTE.length - 1);
  const entries = top.map(([code], i) => ({ key: code, label: `${code} ${names.get(code) ?? ''}`.trim(), colour: URUSAN_PALETTE[i]! }));

  return counts.size > top.length ? [...entries, { key: '', label: t.other, colour: OTHER_COLOUR }] : entries;
};

export const colourOf = (link: NetworkLink, by: ColourBy, legend: { key: string; colour: string }[]) => {
  const key = dominant(link, by);

  return legend.find((e) => e.key === key)?.colour ?? OTHER_COLOUR;
};

/** Line width in pixels: grows with the square root of the count, so one busy pair does not drown the rest. */
export const widthOf = (count: number, max: number) => 1.5 + 6 * Math.sqrt(count / Math.max(1, max));

/** Node radius in pixels, by the number of cooperations the region takes part in. */
export const radiusOf = (count: number, max: number) => 3 + 5 * Math.sqrt(count / Math.max(1, max));

export const networkQuery = (base: string, f: Filters) => {
  const params = new URLSearchParams();
  if (f.kind) params.set('kind', f.kind);
  if (f.urusan) params.set('urusan', f.urusan);
  const qs = params.toString();

  return qs ? `${base}${base.includes('?') ? '&' : '?'}${qs}` : base;
};
