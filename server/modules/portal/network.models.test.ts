import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNetwork, type NetworkEntry } from './network.models.js';

const names = new Map([['63', 'Kalimantan Selatan'], ['63.06', 'Kabupaten Hulu Sungai Selatan'], ['63.07', 'Kabupaten Hulu Sungai Tengah'], ['64.71', 'Kota Balikpapan']]);
const sampah = { code: '2.11', name: 'Lingkungan Hidup' };
const pu = { code: '1.03', name: 'Pekerjaan Umum' };

describe('the cooperation network', () => {
  it('links every pair of party regions once per cooperation and counts by kind and urusan', () => {
    const entries: NetworkEntry[] = [
      { kind: 'KSDD', urusan: [sampah], partyRegions: ['63.07', '63.06'] },
      { kind: 'KSDD', urusan: [sampah, pu], partyRegions: ['63.06', '63.07', '63'] },
      { kind: 'KSDPK', urusan: [pu], partyRegions: ['63.06', '64.71'] },
    ];
    const net = buildNetwork(entries, names, new Map());
    assert.deepEqual(net.links, [
      { source: '63.06', target: '63.07', count: 2, kinds: { KSDD: 2 }, urusan: { '2.11': 2, '1.03': 1 } },
      { source: '63', target: '63.06', count: 1, kinds: { KSDD: 1 }, urusan: { '2.11': 1, '1.03': 1 } },
      { source: '63', target: '63.07', count: 1, kinds: { KSDD: 1 }, urusan: { '2.11': 1, '1.03': 1 } },
      { source: '63.06', target: '64.71', count: 1, kinds: { KSDPK: 1 }, urusan: { '1.03': 1 } },
    ]);
    assert.deepEqual(
      net.nodes.map((n) => [n.code, n.level, n.count, n.name]),
      [
        ['63', 'PROVINSI', 1, 'Kalimantan Selatan'],
        ['63.06', 'KABKOTA', 3, 'Kabupaten Hulu Sungai Selatan'],
        ['63.07', 'KABKOTA', 2, 'Kabupaten Hulu Sungai Tengah'],
        ['64.71', 'KABKOTA', 1, 'Kota Balikpapan'],
      ],
    );
    assert.deepEqual(net.urusan, [pu, sampah]);
  });

  it('keeps a region that cooperates only with non-pemda partners as a node without links', () => {
    const net = buildNetwork([{ kind: 'KSDPL', urusan: [], partyRegions: ['63.06'] }], names, new Map());
    assert.deepEqual(net.links, []);
    assert.deepEqual(net.nodes.map((n) => [n.code, n.count]), [['63.06', 1]]);
  });

  it('ignores duplicate and non-pemda codes, and places nodes on the boundary interior points when known', () => {
    const net = buildNetwork(
      [{ kind: 'KSDD', urusan: [sampah], partyRegions: ['63.06', '63.06', '63.06.01', 'XX', '63.07'] }],
      names,
      new Map([['63.06', { lon: 115.2, lat: -2.7 }]]),
    );
    assert.equal(net.links.length, 1);
    assert.deepEqual(net.nodes, [
      { code: '63.06', name: 'Kabupaten Hulu Sungai Selatan', level: 'KABKOTA', lon: 115.2, lat: -2.7, count: 1 },
      { code: '63.07', name: 'Kabupaten Hulu Sungai Tengah', level: 'KABKOTA', count: 1 },
    ]);
  });

  it('names an unknown code by itself rather than dropping it', () => {
    assert.equal(buildNetwork([{ kind: 'KSDD', urusan: [], partyRegions: ['99'] }], new Map(), new Map()).nodes[0]?.name, '99');
  });
});
