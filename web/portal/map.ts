import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { NetworkNode, PublicNetwork } from '../../contracts/portal.js';
import { colourOf, fill, radiusOf, widthOf, type Messages } from './model.js';
import type { Renderer } from './network.js';

// Bundled, the worker's default URL (derived from the chunk's URL) is wrong; point at the emitted file.
maplibregl.setWorkerUrl(workerUrl);

type GeoInfo = { attribution: string | null; layers: { id: string; url: string }[] };

const INDONESIA: [[number, number], [number, number]] = [[94.5, -11.5], [141.5, 6.5]];
const placed = (n: NetworkNode): n is NetworkNode & { lon: number; lat: number } => n.lon !== undefined && n.lat !== undefined;

/**
 * A style built in code: a plain background and the deployment's own boundary layers. No tiles,
 * sprites or glyphs are fetched from anywhere (offline deployments; strict CSP), hence no text
 * labels on the map — names are in popups and in the table.
 */
const styleFor = (geo: GeoInfo): maplibregl.StyleSpecification => {
  const url = (id: string) => new URL(geo.layers.find((l) => l.id === id)!.url, location.href).href;
  const empty = { type: 'FeatureCollection' as const, features: [] };

  return {
    version: 8,
    sources: {
      provinces: { type: 'geojson', data: url('provinces'), promoteId: 'code' },
      regencies: { type: 'geojson', data: url('regencies'), promoteId: 'code' },
      links: { type: 'geojson', data: empty },
      nodes: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#DCEBF2' } },
      { id: 'regencies-fill', type: 'fill', source: 'regencies', paint: { 'fill-color': '#FBFAF5' } },
      { id: 'regencies-line', type: 'line', source: 'regencies', minzoom: 5, paint: { 'line-color': '#C9C4B5', 'line-width': 0.5 } },
      { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': '#8E887A', 'line-width': 1 } },
      { id: 'links', type: 'line', source: 'links', layout: { 'line-cap': 'round' }, paint: { 'line-color': ['get', 'colour'], 'line-width': ['get', 'width'], 'line-opacity': 0.8 } },
      {
        id: 'nodes',
        type: 'circle',
        source: 'nodes',
        paint: { 'circle-color': '#1F2933', 'circle-opacity': 0.85, 'circle-radius': ['get', 'radius'], 'circle-stroke-color': '#FFFFFF', 'circle-stroke-width': 1.5 },
      },
    ],
  };
};

const popupContent = (lines: string[]) => {
  const box = document.createElement('div');
  for (const [i, line] of lines.entries()) box.appendChild(document.createElement(i === 0 ? 'strong' : 'p')).textContent = line;

  return box;
};

const uniqueRendered = (map: maplibregl.Map, layer: string) => new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.id ?? JSON.stringify(f.properties))).size;

/** The MapLibre renderer: boundary layers, links as lines between interior points, nodes as circles. */
export const createMap = async (host: HTMLElement, geo: GeoInfo, t: Messages): Promise<Renderer> => {
  const target = host.appendChild(document.createElement('div'));
  target.className = 'network-maplibre';
  const map = new maplibregl.Map({ container: target, style: styleFor(geo), bounds: INDONESIA, attributionControl: false, dragRotate: false, pitchWithRotate: false });
  map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: geo.attribution ?? undefined }));
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  map.touchZoomRotate.disableRotation();
  await new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (e) => reject(e.error));
  });

  let names = new Map<string, string>();
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '18rem' });
  map.on('click', 'nodes', (e) => {
    const p = e.features?.[0]?.properties as { name: string; count: number } | undefined;
    if (p) popup.setLngLat(e.lngLat).setDOMContent(popupContent([p.name, fill(t.cooperations, { count: p.count })])).addTo(map);
  });
  map.on('click', 'links', (e) => {
    const p = e.features?.[0]?.properties as { source: string; target: string; count: number; kinds: string } | undefined;
    if (!p) return;
    // GeoJSON properties come back flattened: nested objects as JSON strings.
    const kinds = Object.entries(JSON.parse(p.kinds) as Record<string, number>).map(([k, n]) => `${t.kinds[k as keyof Messages['kinds']] ?? k}: ${n}`);
    popup.setLngLat(e.lngLat).setDOMContent(popupContent([`${names.get(p.source)} – ${names.get(p.target)}`, fill(t.cooperations, { count: p.count }), ...kinds])).addTo(map);
  });
  for (const layer of ['nodes', 'links']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }

  return {
    render: async (network: PublicNetwork, by, legend) => {
      names = new Map(network.nodes.map((n) => [n.code, n.name]));
      const points = new Map(network.nodes.filter(placed).map((n) => [n.code, [n.lon, n.lat] as [number, number]]));
      const maxLink = Math.max(1, ...network.links.map((l) => l.count));
      const maxNode = Math.max(1, ...network.nodes.map((n) => n.count));
      const lines = network.links
        .filter((l) => points.has(l.source) && points.has(l.target))
        .map((l, i) => ({
          type: 'Feature' as const,
          id: i + 1,
          properties: { source: l.source, target: l.target, count: l.count, kinds: l.kinds, colour: colourOf(l, by, legend), width: widthOf(l.count, maxLink) },
          geometry: { type: 'LineString' as const, coordinates: [points.get(l.source)!, points.get(l.target)!] },
        }));
      const circles = network.nodes.filter(placed).map((n, i) => ({
        type: 'Feature' as const,
        id: i + 1,
        properties: { code: n.code, name: n.name, count: n.count, radius: radiusOf(n.count, maxNode) },
        geometry: { type: 'Point' as const, coordinates: [n.lon, n.lat] },
      }));
      (map.getSource('links') as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features: lines });
      (map.getSource('nodes') as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features: circles });
      popup.remove();
      // Count what was actually drawn once the map has settled with the new data.
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        setTimeout(resolve, 10_000);
      });

      return { nodes: uniqueRendered(map, 'nodes'), links: uniqueRendered(map, 'links') };
    },
  };
};
