import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../test/fetch';
import { buildMe, renderApp } from '../test/render';

const ORG = '00000000-0000-4000-8000-000000000002';
const USER = '00000000-0000-4000-8000-000000000009';
const at = '2026-03-01T03:05:00Z';
const org = { id: ORG, type: 'PEMDA', name: 'Pemerintah Kabupaten Hulu Sungai Selatan', shortName: 'Pemkab HSS', regionCode: '63.06', parentId: null, tenantId: ORG, legalForm: null, countryCode: null, registryIds: {}, website: null, active: true, createdAt: at, updatedAt: at };
const user = { id: USER, email: 'staf@hss.go.id', name: 'Budi Santoso', nip: null, phone: null, orgId: ORG, orgName: org.name, orgType: 'PEMDA', tenantId: ORG, status: 'ACTIVE', locale: 'id', twoFactorEnabled: false, lastLoginAt: null, passwordChangedAt: null, createdAt: at, updatedAt: at };
const admin = buildMe({ permissions: ['org.read', 'org.manage', 'user.read', 'user.manage', 'role.manage', 'audit.read', 'outbox.read', 'jobs.read', 'reference.manage'] });

const api = () =>
  mockFetch({
    'GET /api/me': { body: admin },
    'GET /api/regions': { body: { items: [{ code: '63', level: 'PROVINSI', name: 'Kalimantan Selatan', parentCode: null, provinceCode: '63', validFrom: '2025-04-25', validTo: null, sourceDecree: 'Kepmendagri 300.2.2-2138 Tahun 2025' }], total: 1 } },
    'GET /api/urusan': { body: { items: [{ code: '1.01', nameId: 'Pendidikan', nameEn: 'Education', group: 'WAJIB_PD', parentCode: null }] } },
    'GET /api/strategic-issues': { body: { items: [{ id: ORG, code: 'PELAYANAN_PUBLIK', nameId: 'Pelayanan publik', nameEn: 'Public services', active: true, sort: 10, updatedAt: at }] } },
    'GET /api/organizations': { body: { items: [org], total: 1 } },
    [`GET /api/organizations/${ORG}`]: { body: { ...org, parent: null, childCount: 3 } },
    'GET /api/tenants': { body: { items: [] } },
    'GET /api/users': { body: { items: [user], total: 1 } },
    [`GET /api/users/${USER}`]: { body: user },
    [`GET /api/users/${USER}/roles`]: { body: { items: [] } },
    'GET /api/roles': { body: { items: [{ code: 'OPD_STAFF', permissions: [], allowedOrgTypes: ['OPD'], requiresTwoFactor: false, grantable: true }] } },
    'GET /api/audit': { body: { items: [{ seq: 7, id: USER, at, actorUserId: USER, actorOrgId: ORG, tenantId: ORG, action: 'user.create', entityType: 'user', entityId: USER, diff: { before: null, after: { name: 'Budi Santoso' } }, requestId: 'r1', ip: '10.0.0.1' }], nextBefore: null } },
    'GET /api/admin/outbox': { body: { items: [{ id: USER, tenantId: ORG, to: 'staf@hss.go.id', subject: 'Akun Jejaring Anda', status: 'outbox', attempts: 0, lastError: null, createdAt: at, sentAt: null }], nextBefore: null } },
    [`GET /api/admin/outbox/${USER}`]: { body: { id: USER, tenantId: ORG, to: 'staf@hss.go.id', subject: 'Akun Jejaring Anda', status: 'outbox', attempts: 0, lastError: null, createdAt: at, sentAt: null, text: 'Halo Budi', html: '<p>Halo</p>' } },
    'GET /api/auth/sessions': { body: { items: [{ id: USER, createdAt: at, lastSeenAt: at, expiresAt: at, ip: '10.0.0.1', userAgent: 'Firefox', current: true }] } },
  });

const PAGES: [string, string, string][] = [
  ['/', 'Selamat datang, Siti Rahmah', 'Sekretariat kerja sama daerah'],
  ['/akun', 'Akun saya', 'Firefox'],
  ['/referensi/wilayah', 'Wilayah', 'Kalimantan Selatan'],
  ['/referensi/urusan', 'Urusan pemerintahan', 'Pendidikan'],
  ['/admin/organisasi', 'Organisasi', 'Pemerintah Kabupaten Hulu Sungai Selatan'],
  [`/admin/organisasi/${ORG}`, 'Pemerintah Kabupaten Hulu Sungai Selatan', 'Pemkab HSS'],
  ['/admin/organisasi/baru', 'Tambah organisasi', 'Singkatan'],
  ['/admin/pengguna', 'Pengguna', 'Budi Santoso'],
  [`/admin/pengguna/${USER}`, 'Budi Santoso', 'Belum ada penugasan peran.'],
  ['/admin/pengguna/baru', 'Tambah pengguna', 'Kata sandi awal'],
  ['/admin/audit', 'Log audit', 'user.create'],
  ['/admin/kotak-keluar', 'Kotak keluar', 'Akun Jejaring Anda'],
  [`/admin/kotak-keluar/${USER}`, 'Akun Jejaring Anda', 'Halo Budi'],
  ['/admin/isu-strategis', 'Isu strategis', 'PELAYANAN_PUBLIK'],
  ['/tidak-ada', 'Halaman tidak ditemukan', 'Kembali ke beranda'],
];

describe('every page of a platform administrator', () => {
  it.each(PAGES)('%s shows its title and its data', async (path, title, content) => {
    api();
    renderApp(path);

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title), { timeout: 3000 });
    expect((await screen.findAllByText(content, { exact: false }, { timeout: 3000 })).length).toBeGreaterThan(0);
  });

  it('answers an administration address the user has no permission for as not found', async () => {
    mockFetch({ 'GET /api/me': { body: buildMe({ permissions: ['org.read'] }) } });
    renderApp('/admin/audit');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Halaman tidak ditemukan'));
  });

  it('shows the about page with the region data attribution without signing in', async () => {
    mockFetch({});
    renderApp('/tentang');

    expect(await screen.findByRole('heading', { level: 1, name: 'Tentang Jejaring' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Database License (ODbL) v1.0' }).getAttribute('href')).toBe('https://opendatacommons.org/licenses/odbl/1-0/');
    expect(screen.getByRole('link', { name: 'idn-area-data' }).getAttribute('href')).toBe('https://github.com/fityannugroho/idn-area-data');
    expect(screen.getByText(/AGPL-3.0-or-later/)).toBeTruthy();
    expect(screen.getByText(/300\.2\.2-2138 Tahun 2025/)).toBeTruthy();
  });
});
