import type { OpenDataMetadata } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import { DATASET_NAMES, DATASETS } from './datasets.models.js';
import { countByUrusan } from './figures.repository.js';
import * as repo from './portal.repository.js';

export type OpenDataSettings = { publicUrl: string; publisher: string; licence: { id: string; url: string }; regionDecree: string };

const FREQUENCY = {
  code: 'continuous',
  id: 'Berkelanjutan: setiap publikasi sekretariat, dan diperiksa setiap jam untuk perubahan data pemantauan',
  en: 'Continuous: on every publication by a secretariat, and checked hourly for changes in monitoring data',
};

/**
 * The Satu Data Indonesia metadata (Perpres 39/2019: standar data, metadata, kode referensi):
 * every dataset with its variables and definitions, period, frequency, licence, producer and the
 * reference codes used. Everything is computed from what is public now.
 */
export const openDataMetadata = async (db: Db, s: OpenDataSettings): Promise<OpenDataMetadata> => {
  const [fresh, period, urusan] = await Promise.all([repo.freshness(db), repo.periodCovered(db), countByUrusan(db, null)]);
  const url = (path: string) => `${s.publicUrl}${path}`;

  return {
    title: { id: 'Data Terbuka Kerja Sama Daerah', en: 'Regional Cooperation Open Data' },
    description: {
      id: 'Kerja sama daerah yang dipublikasikan sekretariat kerja sama pemda: para pihak (lembaga), dokumen, indikator dan laporan kemajuan. Tidak memuat data pribadi.',
      en: 'Regional cooperations published by the pemda cooperation secretariats: parties (institutions), documents, indicators and progress updates. Contains no personal data.',
    },
    producer: s.publisher,
    walidata: {
      id: 'Data dihasilkan oleh sekretariat kerja sama masing-masing pemda dan dapat dipanen walidata daerah melalui API dan umpan perubahan (?since=).',
      en: 'Data is produced by each pemda’s cooperation secretariat and can be harvested by the regional walidata through the API and the change feed (?since=).',
    },
    period,
    updateFrequency: FREQUENCY,
    lastModified: fresh.newest?.toISOString() ?? null,
    releases: fresh.releases,
    licence: s.licence,
    referenceCodes: {
      regions: { name: 'Kode wilayah Kemendagri', decree: s.regionDecree },
      urusan: { name: 'Urusan pemerintahan (UU 23/2014, Permendagri 90/2019)', codes: urusan.map((u) => ({ code: u.code, name: u.name })) },
    },
    datasets: DATASET_NAMES.map((name) => {
      const d = DATASETS[name];

      return {
        name,
        title: d.title,
        description: d.description,
        variables: d.columns.map((c) => ({ name: c.name, type: c.type, definition: c.definition })),
        distributions: [
          { format: 'CSV' as const, mediaType: 'text/csv', url: url(`/api/public/datasets/${name}.csv`) },
          { format: 'JSON' as const, mediaType: 'application/json', url: url(`/api/public/datasets/${name}.json`) },
        ],
      };
    }),
    api: [
      { name: 'cooperations', url: url('/api/public/cooperations'), description: { id: 'Daftar dan pencarian (berhalaman, ?cursor=)', en: 'List and search (paginated, ?cursor=)' } },
      { name: 'feed', url: url('/api/public/cooperations?since='), description: { id: 'Umpan perubahan sejak waktu tertentu', en: 'Change feed since an instant' } },
      { name: 'release-feed', url: url('/api/public/releases?since='), description: { id: 'Umpan semua rilis, termasuk penarikan', en: 'Feed of all releases, withdrawals included' } },
      { name: 'releases', url: url('/api/public/cooperations/{id}/releases'), description: { id: 'Riwayat rilis (gaya OCDS)', en: 'Release history (OCDS style)' } },
      { name: 'dcat', url: url('/api/public/metadata.jsonld'), description: { id: 'Katalog DCAT (JSON-LD)', en: 'DCAT catalogue (JSON-LD)' } },
    ],
  };
};

/** The same metadata as a DCAT catalogue in JSON-LD, for data portals that harvest DCAT (e.g. CKAN). */
export const dcatCatalog = (m: OpenDataMetadata, publicUrl: string) => {
  const lang = (t: { id: string; en: string }) => [
    { '@language': 'id', '@value': t.id },
    { '@language': 'en', '@value': t.en },
  ];
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': m.producer };
  const temporal = { '@type': 'dct:PeriodOfTime', ...(m.period.from ? { 'dcat:startDate': { '@value': m.period.from, '@type': 'xsd:date' } } : {}), ...(m.period.to ? { 'dcat:endDate': { '@value': m.period.to, '@type': 'xsd:date' } } : {}) };

  return {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/', xsd: 'http://www.w3.org/2001/XMLSchema#' },
    '@id': `${publicUrl}/api/public/metadata.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': lang(m.title),
    'dct:description': lang(m.description),
    'dct:publisher': publisher,
    'dct:license': { '@id': m.licence.url },
    'foaf:homepage': { '@id': `${publicUrl}/` },
    ...(m.lastModified ? { 'dct:modified': { '@value': m.lastModified, '@type': 'xsd:dateTime' } } : {}),
    'dcat:dataset': m.datasets.map((d) => ({
      '@id': `${publicUrl}/api/public/datasets/${d.name}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.name,
      'dct:title': lang(d.title),
      'dct:description': lang(d.description),
      'dct:publisher': publisher,
      'dct:license': { '@id': m.licence.url },
      'dct:temporal': temporal,
      'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/continuous' },
      ...(m.lastModified ? { 'dct:modified': { '@value': m.lastModified, '@type': 'xsd:dateTime' } } : {}),
      'dcat:keyword': ['kerja sama daerah', 'regional cooperation', d.name],
      'dcat:distribution': d.distributions.map((x) => ({
        '@type': 'dcat:Distribution',
        'dcat:downloadURL': { '@id': x.url },
        'dcat:accessURL': { '@id': x.url },
        'dcat:mediaType': x.mediaType,
        'dct:format': x.format,
        'dct:license': { '@id': m.licence.url },
      })),
    })),
  };
};
