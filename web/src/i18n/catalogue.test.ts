import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([k, v]) => {
      const key = prefix ? `${prefix}.${k}` : k;

      return typeof v === 'string' ? [[key, v] as const] : [...flatten(v, key)];
    }),
  );

const idKeys = flatten(id as Tree);
const enKeys = flatten(en as Tree);

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);

    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });

describe('translation catalogues', () => {
  it('have the same keys in Bahasa Indonesia and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...idKeys.keys()].sort());
  });

  it('have no empty strings', () => {
    const empty = [...idKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = [...idKeys].filter(([k, v]) => JSON.stringify(params(v)) !== JSON.stringify(params(enKeys.get(k) ?? ''))).map(([k]) => k);
    expect(differing).toEqual([]);
  });

  it('contain every key the screens ask for', () => {
    const root = path.resolve(__dirname, '..');
    const used = sourceFiles(root).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!));
    const missing = [...new Set(used)].filter((k) => !idKeys.has(k));
    expect(missing).toEqual([]);
  });
});
