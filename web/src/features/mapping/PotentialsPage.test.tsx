import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { MappingOverviewPage } from './MappingOverviewPage';
import type { Overview, Potential } from './potentials.api';
import { PotentialsPage } from './PotentialsPage';

const base: Potential = {
  id: '11111111-1111-4111-8111-111111111111',
  cycleId: '22222222-2222-4222-8222-222222222222',
  cycleYear: 2026,
  orgId: '33333333-3333-4333-8333-333333333333',
  orgName: 'Dinas Kesehatan Kabupaten Jayawijaya',
  kind: 'KEBUTUHAN',
  title: 'Dokter spesialis anak dan kandungan',
  description: 'RSUD Wamena tanpa dokter spesialis tetap.',
  urusanCodes: ['1.02'],
  issueIds: [],
  locationCodes: ['95.01'],
  candidatePartners: 'RSUD provinsi',
  expectedBenefit: 'Rujukan berkurang',
  costEstimateIdr: '2400000000.00',
  status: 'DIPRIORITASKAN',
  statusReason: 'Prioritas pleno TKKSD',
  cooperations: [],
  canManage: true,
  canPropose: true,
  rowVersion: 2,
};
const followed: Potential = {
  ...base,
  id: '44444444-4444-4444-8444-444444444444',
  kind: 'POTENSI',
  title: 'Kopi arabika Baliem',
  costEstimateIdr: null,
  status: 'DITINDAKLANJUTI',
  statusReason: null,
  cooperations: [{ id: '55555555-5555-4555-8555-555555555555', code: 'KS-2026-000042', title: 'Kopi Baliem', state: 'USULAN', progress: '0.00' }],
  canPropose: true,
};
const province = '66666666-6666-4666-8666-666666666666';

describe('Daftar potensi & kebutuhan', () => {
  it('lists items with their status in words, the cost in Rupiah and the cooperation they became', async () => {
    mockFetch({ 'GET /api/mapping/potentials': { body: { items: [base, followed], total: 2, limit: 25, offset: 0 } } });
    renderWithSession(<PotentialsPage />, buildMe());
    const table = await screen.findByRole('table', { name: 'Daftar potensi, kebutuhan dan permasalahan' });
    const need = within(table).getByRole('row', { name: /Dokter spesialis/ });
    expect(need.textContent).toContain('Diprioritaskan');
    expect(need.textContent).toContain('Rp2.400.000.000,00');
    const coffee = within(table).getByRole('row', { name: /Kopi arabika/ });
    expect(coffee.textContent).toContain('Ditindaklanjuti');
    expect(within(coffee).getByRole('link', { name: 'KS-2026-000042' }).getAttribute('href')).toBe('/kerja-sama/55555555-5555-4555-8555-555555555555');
    expect(coffee.textContent).toContain('Usulan');
    expect(within(coffee).queryByRole('button', { name: /Ubah status/ })).toBeNull();
  });

  it('proposes a cooperation from a prioritised item with the partner chosen in the dialog', async () => {
    const { calls } = mockFetch({
      'GET /api/mapping/potentials': { body: { items: [base], total: 1, limit: 25, offset: 0 } },
      'GET /api/organizations': { body: { items: [{ id: province, name: 'Pemerintah Provinsi Papua Pegunungan', type: 'PEMDA', active: true }], total: 1, limit: 200, offset: 0 } },
      [`POST /api/mapping/potentials/${base.id}/proposal`]: { status: 201, body: { potential: { ...base, status: 'DITINDAKLANJUTI' }, cooperationId: followed.cooperations[0]!.id } },
    });
    renderWithSession(<PotentialsPage />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: /^Usulkan kerja sama.*Dokter spesialis/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Usulkan kerja sama' });
    await within(dialog).findByRole('option', { name: 'Pemerintah Provinsi Papua Pegunungan' });
    fireEvent.change(within(dialog).getByLabelText(/Mitra/), { target: { value: province } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buat usulan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({ expectedVersion: 2, kind: 'KSDD', ksddCategory: 'SUKARELA', objectCategory: 'PELAYANAN_PUBLIK', partners: [{ orgId: province }] });
  });
});

describe('Pemetaan nasional', () => {
  it('shows each pemda’s stage, in words when it has no cycle, and counts by urusan', async () => {
    const overview: Overview = {
      year: 2026,
      scope: { level: 'province', province: '95' },
      provinces: [{ code: '95', name: 'Papua Pegunungan' }],
      pemda: [
        { tenantId: base.orgId, name: 'Pemerintah Kabupaten Jayawijaya', regionCode: '95.01', stage: 'DITETAPKAN', participants: 4, answered: 4, accepted: 4, items: 6 },
        { tenantId: province, name: 'Pemerintah Kabupaten Lanny Jaya', regionCode: '95.02', stage: null, participants: 0, answered: 0, accepted: 0, items: 0 },
      ],
      completed: 1,
      byUrusan: [{ key: '1.02', potensi: 0, kebutuhan: 2, permasalahan: 0 }],
      byIssue: [],
    };
    mockFetch({
      'GET /api/mapping/overview': { body: overview },
      'GET /api/urusan': { body: { items: [{ code: '1.02', nameId: 'Kesehatan', nameEn: 'Health', group: 'WAJIB_PD', parentCode: null }] } },
      'GET /api/strategic-issues': { body: { items: [] } },
    });
    renderWithSession(<MappingOverviewPage />, buildMe());
    expect(await screen.findByText('1 dari 2 pemda telah menetapkan hasil pemetaan.')).toBeTruthy();
    const table = screen.getByRole('table', { name: /Tahap pemetaan potensi per pemda/ });
    expect(within(table).getByRole('row', { name: /Lanny Jaya/ }).textContent).toContain('Belum ada siklus');
    expect(within(table).getByRole('row', { name: /Jayawijaya/ }).textContent).toContain('4 dikirim, 4 diterima dari 4 OPD');
    expect((await screen.findByRole('row', { name: /1\.02 Kesehatan/ })).textContent).toContain('2');
  });
});
