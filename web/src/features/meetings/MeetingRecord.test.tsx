import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import type { Meeting } from './meetings.api';
import { MeetingRecord } from './MeetingRecord';

const id = '00000000-0000-4000-8000-0000000000a1';

const meeting: Meeting = {
  id,
  tenantId: '00000000-0000-4000-8000-000000000002',
  type: 'FORUM_MITRA',
  title: 'Forum KSD air bersih',
  status: 'HELD',
  startsAt: '2026-03-10T00:00:00.000Z',
  endsAt: '2026-03-10T03:00:00.000Z',
  timeZone: 'Asia/Jayapura',
  mode: 'LURING',
  place: 'Aula Wamena',
  cooperationId: null,
  minutesFinal: false,
  onlineUrl: null,
  agenda: [],
  cooperation: null,
  mappingCycleId: null,
  minutes: 'Forum membahas air baku.',
  decisions: ['Menyusun KAK'],
  minutesFinalisedAt: null,
  minutesFinalisedBy: null,
  sequence: 0,
  cancelReason: null,
  invitees: [{ id: '00000000-0000-4000-8000-0000000000b1', userId: null, name: 'Yakobus Wenda', email: null, organisation: 'PT Air Baliem', walkIn: false, attendance: null, invitedAt: '2026-03-02T02:00:00.000Z' }],
  actions: [],
  canManage: true,
};

describe('the record of a meeting', () => {
  it('lets a manager mark attendance by a labelled control and sends it to the API', async () => {
    const { calls } = mockFetch({ [`PUT /api/meetings/${id}/attendance`]: { body: { ...meeting, invitees: [{ ...meeting.invitees[0]!, attendance: 'PRESENT' }] } } });
    const onDone = vi.fn();
    renderWithSession(<MeetingRecord meeting={meeting} onDone={onDone} />, buildMe({ permissions: ['cooperation.read', 'meeting.manage'] }));

    fireEvent.change(screen.getByLabelText('Kehadiran Yakobus Wenda'), { target: { value: 'PRESENT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kehadiran' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = calls.find((c) => c.method === 'PUT');
    expect(await sent?.json()).toEqual({ marks: [{ inviteeId: meeting.invitees[0]!.id, attendance: 'PRESENT' }], walkIns: [] });
  });

  it('shows finalised minutes read-only, with numbered decisions and no forms', () => {
    mockFetch({});
    renderWithSession(<MeetingRecord meeting={{ ...meeting, minutesFinal: true, minutesFinalisedBy: 'Sekretariat KSD' }} onDone={() => undefined} />, buildMe({ permissions: ['meeting.manage'] }));

    expect(screen.queryByRole('button', { name: 'Simpan notulen dan keputusan' })).toBeNull();
    expect(screen.queryByLabelText('Kehadiran Yakobus Wenda')).toBeNull();
    expect(screen.getByText('Forum membahas air baku.')).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe('Menyusun KAK');
    expect(screen.getByText('Notulen difinalkan oleh Sekretariat KSD.')).toBeTruthy();
  });
});
