import fs from 'node:fs';
import path from 'node:path';
import { longDate, rupiah, type Lang } from '../../platform/i18n/i18n.js';
import { projectRoot } from '../../platform/paths.js';

/**
 * The portal's own words (server/modules/portal/data/portal-messages.{id,en}.json): the public
 * pages are rendered on the server, so their catalogue lives beside them rather than in the web
 * app's bundle. Bahasa Indonesia is the default; a key missing in English falls back to it.
 */
type Catalogue = { [key: string]: string | Catalogue };

const load = (lang: Lang) =>
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'portal', 'data', `portal-messages.${lang}.json`), 'utf8')) as Catalogue;

const catalogues: Record<Lang, Catalogue> = { id: load('id'), en: load('en') };

const lookup = (catalogue: Catalogue, key: string): string | undefined => {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;

  return typeof node === 'string' ? node : undefined;
};

export type Translate = {
  (key: string, params?: Record<string, string | number>): string;
  /** A code's label in a catalogue group (kinds, states …), or the code itself when the catalogue has none. */
  label: (group: string, code: string) => string;
  lang: Lang;
  /** "25 April 2025" for a YYYY-MM-DD day or an ISO date-time. */
  date: (value: string) => string;
  /** A count with the reader's digit grouping (1.234 / 1,234). */
  number: (value: number) => string;
  rupiah: (amount: string) => string;
};

/** The translator for one language; unknown keys show themselves so a gap is visible, not silent. */
export const translator = (lang: Lang): Translate => {
  const numbers = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  const t = ((key: string, params: Record<string, string | number> = {}) =>
    (lookup(catalogues[lang], key) ?? lookup(catalogues.id, key) ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    )) as Translate;
  t.label = (group, code) => lookup(catalogues[lang], `${group}.${code}`) ?? lookup(catalogues.id, `${group}.${code}`) ?? code;
  t.lang = lang;
  t.date = (value) => longDate(value.slice(0, 10), lang);
  t.number = (value) => numbers.format(value);
  t.rupiah = rupiah;

  return t;
};

/** Every key of the Indonesian catalogue, for the test that both languages say everything. */
export const catalogueKeys = (lang: Lang): string[] => {
  const keys: string[] = [];
  const walk = (node: Catalogue, prefix: string) => {
    for (const [k, v] of Object.entries(node)) typeof v === 'string' ? keys.push(`${prefix}${k}`) : walk(v, `${prefix}${k}.`);
  };
  walk(catalogues[lang], '');

  return keys;
};
