import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { referenceErrors } from './reference.errors.js';
import { centroidsOf, parseBoundaryLayer, type BoundaryLevel, type Centroid } from './boundaries.models.js';

/** One layer file exactly as read from GEO_DATA_DIR, with its validator. */
export type BoundaryLayer = { id: 'provinces' | 'regencies'; level: BoundaryLevel; body: Buffer; etag: string; features: number };

export type LoadedBoundaries = {
  layers: BoundaryLayer[];
  centroids: Centroid[];
  centroidsEtag: string;
  /** The licence text that must accompany copies of the geometry, when the directory ships one. */
  licence: string | null;
};

export type BoundaryStore = {
  configured: boolean;
  attribution: string | null;
  /** Reads and checks the files on first use, then answers from memory; refused when unconfigured. */
  load: () => Promise<LoadedBoundaries>;
};

const LAYER_FILES = [
  { id: 'provinces', level: 'PROVINSI', file: 'provinces.geojson' },
  { id: 'regencies', level: 'KABKOTA', file: 'regencies.geojson' },
] as const;

const etagOf = (bytes: Buffer | string) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/**
 * The licence travels with the data: a LICENSE file in the directory, or else the first fenced
 * block under a "licence" heading of its SOURCE.md (how the prepared data set documents it).
 */
const readLicence = async (dir: string): Promise<string | null> => {
  const read = (name: string) => fs.readFile(path.join(dir, name), 'utf8').catch(() => null);
  const plain = (await read('LICENSE')) ?? (await read('LICENSE.txt'));
  if (plain) return plain.trim();
  const source = await read('SOURCE.md');
  const block = source?.match(/^#+[^\n]*licen[cs]e[^\n]*\n[\s\S]*?```[^\n]*\n([\s\S]*?)```/im);

  return block?.[1]?.trim() ?? null;
};

const loadFrom = async (dir: string): Promise<LoadedBoundaries> => {
  const layers: BoundaryLayer[] = [];
  const features = [];
  for (const { id, level, file } of LAYER_FILES) {
    const body = await fs.readFile(path.join(dir, file));
    const parsed = parseBoundaryLayer(JSON.parse(body.toString('utf8')), level, file);
    layers.push({ id, level, body, etag: etagOf(body), features: parsed.length });
    features.push(...parsed);
  }
  const provinces = new Set(features.filter((f) => f.code.length === 2).map((f) => f.code));
  const orphan = features.find((f) => f.code.length > 2 && !provinces.has(f.code.slice(0, 2)));
  if (orphan) throw new Error(`regencies.geojson: ${orphan.code} has no province in provinces.geojson`);
  const centroids = centroidsOf(features);

  return { layers, centroids, centroidsEtag: etagOf(JSON.stringify(centroids)), licence: await readLicence(dir) };
};

/**
 * Boundaries are optional: without GEO_DATA_DIR the portal draws its network as a schematic graph.
 * The files are read once per process on first request (not at start-up, so a server that never
 * shows a map pays nothing); a failed read is logged by the caller and tried again next time.
 */
export const createBoundaryStore = ({ dir, attribution }: { dir: string | undefined; attribution: string }): BoundaryStore => {
  let pending: Promise<LoadedBoundaries> | null = null;

  return {
    configured: dir !== undefined,
    attribution: dir === undefined ? null : attribution,
    load: () => {
      if (dir === undefined) return Promise.reject(referenceErrors.boundariesNotConfigured());
      pending ??= loadFrom(dir).catch((err: unknown) => {
        pending = null;
        throw err;
      });

      return pending;
    },
  };
};

/** Centroids by code, or an empty map when no boundaries are configured (callers then lay nodes out themselves). */
export const centroidIndex = async (store: BoundaryStore): Promise<Map<string, Centroid>> =>
  store.configured ? new Map((await store.load()).centroids.map((c) => [c.code, c])) : new Map();
