import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../../test/fetch';
import { buildMe, renderWithSession } from '../../../test/render';
import type { ImportPreview, ImportRow } from './import.api';
import { ImportPage } from './ImportPage';

const fields: ImportPreview['fields'] = [
  { name: 'title', required: true },
  { name: 'partner', required: true },
  { name: 'kind', required: true },
  { name: 'state', required: false },
];

const baseRow: ImportRow = {
  rowNumber: 5,
  status: 'ready',
  values: {
    title: 'Pengelolaan Persampahan Regional Banua Anam',
    partner: 'Pemerintah Kabupaten Hulu Sungai Tengah',
    kind: 'KSDD',
    ksddCategory: 'SUKARELA',
    state: 'BERLAKU',
    startDate: '2025-02-01',
    endDate: '2029-01-31',
    ownNumber: '180/101/KS-HSS/2025',
    partnerNumber: null,
    amount: '1200000000.00',
    fundingSource: 'APBD',
    objek: '',
    ruangLingkup: [],
    urusanCodes: ['2.11'],
    leadOpd: null,
    objectCategory: 'LAINNYA',
  },
  errors: [],
  warnings: [],
  partner: {
    name: 'Pemerintah Kabupaten Hulu Sungai Tengah',
    expectedType: 'PEMDA',
    status: 'exact',
    candidates: [],
    chosen: { kind: 'existing', orgId: '00000000-0000-4000-8000-0000000000a1', name: 'Pemerintah Kabupaten Hulu Sungai Tengah', type: 'PEMDA' },
    canCreate: false,
  },
};

const badRow: ImportRow = {
  ...baseRow,
  rowNumber: 7,
  status: 'invalid',
  values: { ...baseRow.values, title: 'Pendampingan UMKM Banua Anam', kind: null },
  errors: [{ field: 'kind', code: 'kind_unknown', message: 'Jenis kerja sama "Kemitraan Strategis" tidak dikenali.' }],
};

const preview = (rows: ImportRow[], mapping: ImportPreview['mapping'] = { B: 'title', C: 'partner', D: 'kind' }): ImportPreview => ({
  fileName: 'register.xlsx',
  sheets: ['Register 2025'],
  sheet: 'Register 2025',
  headerRow: 4,
  fields,
  columns: [
    { key: 'A', header: 'No', samples: ['1', '2'], suggested: null },
    { key: 'B', header: 'Judul Kerja Sama', samples: ['Pengelolaan Persampahan'], suggested: 'title' },
    { key: 'C', header: 'Mitra', samples: ['Kab. HST'], suggested: 'partner' },
    { key: 'D', header: 'Jenis', samples: ['KSDD'], suggested: 'kind' },
  ],
  mapping,
  missingFields: [],
  skippedRows: [10],
  rows,
  summary: {
    total: rows.length,
    ready: rows.filter((r) => r.status === 'ready').length,
    invalid: rows.filter((r) => r.status === 'invalid').length,
    needsConfirmation: rows.filter((r) => r.status === 'needs_confirmation').length,
  },
});

const upload = async () => {
  const input = screen.getByLabelText('Berkas register (XLSX atau CSV)');
  fireEvent.change(input, { target: { files: [new File(['x'], 'register.xlsx')] } });
  // jsdom keeps its own (empty) file list for validation, so the form is submitted directly.
  fireEvent.submit(screen.getByRole('button', { name: 'Unggah dan baca' }).closest('form')!);
  await screen.findByRole('heading', { level: 2, name: 'Petakan kolom' });
};

