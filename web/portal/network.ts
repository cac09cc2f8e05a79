import type { PublicNetwork } from '../../contracts/portal.js';
import { fill, legendOf, messagesFor, networkQuery, type ColourBy, type Filters, type Messages } from './model.js';
import { createSchematic } from './schematic.js';
import stylesheet from './network.css?url';

/** What draws the network: the MapLibre map (lazy chunk) or the SVG schematic. */
export type Renderer = {
  render: (network: PublicNetwork, by: ColourBy, legend: { key: string; colour: string }[]) => { nodes: number; links: number } | Promise<{ nodes: number; links: number }>;
};

type GeoInfo = { available: boolean; attribution: string | null; layers: { id: string; url: string }[] };

const h = <K extends keyof HTMLElementTagNameMap>(name: K, props: Partial<Record<string, string>> = {}, text?: string) => {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;

  return node;
};

const svgEl = (name: string, attrs: Record<string, string>) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);

  return node;
};

const getJson = async <T>(url: string): Promise<T> => {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);

  return (await res.json()) as T;
};

const webglWorks = () => {
  try {
    const canvas = document.createElement('canvas');

    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
};

const select = (name: string, label: string, options: [string, string][], value: string) => {
  const wrap = h('label', { class: 'network-filter' }, label);
  const box = wrap.appendChild(h('select', { name }));
  for (const [v, text] of options) box.appendChild(h('option', { value: v }, text)).selected = v === value;

  return wrap;
};

const legendList = (entries: { label: string; colour: string }[], t: Messages) => {
  const list = h('ul', { class: 'network-legend', 'aria-label': t.legend });
  for (const e of entries) {
    const item = list.appendChild(h('li'));
    const swatch = item.appendChild(svgEl('svg', { width: '24', height: '8', 'aria-hidden': 'true' }));
    swatch.appendChild(svgEl('rect', { width: '24', height: '8', fill: e.colour }));
    item.append(` ${e.label}`);
  }

  return list;
};

/**
 * Enhances the portal's /peta page: the server-rendered table stays (it is the accessible
 * version); this draws the same network above it. MapLibre (≈300 KB gzip) loads only when the
 * server has boundaries and the browser has WebGL; otherwise, or if it fails, an SVG diagram.
 */
export const enhance = async (container: HTMLElement) => {
  const t = messagesFor(container.dataset.lang ?? document.documentElement.lang);
  const networkUrl = container.dataset.networkUrl ?? '/api/public/network';
  if (!document.querySelector(`link[href="${stylesheet}"]`)) document.head.appendChild(h('link', { rel: 'stylesheet', href: stylesheet }));
  if (!container.hasAttribute('aria-label')) container.setAttribute('aria-label', t.mapLabel);
  const status = h('p', { class: 'network-status', 'aria-live': 'polite' }, t.loading);
  const form = h('form', { class: 'network-filters', 'aria-label': t.filters });
  const canvas = h('div', { class: 'network-canvas' });
  const legend = h('div');
  container.append(status, form, canvas, legend);
  const filters: Filters = { kind: '', urusan: '' };
  let by: ColourBy = 'kind';

  const [first, geo] = await Promise.all([getJson<PublicNetwork>(networkUrl), container.dataset.geoUrl ? getJson<GeoInfo>(container.dataset.geoUrl).catch(() => null) : null]);
  let renderer: Renderer = createSchematic(canvas, t);
  let kind = 'schematic';
  if (geo?.available && webglWorks())
    try {
      const { createMap } = await import('./map.js');
      renderer = await createMap(canvas, geo, t);
      kind = 'map';
    } catch (err) {
      console.warn('network map: falling back to the diagram', err);
    }
  container.dataset.renderer = kind;

  // Filter options come from the unfiltered network, so a choice never hides the others.
  form.append(
    select('kind', t.kind, [['', t.all], ...(Object.keys(t.kinds) as (keyof Messages['kinds'])[]).filter((k) => first.links.some((l) => l.kinds[k])).map((k): [string, string] => [k, t.kinds[k]])], ''),
    select('urusan', t.urusan, [['', t.all], ...first.urusan.map((u): [string, string] => [u.code, `${u.code} ${u.name}`])], ''),
    select('colourBy', t.colourBy, [['kind', t.byKind], ['urusan', t.byUrusan]], by),
  );

  let current = first;
  const draw = async () => {
    const entries = legendOf(current, by, t);
    const drawn = await renderer.render(current, by, entries);
    legend.replaceChildren(legendList(entries, t));
    status.textContent = current.links.length === 0 && current.nodes.length === 0 ? t.empty : fill(t.summary, { nodes: drawn.nodes, links: drawn.links });
    container.dataset.renderedNodes = String(drawn.nodes);
    container.dataset.renderedLinks = String(drawn.links);
  };
  form.addEventListener('change', async (event) => {
    const target = event.target as HTMLSelectElement;
    if (target.name === 'colourBy') by = target.value as ColourBy;
    else {
      filters[target.name as keyof Filters] = target.value;
      current = await getJson<PublicNetwork>(networkQuery(networkUrl, filters));
    }
    await draw();
  });
  await draw();
};

const container = document.getElementById('network-map');
if (container)
  enhance(container).catch((err: unknown) => {
    console.error('network map', err);
    const p = container.querySelector('.network-status') ?? container.appendChild(document.createElement('p'));
    p.textContent = messagesFor(container.dataset.lang ?? document.documentElement.lang).failed;
    container.dataset.renderer = 'failed';
  });
