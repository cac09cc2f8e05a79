import type { NetworkNode, PublicNetwork } from '../../contracts/portal.js';
import { colourOf, fill, radiusOf, widthOf, type ColourBy, type Messages } from './model.js';

const SVG = 'http://www.w3.org/2000/svg';
// Indonesia from Sabang to Merauke, Miangas to Rote, with a margin.
const BOUNDS = { west: 94.5, east: 141.5, south: -11.5, north: 6.5 };
const GEO_SIZE = { width: 960, height: Math.round((960 * (BOUNDS.north - BOUNDS.south)) / (BOUNDS.east - BOUNDS.west)) };
// Wide enough for kab/kota names left and right of the ring.
const CIRCLE_SIZE = { width: 960, height: 600 };
const LABEL_ROOM = 230;
const MAX_LABELS = 30;

type Point = { x: number; y: number };

const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, title?: string) => {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (title) node.appendChild(document.createElementNS(SVG, 'title')).textContent = title;

  return node;
};

const placeByLonLat = (nodes: NetworkNode[]) =>
  new Map(
    nodes.map((n): [string, Point] => [
      n.code,
      { x: ((n.lon! - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * GEO_SIZE.width, y: ((BOUNDS.north - n.lat!) / (BOUNDS.north - BOUNDS.south)) * GEO_SIZE.height },
    ]),
  );

/**
 * Without positions: a circle ordered by code, so each province sits next to its kab/kota, with a
 * gap between provinces that makes the groups visible.
 */
export const placeOnCircle = (nodes: NetworkNode[]): Map<string, Point> => {
  const sorted = [...nodes].sort((a, b) => a.code.localeCompare(b.code));
  const groups = new Set(sorted.map((n) => n.code.slice(0, 2))).size;
  const slots = sorted.length + (groups > 1 ? groups : 0);
  const [rx, ry] = [CIRCLE_SIZE.width / 2 - LABEL_ROOM, CIRCLE_SIZE.height / 2 - 30];
  const places = new Map<string, Point>();
  let slot = 0;
  let province = '';
  for (const n of sorted) {
    if (groups > 1 && n.code.slice(0, 2) !== province) slot += 1;
    province = n.code.slice(0, 2);
    const angle = (2 * Math.PI * slot) / Math.max(1, slots) - Math.PI / 2;
    places.set(n.code, { x: CIRCLE_SIZE.width / 2 + rx * Math.cos(angle), y: CIRCLE_SIZE.height / 2 + ry * Math.sin(angle) });
    slot += 1;
  }

  return places;
};

/**
 * The fallback drawing when there is no boundary map (no GEO_DATA_DIR, no WebGL, or MapLibre
 * failed): an SVG of nodes and links. Colours come from the legend the caller shows beside it.
 */
export const createSchematic = (host: HTMLElement, t: Messages) => ({
  render(network: PublicNetwork, by: ColourBy, legend: { key: string; colour: string }[]) {
    const geo = network.nodes.length > 0 && network.nodes.every((n) => n.lon !== undefined && n.lat !== undefined);
    const size = geo ? GEO_SIZE : CIRCLE_SIZE;
    const places = geo ? placeByLonLat(network.nodes) : placeOnCircle(network.nodes);
    const svg = el('svg', { viewBox: `0 0 ${size.width} ${size.height}`, width: '100%', role: 'img', 'aria-label': t.schematic, class: 'network-schematic' });
    svg.appendChild(el('rect', { x: 0, y: 0, width: size.width, height: size.height, fill: '#F4F8FA' }));
    const maxLink = Math.max(1, ...network.links.map((l) => l.count));
    const maxNode = Math.max(1, ...network.nodes.map((n) => n.count));
    const names = new Map(network.nodes.map((n) => [n.code, n.name]));
    const links = svg.appendChild(el('g', { class: 'links', 'stroke-linecap': 'round' }));
    for (const l of network.links) {
      const [a, b] = [places.get(l.source), places.get(l.target)];
      if (!a || !b) continue;
      const title = `${names.get(l.source)} – ${names.get(l.target)}: ${fill(t.cooperations, { count: l.count })}`;
      links.appendChild(
        el('line', { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1), stroke: colourOf(l, by, legend), 'stroke-width': widthOf(l.count, maxLink).toFixed(1), 'stroke-opacity': 0.75, 'data-link': `${l.source}|${l.target}` }, title),
      );
    }
    const nodes = svg.appendChild(el('g', { class: 'nodes' }));
    const labelled = !geo && network.nodes.length <= MAX_LABELS;
    for (const n of network.nodes) {
      const p = places.get(n.code)!;
      nodes.appendChild(el('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radiusOf(n.count, maxNode).toFixed(1), fill: '#1F2933', stroke: '#FFFFFF', 'stroke-width': 1.5, 'data-code': n.code }, `${n.name}: ${fill(t.cooperations, { count: n.count })}`));
      if (labelled) {
        const right = p.x >= CIRCLE_SIZE.width / 2;
        const label = el('text', { x: (p.x + (right ? 14 : -14)).toFixed(1), y: (p.y + 4).toFixed(1), 'text-anchor': right ? 'start' : 'end', 'font-size': 14, fill: '#1F2933' });
        label.textContent = n.name;
        nodes.appendChild(label);
      }
    }
    host.replaceChildren(svg);

    return { nodes: network.nodes.length, links: links.childElementCount };
  },
});
