import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NO_GEO, sharedGeoDir } from '../../test/geo.js';
import { interiorPoint, parseBoundaryLayer, pointInGeometry, largestPolygon, pointInPolygon, type RegionGeometry } from './boundaries.models.js';
import { createBoundaryStore } from './boundaries.usecases.js';

const square = (x: number, y: number, size: number): [number, number][] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

describe('interior points of regions', () => {
  it('puts the point of a C-shaped region on the region, where the plain centroid would miss it', () => {
    // A "C": the arithmetic centre of its bounding box (2, 2) lies in the notch.
    const c: RegionGeometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 1], [1, 1], [1, 3], [4, 3], [4, 4], [0, 4], [0, 0]]] };
    assert.equal(pointInGeometry([2, 2], c), false);
    assert.equal(pointInGeometry(interiorPoint(c), c), true);
  });

  it('uses the largest island of a multipolygon and treats holes as outside', () => {
    const islands: RegionGeometry = { type: 'MultiPolygon', coordinates: [[square(10, 10, 0.1)], [square(0, 0, 4), square(1, 1, 2)]] };
    assert.deepEqual(largestPolygon(islands)[0]![0], [0, 0]);
    const p = interiorPoint(islands);
    assert.ok(p[0] < 4 && p[1] < 4);
    assert.equal(pointInPolygon([2, 2], [square(0, 0, 4), square(1, 1, 2)]), false);
    assert.equal(pointInGeometry(p, islands), true);
  });

  it('refuses a layer with a code of the wrong level or a code used twice', () => {
    const feature = (code: string) => ({ type: 'Feature', properties: { code, name: 'X' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } });
    assert.throws(() => parseBoundaryLayer({ type: 'FeatureCollection', features: [feature('63.06')] }, 'PROVINSI', 'provinces.geojson'), /not a province/);
    assert.throws(() => parseBoundaryLayer({ type: 'FeatureCollection', features: [feature('63'), feature('63')] }, 'PROVINSI', 'p'), /twice/);
    assert.throws(() => parseBoundaryLayer({ type: 'FeatureCollection', features: [{ ...feature('63'), geometry: { type: 'Point', coordinates: [0, 0] } }] }, 'PROVINSI', 'p'), /FeatureCollection/);
  });
});

describe('the prepared boundaries of Indonesia', { skip: sharedGeoDir ? false : NO_GEO }, () => {
  it('computes for each of the 38 provinces and 514 kab/kota an interior point that lies inside its polygon', async () => {
    const store = createBoundaryStore({ dir: sharedGeoDir!, attribution: 'test' });
    const loaded = await store.load();
    assert.deepEqual(loaded.layers.map((l) => [l.id, l.features]), [['provinces', 38], ['regencies', 514]]);
    assert.equal(loaded.centroids.length, 552);
    const geometries = new Map<string, RegionGeometry>();
    for (const l of loaded.layers)
      for (const f of (JSON.parse(l.body.toString('utf8')) as { features: { properties: { code: string }; geometry: RegionGeometry }[] }).features)
        geometries.set(f.properties.code, f.geometry);
    const outside = loaded.centroids.filter((c) => !pointInGeometry([c.lon, c.lat], geometries.get(c.code)!));
    assert.deepEqual(outside, []);
    // A kab/kota's point also falls in its province (the provinces are dissolved from the kab/kota).
    const stray = loaded.centroids.filter((c) => c.code.length === 5 && !pointInGeometry([c.lon, c.lat], geometries.get(c.code.slice(0, 2))!));
    assert.deepEqual(stray.map((c) => c.code), []);
    assert.match(loaded.licence ?? '', /^MIT License[\s\S]*Cahya DSN/);
    assert.equal(await store.load(), loaded, 'loaded once per process');
  });

  it('refuses a directory whose kab/kota name a province the province layer lacks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-geo-'));
    const layer = (code: string) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code, name: 'X' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } }] });
    fs.writeFileSync(path.join(dir, 'provinces.geojson'), layer('63'));
    fs.writeFileSync(path.join(dir, 'regencies.geojson'), layer('64.01'));
    await assert.rejects(createBoundaryStore({ dir, attribution: 'x' }).load(), /64\.01 has no province/);
    fs.rmSync(dir, { recursive: true });
  });
});
