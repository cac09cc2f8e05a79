import type { Compliance, ReportDetail } from './reports.api';

export const REPORT_ID = '11111111-1111-4111-8111-111111111111';
export const HSS_TENANT = '00000000-0000-4000-8000-000000000002';
const HST_TENANT = '22222222-2222-4222-8222-222222222222';
const TAPIN_TENANT = '33333333-3333-4333-8333-333333333333';

/** A kab/kota report of Semester I 2026 with figures in every table. */
export const reportDetail = (over: Partial<ReportDetail> = {}): ReportDetail => ({
  id: REPORT_ID,
  organization: { id: HSS_TENANT, name: 'Pemerintah Kabupaten Hulu Sungai Selatan', regionCode: '63.06' },
  level: 'PEMDA',
  recipient: 'GUBERNUR',
  year: 2026,
  period: 'SEMESTER_1',
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  dueDate: '2026-07-31',
  status: 'DRAFT',
  generatedAt: '2026-11-23T03:00:00Z',
  submittedAt: null,
  reviewedAt: null,
  reviewComment: null,
  rowVersion: 1,
  locked: false,
  can: { regenerate: true, submit: true, review: false },
  figures: {
    organization: { id: HSS_TENANT, name: 'Pemerintah Kabupaten Hulu Sungai Selatan', regionCode: '63.06' },
    level: 'PEMDA',
    year: 2026,
    period: 'SEMESTER_1',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    asOf: '2026-11-23',
    totals: { cooperations: 7, inForce: 4, signed: 2, ended: 1, expiring: 1, dormant: 1 },
    byKind: [{ key: 'KSDD', count: 5 }],
    byState: [{ key: 'BERLAKU', count: 4 }],
    byUrusan: [{ code: '1.03', name: 'Pekerjaan umum dan penataan ruang', count: 3 }],
    money: { activities: 3, budget: '1500000.00', realisation: '450000.50' },
    indicators: { total: 4, measured: 3, achieved: 2 },
    expiring: [{ code: 'KSD/HSS/2021/004', title: 'Pengelolaan TPA regional', endDate: '2025-04-25' }],
    dormant: [{ code: 'KSD/HSS/2022/001', title: 'Pariwisata Loksado', monthsQuiet: 14 }],
    regions: [],
  },
  ...over,
});

export const compliance = (): Compliance => ({
  year: 2026,
  period: 'SEMESTER_1',
  items: [
    { tenantId: HSS_TENANT, name: 'Pemerintah Kabupaten Hulu Sungai Selatan', regionCode: '63.06', level: 'PEMDA', status: 'SUBMITTED', reported: true, reportId: REPORT_ID },
    { tenantId: HST_TENANT, name: 'Pemerintah Kabupaten Hulu Sungai Tengah', regionCode: '63.07', level: 'PEMDA', status: 'DRAFT', reported: false, reportId: null },
    { tenantId: TAPIN_TENANT, name: 'Pemerintah Kabupaten Tapin', regionCode: '63.05', level: 'PEMDA', status: null, reported: false, reportId: null },
  ],
  missing: 2,
});
