import type { OrganizationCreateInput } from '../modules/organizations/index.js';

/**
 * The demo organisations. Pemda, GWPP and the Kemendagri directorate are real bodies named as the
 * Kemendagri list writes them; every partner is invented and says so, and every identifier
 * (NPWP, NIB, website) is fake. Entries refer to their parent by key.
 */
export type DemoOrganization = { key: string; parentKey?: string; input: Omit<OrganizationCreateInput, 'parentId'> };

type Province = { key: string; code: string; place: string; short: string };
type Kabupaten = { key: string; code: string; place: string; short: string };

const PROVINCES: Province[] = [
  { key: 'kalsel', code: '63', place: 'Kalimantan Selatan', short: 'Kalsel' },
  { key: 'papeg', code: '95', place: 'Papua Pegunungan', short: 'Papua Pegunungan' },
  { key: 'pbd', code: '96', place: 'Papua Barat Daya', short: 'Papua Barat Daya' },
  { key: 'lampung', code: '18', place: 'Lampung', short: 'Lampung' },
  { key: 'pasel', code: '93', place: 'Papua Selatan', short: 'Papua Selatan' },
];

/** Kab. Hulu Sungai Selatan is the main demo tenant; the others are its neighbours and pemda elsewhere. */
export const KABUPATEN: Kabupaten[] = [
  { key: 'hss', code: '63.06', place: 'Hulu Sungai Selatan', short: 'HSS' },
  { key: 'hst', code: '63.07', place: 'Hulu Sungai Tengah', short: 'HST' },
  { key: 'tapin', code: '63.05', place: 'Tapin', short: 'Tapin' },
  { key: 'jayawijaya', code: '95.01', place: 'Jayawijaya', short: 'Jayawijaya' },
  { key: 'sorsel', code: '96.02', place: 'Sorong Selatan', short: 'Sorsel' },
  { key: 'pesawaran', code: '18.09', place: 'Pesawaran', short: 'Pesawaran' },
  { key: 'merauke', code: '93.01', place: 'Merauke', short: 'Merauke' },
];

/** The units every demo kabupaten gets; the Bagian Kerja Sama sits in the Sekretariat Daerah. */
const kabupatenUnits = (k: Kabupaten): DemoOrganization[] => {
  const of = `Kabupaten ${k.place}`;

  return [
    { key: `${k.key}.setda`, parentKey: k.key, input: { type: 'OPD', name: `Sekretariat Daerah ${of}`, shortName: `Setda ${k.short}` } },
    { key: `${k.key}.kerjasama`, parentKey: `${k.key}.setda`, input: { type: 'UNIT', name: `Bagian Kerja Sama Sekretariat Daerah ${of}`, shortName: `Bagian Kerja Sama ${k.short}` } },
    { key: `${k.key}.bappeda`, parentKey: k.key, input: { type: 'OPD', name: `Badan Perencanaan Pembangunan Daerah ${of}`, shortName: `Bappeda ${k.short}` } },
    { key: `${k.key}.pupr`, parentKey: k.key, input: { type: 'OPD', name: `Dinas Pekerjaan Umum dan Penataan Ruang ${of}`, shortName: `Dinas PUPR ${k.short}` } },
    { key: `${k.key}.dinkes`, parentKey: k.key, input: { type: 'OPD', name: `Dinas Kesehatan ${of}`, shortName: `Dinkes ${k.short}` } },
    { key: `${k.key}.bpkad`, parentKey: k.key, input: { type: 'OPD', name: `Badan Pengelolaan Keuangan dan Aset Daerah ${of}`, shortName: `BPKAD ${k.short}` } },
    { key: `${k.key}.inspektorat`, parentKey: k.key, input: { type: 'OPD', name: `Inspektorat Daerah ${of}`, shortName: `Inspektorat ${k.short}` } },
    { key: `${k.key}.dprd`, parentKey: k.key, input: { type: 'DPRD', name: `Sekretariat Dewan Perwakilan Rakyat Daerah ${of}`, shortName: `Sekretariat DPRD ${k.short}` } },
  ];
};

const CENTRAL_AND_PARTNERS: DemoOrganization[] = [
  {
    key: 'kemendagri',
    input: {
      type: 'KEMENDAGRI_UNIT',
      name: 'Direktorat Dekonsentrasi, Tugas Pembantuan dan Kerja Sama — Ditjen Bina Administrasi Kewilayahan',
      shortName: 'Dit. Dekon, TP dan KS',
    },
  },
  { key: 'kl.pu', input: { type: 'KL_PUSAT', name: 'Kementerian Pekerjaan Umum', shortName: 'Kementerian PU' } },
  {
    key: 'partner.pt',
    input: {
      type: 'PIHAK_KETIGA',
      name: 'PT Banua Tirta Lestari (fiktif)',
      shortName: 'PT BTL',
      legalForm: 'PT',
      registryIds: { npwp: '990000000001000', nib: '9900000000001' },
      website: 'https://banua-tirta.example',
    },
  },
  { key: 'partner.university', input: { type: 'PIHAK_KETIGA', name: 'Universitas Banua Raya (fiktif)', shortName: 'UBR', legalForm: 'PTS', registryIds: { npwp: '990000000002000' } } },
  { key: 'partner.ngo', input: { type: 'PIHAK_KETIGA', name: 'Yayasan Sungai Amandit Lestari (fiktif)', legalForm: 'YAYASAN' } },
  { key: 'partner.foreign_city', input: { type: 'FOREIGN_LOCAL_GOV', name: 'Riverbend City Council (fiktif)', countryCode: 'AU' } },
  { key: 'partner.foreign_institution', input: { type: 'FOREIGN_INSTITUTION', name: 'Delta Water Cooperation Foundation (fiktif)', countryCode: 'NL' } },
];

/** Every demo organisation, parents before children. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  ...PROVINCES.map((p) => ({ key: p.key, input: { type: 'PEMDA' as const, name: `Pemerintah Provinsi ${p.place}`, shortName: `Pemprov ${p.short}`, regionCode: p.code } })),
  ...PROVINCES.map((p) => ({
    key: `gwpp.${p.key}`,
    input: { type: 'GWPP' as const, name: `Gubernur ${p.place} selaku Wakil Pemerintah Pusat`, shortName: `GWPP ${p.short}`, regionCode: p.code },
  })),
  ...KABUPATEN.map((k) => ({ key: k.key, input: { type: 'PEMDA' as const, name: `Pemerintah Kabupaten ${k.place}`, shortName: `Pemkab ${k.short}`, regionCode: k.code } })),
  ...KABUPATEN.flatMap(kabupatenUnits),
  ...CENTRAL_AND_PARTNERS,
];
