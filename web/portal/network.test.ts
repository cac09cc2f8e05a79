import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicNetwork } from '../../contracts/portal.js';
import { dominant, legendOf, messagesFor, networkQuery } from './model.js';
import { createSchematic, placeOnCircle } from './schematic.js';
import { enhance } from './network.js';

const t = messagesFor('id');
const network: PublicNetwork = {
  nodes: [
    { code: '63', name: 'Kalimantan Selatan', level: 'PROVINSI', count: 1 },
    { code: '63.06', name: 'Kabupaten Hulu Sungai Selatan', level: 'KABKOTA', count: 3 },
    { code: '63.07', name: 'Kabupaten Hulu Sungai Tengah', level: 'KABKOTA', count: 2 },
    { code: '64.71', name: 'Kota Balikpapan', level: 'KABKOTA', count: 1 },
  ],
  links: [
    { source: '63.06', target: '63.07', count: 2, kinds: { KSDD: 2 }, urusan: { '2.11': 2 } },
    { source: '63', target: '63.06', count: 1, kinds: { KSDD: 1 }, urusan: { '1.03': 1 } },
    { source: '63.06', target: '64.71', count: 1, kinds: { KSDPK: 1 }, urusan: { '1.03': 1 } },
  ],
  urusan: [{ code: '1.03', name: 'Pekerjaan Umum' }, { code: '2.11', name: 'Lingkungan Hidup' }],
};
const positioned: PublicNetwork = { ...network, nodes: network.nodes.map((n, i) => ({ ...n, lon: 114 + i, lat: -2 - i / 2 })) };

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the schematic network diagram', () => {
  it('draws a node per region and a line per link, coloured by the dominant kind', () => {
    const host = document.createElement('div');
    const legend = legendOf(network, 'kind', t);
    expect(legend.map((e) => e.key)).toEqual(['KSDD', 'KSDPK']);
    expect(createSchematic(host, t).render(network, 'kind', legend)).toEqual({ nodes: 4, links: 3 });
    const lines = host.querySelectorAll('line');
    expect(lines[0]?.getAttribute('stroke')).toBe('#0072B2');
    expect(lines[2]?.getAttribute('stroke')).toBe('#E69F00');
    expect(Number(lines[0]?.getAttribute('stroke-width'))).toBeGreaterThan(Number(lines[1]?.getAttribute('stroke-width')));
    expect(host.querySelector('circle[data-code="63.06"] title')?.textContent).toBe('Kabupaten Hulu Sungai Selatan: 3 kerja sama');
    expect(host.querySelector('svg')?.getAttribute('role')).toBe('img');
    // Few regions on a circle: labelled.
    expect([...host.querySelectorAll('text')].map((x) => x.textContent)).toContain('Kota Balikpapan');
  });

  it('places nodes by longitude and latitude when every node has a position, west to the left', () => {
    const host = document.createElement('div');
    createSchematic(host, t).render(positioned, 'urusan', legendOf(positioned, 'urusan', t));
    const x = (code: string) => Number(host.querySelector(`circle[data-code="${code}"]`)?.getAttribute('cx'));
    expect(x('63')).toBeLessThan(x('64.71'));
    expect(host.querySelectorAll('text')).toHaveLength(0);
  });

  it('groups a province with its kab/kota on the circle', () => {
    const places = placeOnCircle(network.nodes);
    const gap = (a: string, b: string) => Math.hypot(places.get(a)!.x - places.get(b)!.x, places.get(a)!.y - places.get(b)!.y);
    expect(gap('63.06', '63.07')).toBeLessThan(gap('63.07', '64.71'));
  });

  it('colours by urusan with the most frequent first, and breaks ties by code', () => {
    expect(legendOf(network, 'urusan', t).map((e) => e.key)).toEqual(['1.03', '2.11']);
    expect(dominant({ source: 'a', target: 'b', count: 2, kinds: { KSDPK: 1, KSDD: 1 }, urusan: {} }, 'kind')).toBe('KSDD');
    expect(networkQuery('/api/public/network', { kind: 'KSDD', urusan: '' })).toBe('/api/public/network?kind=KSDD');
  });
});

describe('enhancing the /peta page', () => {
  const page = (geo: { available: boolean }) => {
    const container = document.body.appendChild(document.createElement('div'));
    container.id = 'network-map';
    container.dataset.networkUrl = '/api/public/network';
    container.dataset.geoUrl = '/api/public/geo';
    container.dataset.lang = 'en';
    const fetchMock = vi.fn(async (url: string) => {
      const body = url.startsWith('/api/public/geo') ? geo : url.includes('kind=KSDPK') ? { ...network, links: [network.links[2]], nodes: network.nodes.slice(1, 2).concat(network.nodes[3]!) } : network;

      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetchMock);

    return { container, fetchMock };
  };

  it('draws the diagram when the server has no boundaries, and re-queries on a filter change', async () => {
    const { container, fetchMock } = page({ available: false });
    await enhance(container);
    expect(container.dataset.renderer).toBe('schematic');
    expect(container.dataset.renderedLinks).toBe('3');
    expect(container.querySelector('.network-status')?.textContent).toBe('4 regions, 3 cooperation links. The table below lists them all.');
    expect([...container.querySelectorAll('.network-legend li')].map((li) => li.textContent?.trim())).toEqual(['KSDD — with another region', 'KSDPK — with a third party']);
    const kind = container.querySelector<HTMLSelectElement>('select[name="kind"]')!;
    expect([...kind.options].map((o) => o.value)).toEqual(['', 'KSDD', 'KSDPK']);
    kind.value = 'KSDPK';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(container.dataset.renderedLinks).toBe('1'));
    expect(fetchMock).toHaveBeenLastCalledWith('/api/public/network?kind=KSDPK', expect.anything());
  });

  it('falls back to the diagram when boundaries exist but the browser has no WebGL', async () => {
    const { container } = page({ available: true });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await enhance(container);
    expect(container.dataset.renderer).toBe('schematic');
    expect(container.querySelectorAll('svg.network-schematic circle')).toHaveLength(4);
  });
});
