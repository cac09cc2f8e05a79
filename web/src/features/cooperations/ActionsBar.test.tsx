import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { ActionsBar } from './ActionsBar';
import { buildCooperation } from './cooperations.fixtures';

const dprdWaiting = buildCooperation({
  state: 'MENUNGGU_PERSETUJUAN_DPRD',
  allowedActions: ['record_dprd_decision'],
  actions: [
    { name: 'record_dprd_decision', allowed: true, blockers: [], inputs: ['decision', 'decidedAt'] },
    { name: 'cancel', allowed: false, blockers: [{ guard: 'role', message: 'peran Anda tidak berwenang (perlu salah satu: TKKSD_KETUA, KEPALA_DAERAH)', details: {} }], inputs: ['reason'] },
  ],
});
const url = `/api/cooperations/${dprdWaiting.id}/actions/record_dprd_decision`;
const dialog = () => screen.getByRole('dialog', { name: 'Catat keputusan DPRD' });

describe('the actions bar of a cooperation', () => {
  it('lists each blocked action with the reasons the server gave, so people know what to fix', () => {
    mockFetch({});
    const offer = buildCooperation({
      actions: [
        { name: 'send_offer', allowed: false, blockers: [{ guard: 'documents', message: 'dokumen belum ada: SURAT_PENAWARAN', details: {} }], inputs: [] },
        { name: 'cancel', allowed: false, blockers: [{ guard: 'role', message: 'peran Anda tidak berwenang (perlu salah satu: TKKSD_KETUA)', details: {} }], inputs: ['reason'] },
      ],
    });
    renderWithSession(<ActionsBar cooperation={offer} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));

    expect(screen.getByText('Tidak ada tindakan yang dapat Anda lakukan pada tahap ini.')).toBeTruthy();
    const items = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Kirim penawaran — dokumen belum ada: SURAT_PENAWARAN', 'Batalkan — peran Anda tidak berwenang (perlu salah satu: TKKSD_KETUA)']);
    expect(screen.queryByRole('button', { name: 'Kirim penawaran' })).toBeNull();
  });

  it('offers a button only for the allowed actions and asks for the required inputs before sending anything', async () => {
    const { calls } = mockFetch({ [`POST ${url}`]: { body: { cooperation: { ...dprdWaiting, state: 'PENYUSUNAN_PKS', actions: [], allowedActions: [] }, createdId: null } } });
    renderWithSession(<ActionsBar cooperation={dprdWaiting} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));
    expect(screen.queryByRole('button', { name: 'Batalkan' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Catat keputusan DPRD' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Catat keputusan DPRD' }));

    expect(within(dialog()).getByLabelText('Keputusan').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog()).getByLabelText('Tanggal keputusan').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog()).getAllByText('Wajib diisi untuk tindakan ini.')).toHaveLength(2);
    expect(calls).toHaveLength(0);

    fireEvent.change(within(dialog()).getByLabelText('Keputusan'), { target: { value: 'APPROVED' } });
    fireEvent.change(within(dialog()).getByLabelText('Tanggal keputusan'), { target: { value: '2026-03-10' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Catat keputusan DPRD' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(await calls[0]!.json()).toEqual({ expectedVersion: 4, decision: 'APPROVED', decidedAt: '2026-03-10' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the rules that refused the action inside the dialog', async () => {
    mockFetch({
      [`POST ${url}`]: {
        status: 409,
        body: {
          type: 'urn:jejaring:problem:cooperations.action_refused',
          title: 'Conflict',
          status: 409,
          code: 'cooperations.action_refused',
          detail: 'Tindakan ditolak',
          guard: 'approval_not_pending',
          blockers: [{ guard: 'approval_not_pending', message: 'tidak ada permohonan persetujuan yang menunggu keputusan pihak Anda', details: {} }],
        },
      },
    });
    renderWithSession(<ActionsBar cooperation={dprdWaiting} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Catat keputusan DPRD' }));
    fireEvent.change(within(dialog()).getByLabelText('Keputusan'), { target: { value: 'REJECTED' } });
    fireEvent.change(within(dialog()).getByLabelText('Tanggal keputusan'), { target: { value: '2026-03-10' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Catat keputusan DPRD' }));

    const alert = await within(dialog()).findByRole('alert');
    expect(alert.textContent).toContain('Tindakan ini belum dapat dilakukan:');
    expect(alert.textContent).toContain('tidak ada permohonan persetujuan yang menunggu keputusan pihak Anda');
  });

  it('asks for the term when signing and for a reason when cancelling', () => {
    mockFetch({});
    const signing = buildCooperation({
      state: 'PENANDATANGANAN_PKS',
      allowedActions: ['sign', 'cancel'],
      actions: [
        { name: 'sign', allowed: true, blockers: [], inputs: ['term'] },
        { name: 'cancel', allowed: true, blockers: [], inputs: ['reason'] },
      ],
    });
    renderWithSession(<ActionsBar cooperation={signing} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Tanda tangani' }));
    const sign = screen.getByRole('dialog', { name: 'Tanda tangani' });
    expect(within(sign).getByLabelText('Tanggal mulai')).toBeTruthy();
    expect(within(sign).getByLabelText('Tanggal berakhir')).toBeTruthy();
    expect(within(sign).getByLabelText('Tanggal penandatanganan')).toBeTruthy();
    expect(within(sign).queryByLabelText('Alasan')).toBeNull();
    fireEvent.click(within(sign).getByRole('button', { name: 'Batal' }));

    fireEvent.click(screen.getByRole('button', { name: 'Batalkan' }));
    const cancel = screen.getByRole('dialog', { name: 'Batalkan' });
    expect(within(cancel).getByLabelText('Alasan')).toBeTruthy();
    expect(within(cancel).queryByLabelText('Tanggal mulai')).toBeNull();
  });
});