describe('the register import page', () => {
  it('maps columns with required fields marked, then shows each row’s errors in words and refuses the dry run', async () => {
    const { calls } = mockFetch({
      'POST /api/files': { status: 201, body: { id: '00000000-0000-4000-8000-0000000000f1' } },
      'POST /api/cooperations/import/preview': [{ body: preview([baseRow, badRow]) }, { body: preview([baseRow, badRow]) }],
    });
    renderWithSession(<ImportPage />, buildMe({ permissions: ['cooperation.write', 'files.upload'] }));
    await upload();

    const kindColumn = screen.getByLabelText('Kolom D: Jenis') as HTMLSelectElement;
    expect(kindColumn.value).toBe('kind');
    expect(within(kindColumn).getByRole('option', { name: 'Jenis kerja sama (wajib)' })).toBeTruthy();
    // Taking the kind off its column names it as missing and holds the preview back.
    fireEvent.change(kindColumn, { target: { value: '' } });
    expect(screen.getByText('Kolom wajib belum dipetakan: Jenis kerja sama.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Lihat pratinjau' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(kindColumn, { target: { value: 'kind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lihat pratinjau' }));

    const table = await screen.findByRole('region', { name: 'Pratinjau baris register' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[2]!).getByText('Ada kesalahan')).toBeTruthy();
    expect(within(rows[2]!).getByText(/Jenis kerja sama: Jenis kerja sama "Kemitraan Strategis" tidak dikenali/)).toBeTruthy();
    expect(within(rows[1]!).getByText('Siap')).toBeTruthy();
    expect(within(rows[1]!).getByText('Rp1.200.000.000,00')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Uji coba impor' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/1 baris ada kesalahan/)).toBeTruthy();

    const sent = (await calls.at(-1)!.json()) as { mapping: Record<string, string> };
    expect(sent.mapping).toEqual({ A: 'ignore', B: 'title', C: 'partner', D: 'kind' });
  });

  it('sends the partner chosen for an uncertain row, then dry-runs and imports', async () => {
    const uncertain: ImportRow = {
      ...baseRow,
      rowNumber: 6,
      status: 'needs_confirmation',
      values: { ...baseRow.values, kind: 'KSDPK', partner: 'Universitas Banua (fiktif)' },
      errors: [{ field: 'partner', code: 'partner_unconfirmed', message: 'Mitra "Universitas Banua (fiktif)" mirip beberapa organisasi.' }],
      partner: {
        name: 'Universitas Banua (fiktif)',
        expectedType: 'PIHAK_KETIGA',
        status: 'probable',
        candidates: [{ id: '00000000-0000-4000-8000-0000000000b2', name: 'Universitas Banua Raya (fiktif)', type: 'PIHAK_KETIGA', score: 0.71 }],
        chosen: null,
        canCreate: true,
      },
    };
    const confirmed: ImportRow = { ...uncertain, status: 'ready', errors: [], partner: { ...uncertain.partner, chosen: { kind: 'existing', orgId: uncertain.partner.candidates[0]!.id, name: 'Universitas Banua Raya (fiktif)', type: 'PIHAK_KETIGA' } } };
    const { calls } = mockFetch({
      'POST /api/files': { status: 201, body: { id: '00000000-0000-4000-8000-0000000000f1' } },
      'POST /api/cooperations/import/preview': [{ body: preview([baseRow, uncertain]) }, { body: preview([baseRow, uncertain]) }, { body: preview([baseRow, confirmed]) }],
      'POST /api/cooperations/import': [
        { body: { dryRun: true, imported: 2, createdPartners: 0, cooperationIds: [] } },
        { body: { dryRun: false, imported: 2, createdPartners: 0, cooperationIds: ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'] } },
      ],
    });
    renderWithSession(<ImportPage />, buildMe({ permissions: ['cooperation.write', 'files.upload'] }));
    await upload();
    fireEvent.click(screen.getByRole('button', { name: 'Lihat pratinjau' }));
    const choice = (await screen.findByLabelText('Mitra untuk baris 6')) as HTMLSelectElement;
    expect(within(choice).getByRole('option', { name: 'Universitas Banua Raya (fiktif) (Pihak ketiga, kemiripan 71%)' })).toBeTruthy();
    fireEvent.change(choice, { target: { value: `org:${uncertain.partner.candidates[0]!.id}` } });
    expect(screen.getByText('Pilihan mitra belum diterapkan: periksa ulang sebelum uji coba.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan pilihan mitra dan periksa ulang' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Uji coba impor' }) as HTMLButtonElement).disabled).toBe(false));
    const applied = (await calls.at(-1)!.json()) as { confirmations: Record<string, unknown> };
    expect(applied.confirmations).toEqual({ '6': { partyOrgId: uncertain.partner.candidates[0]!.id } });

    fireEvent.click(screen.getByRole('button', { name: 'Uji coba impor' }));
    await screen.findByText('Uji coba berhasil.');
    expect((await calls.at(-1)!.json()) as { dryRun: boolean }).toMatchObject({ dryRun: true });
    fireEvent.click(screen.getByRole('button', { name: 'Impor 2 kerja sama' }));
    await screen.findByRole('heading', { level: 2, name: 'Impor selesai' });
    expect((await calls.at(-1)!.json()) as { dryRun: boolean }).toMatchObject({ dryRun: false, confirmations: { '6': { partyOrgId: uncertain.partner.candidates[0]!.id } } });
    expect(screen.getByRole('link', { name: 'Buka register kerja sama' }).getAttribute('href')).toBe('/kerja-sama');
  });
});
