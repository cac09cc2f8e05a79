import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/paths.js';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { RegionLevel } from './reference.tables.js';

/**
 * Reads the official region list shipped in the idn-area-data package (codes and names per the
 * Kemendagri decree; data licence ODbL). Provinces and kabupaten/kota are loaded at start-up;
 * kecamatan and desa only when someone asks for the children of a place.
 */
export const REGION_SOURCE = 'idn-area-data 4.0.1';

export type RegionRecord = { code: string; level: RegionLevel; name: string; parentCode: string | null; provinceCode: string };

export const regencyLevel = (name: string): RegionLevel => (/^kota\b/i.test(name) ? 'KOTA' : 'KABUPATEN');

export const loadTopLevels = async (): Promise<{ records: RegionRecord[]; checksum: string }> => {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const records: RegionRecord[] = [
    ...provinces.map((p) => ({ code: p.code, level: 'PROVINSI' as const, name: p.name, parentCode: null, provinceCode: p.code })),
    ...regencies.map((r) => {
      const provinceCode = (r as unknown as { province_code: string }).province_code;

      return { code: r.code, level: regencyLevel(r.name), name: r.name, parentCode: provinceCode, provinceCode };
    }),
  ];
  const checksum = createHash('sha256')
    .update(records.map((r) => `${r.code}|${r.name}`).join('\n'))
    .digest('hex');

  return { records, checksum };
};

/** Children of a kabupaten/kota (kecamatan) or of a kecamatan (desa/kelurahan). */
export const loadChildren = async (parentCode: string): Promise<RegionRecord[]> => {
  const provinceCode = parentCode.slice(0, 2);
  if (/^\d{2}\.\d{2}$/.test(parentCode)) {
    const districts = await getDistricts();

    return districts
      .filter((d) => (d as unknown as { regency_code: string }).regency_code === parentCode)
      .map((d) => ({ code: d.code, level: 'KECAMATAN' as const, name: d.name, parentCode, provinceCode }));
  }
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(parentCode)) {
    const villages = await getVillages();

    return villages
      .filter((v) => (v as unknown as { district_code: string }).district_code === parentCode)
      .map((v) => ({ code: v.code, level: 'DESA' as const, name: v.name, parentCode, provinceCode }));
  }

  return [];
};

/** Reads a data file kept next to this module's sources (the same files serve tsx and dist/). */
export const readDataFile = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'reference', 'data', name), 'utf8')) as T;
