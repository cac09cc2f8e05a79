import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import type { Plenary } from './plenary.api';
import { PlenaryScores } from './PlenaryScores';

const cycleId = '22222222-2222-4222-8222-222222222222';
const item = (id: string, title: string, total: number, rank: number, scores: Record<string, number>): Plenary['items'][number] => ({
  potentialId: id,
  title,
  kind: 'POTENSI',
  status: 'DIUSULKAN',
  orgName: 'Dinas PUPR',
  urusanCodes: ['1.03'],
  costEstimateIdr: null,
  scores,
  total,
  complete: Object.keys(scores).length === 2,
  rank,
  priority: false,
});
const plenary: Plenary = {
  cycleId,
  year: 2026,
  stage: 'PENYUSUNAN_PEMBAHASAN',
  open: true,
  scoring: { note: 'Konfigurasi', scale: { min: 1, max: 5 }, criteria: [{ key: 'URGENCY', weight: 60, label: 'Urgensi' }, { key: 'ECONOMIC', weight: 40, label: 'Kelayakan ekonomi' }] },
  items: [item('11111111-1111-4111-8111-111111111111', 'Air bersih Baliem', 80, 1, { URGENCY: 5, ECONOMIC: 3 }), item('33333333-3333-4333-8333-333333333333', 'Kopi arabika', 0, 2, {})],
  decision: null,
  meetings: [],
  canScore: true,
  rowVersion: 0,
};

describe('plenary ranking', () => {
  it('shows ranks, weights and totals in the reader’s format and saves only the scores changed', async () => {
    const { calls } = mockFetch({ [`PUT /api/mapping/cycles/${cycleId}/plenary/scores`]: { body: plenary } });
    const onChoose = vi.fn();
    renderWithSession(<PlenaryScores plenary={plenary} chosen={new Set()} onChoose={onChoose} />, buildMe());
    const table = screen.getByRole('table', { name: 'Peringkat usulan pemetaan 2026' });
    expect(within(table).getByRole('columnheader', { name: /Urgensi \(60\)/ })).toBeTruthy();
    const first = within(table).getByRole('row', { name: /Air bersih Baliem/ });
    expect(first.textContent).toContain('80,00');
    expect(within(table).getByRole('row', { name: /Kopi arabika/ }).textContent).toContain('(belum lengkap)');
    expect(screen.getByRole('button', { name: 'Simpan skor' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Skor Urgensi untuk Kopi arabika'), { target: { value: '4' } });
    fireEvent.click(screen.getByLabelText('Pilih Kopi arabika sebagai prioritas'));
    expect(onChoose).toHaveBeenCalledWith('33333333-3333-4333-8333-333333333333', true);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan skor' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]!.json()).toEqual({ items: [{ potentialId: '33333333-3333-4333-8333-333333333333', scores: { URGENCY: 4 } }] });
  });
});
