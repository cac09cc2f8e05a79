import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { IndicatorsPanel } from './IndicatorsPanel';
import type { Indicator, IndicatorList } from './indicators.api';

const coopId = '11111111-1111-4111-8111-111111111111';
const indicatorId = '44444444-4444-4444-8444-444444444444';

const stunting: Indicator = {
  id: indicatorId,
  cooperationId: coopId,
  activity: null,
  name: 'Prevalensi stunting',
  unit: '%',
  baseline: '30.0000',
  target: '20.0000',
  direction: 'DECREASE',
  frequency: 'SEMESTER',
  byRegion: false,
  weight: 1,
  values: [
    { period: '2025-S2', regionCode: null, regionName: null, target: null, actual: '28.0000', note: '', achievement: 20, recordedAt: '2026-01-05T02:00:00Z' },
    { period: '2026-S1', regionCode: null, regionName: null, target: null, actual: '25.0000', note: 'Data Dinkes', achievement: 50, recordedAt: '2026-07-05T02:00:00Z' },
  ],
  latest: { period: '2026-S1', actual: 25, target: 20, achievement: 50 },
  rowVersion: 2,
  updatedAt: '2026-07-05T02:00:00Z',
};

const list = (over: Partial<IndicatorList> = {}): IndicatorList => ({ indicators: [stunting], rollUp: 50, canEdit: true, activities: [], ...over });

describe('the indicators panel of a cooperation', () => {
  it('shows unit, baseline, target, latest actual and achievement, the roll-up and the per-period table', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/indicators`]: { body: list() } });
    renderWithSession(<IndicatorsPanel cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Indikator' });
    expect(await within(section).findByText('50,0%', { selector: 'dd' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Indikator kerja sama' });
    const row = within(table).getByRole('row', { name: /Prevalensi stunting/ });
    expect(within(row).getByText('Semesteran · Turun')).toBeTruthy();
    expect(within(row).getByText('25 (2026-S1)')).toBeTruthy();
    expect(within(row).getByText('50,0%')).toBeTruthy();
    const periods = screen.getByRole('table', { name: 'Capaian per periode untuk Prevalensi stunting' });
    expect(within(periods).getAllByRole('row').map((r) => r.textContent)).toEqual(['PeriodeTarget periodeRealisasiCapaianCatatan', '2025-S2202820,0%', '2026-S1202550,0%Data Dinkes']);
  });

  it('records a value and shows the server’s field message on the period', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/indicators`]: { body: list() },
      [`PUT /api/cooperations/${coopId}/indicators/${indicatorId}/values`]: problem(422, 'monev.indicator_invalid', 'Indikator tidak dapat disimpan.', [
        { path: 'period', code: 'period_format', message: 'Periode harus berformat 2026-S1 untuk frekuensi ini.' },
      ]),
    });
    renderWithSession(<IndicatorsPanel cooperationId={coopId} />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Catat capaian Prevalensi stunting' }));
    const dialog = screen.getByRole('dialog', { name: 'Catat capaian: Prevalensi stunting' });
    expect(within(dialog).queryByLabelText('Wilayah')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Periode'), { target: { value: '2026-Q3' } });
    fireEvent.change(within(dialog).getByLabelText('Realisasi'), { target: { value: '24.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await within(dialog).findByText('Periode harus berformat 2026-S1 untuk frekuensi ini.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(await put.json()).toEqual({ period: '2026-Q3', regionCode: null, target: null, actual: '24.5', note: '' });
  });

  it('deletes only after confirmation, at the version shown', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/indicators`]: { body: list() },
      [`DELETE /api/cooperations/${coopId}/indicators/${indicatorId}`]: { status: 204 },
    });
    renderWithSession(<IndicatorsPanel cooperationId={coopId} />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Hapus Prevalensi stunting' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Ya, hapus "Prevalensi stunting" beserta capaiannya' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.includes('expectedVersion=2'))).toBe(true));
  });

  it('is read-only for those who may not edit', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/indicators`]: { body: list({ canEdit: false, rollUp: null, indicators: [] }) } });
    renderWithSession(<IndicatorsPanel cooperationId={coopId} />, buildMe());
    expect(await screen.findByText('Belum ada indikator.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tambah indikator' })).toBeNull();
    expect(screen.getByText('Indikator hanya dapat diubah pemda pihak sejak penyusunan PKS/NK sampai kerja sama berakhir.')).toBeTruthy();
  });
});
