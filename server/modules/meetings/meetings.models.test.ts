import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionReminderStatus, describeWhen, isReschedule, statusAfter, stepBlock, timeZoneOfRegion, type MeetingStep } from './meetings.models.js';
import type { MeetingStatus } from './meetings.tables.js';

const m = (status: MeetingStatus, extra: { final?: boolean; minutes?: string | null } = {}) => ({
  status,
  minutesFinalisedAt: extra.final ? new Date('2026-04-26T00:00:00Z') : null,
  minutes: extra.minutes === undefined ? 'Notulen' : extra.minutes,
});

describe('meeting states', () => {
  it('goes DRAFT → INVITED → HELD, and may be cancelled only before it is held', () => {
    assert.equal(stepBlock(m('DRAFT'), 'invite'), null);
    assert.equal(statusAfter('DRAFT', 'invite'), 'INVITED');
    assert.equal(stepBlock(m('INVITED'), 'minutes'), null);
    assert.equal(statusAfter('INVITED', 'minutes'), 'HELD');
    assert.equal(stepBlock(m('DRAFT'), 'cancel'), null);
    assert.equal(stepBlock(m('INVITED'), 'cancel'), null);
    assert.equal(statusAfter('INVITED', 'cancel'), 'CANCELLED');
    assert.equal(stepBlock(m('HELD'), 'cancel'), 'wrong_status');
    assert.equal(stepBlock(m('CANCELLED'), 'invite'), 'wrong_status');
  });

  it('records minutes only after invitations, and actions only once held', () => {
    assert.equal(stepBlock(m('DRAFT'), 'minutes'), 'wrong_status');
    assert.equal(stepBlock(m('DRAFT'), 'attendance'), 'wrong_status');
    assert.equal(stepBlock(m('INVITED'), 'actions'), 'wrong_status');
    assert.equal(stepBlock(m('HELD'), 'actions'), null);
  });

  it('reschedules only an invited meeting (a draft is simply edited)', () => {
    assert.equal(stepBlock(m('INVITED'), 'reschedule'), null);
    assert.equal(stepBlock(m('DRAFT'), 'reschedule'), 'wrong_status');
    assert.equal(stepBlock(m('HELD'), 'reschedule'), 'wrong_status');
  });

  it('locks everything once the minutes are finalised', () => {
    for (const step of ['edit', 'invite', 'reschedule', 'cancel', 'attendance', 'minutes', 'actions', 'finalise'] as MeetingStep[])
      assert.equal(stepBlock(m('HELD', { final: true }), step), 'minutes_final', step);
  });

  it('finalises only minutes that say something', () => {
    assert.equal(stepBlock(m('HELD', { minutes: '  ' }), 'finalise'), 'minutes_missing');
    assert.equal(stepBlock(m('HELD'), 'finalise'), null);
  });

  it('treats only a change of start or end as a reschedule', () => {
    const a = { startsAt: new Date('2026-04-25T00:00:00Z'), endsAt: new Date('2026-04-25T03:00:00Z') };
    assert.equal(isReschedule(a, { ...a }), false);
    assert.equal(isReschedule(a, { ...a, endsAt: new Date('2026-04-25T04:00:00Z') }), true);
  });
});

describe('time zones and dates', () => {
  it('puts each pemda in WIB, WITA or WIT by its province', () => {
    assert.equal(timeZoneOfRegion('95.01'), 'Asia/Jayapura'); // Jayawijaya, Papua Pegunungan
    assert.equal(timeZoneOfRegion('63.06'), 'Asia/Makassar'); // Hulu Sungai Selatan
    assert.equal(timeZoneOfRegion('34.71'), 'Asia/Jakarta'); // Kota Yogyakarta
    assert.equal(timeZoneOfRegion('61.01'), 'Asia/Jakarta'); // Kalimantan Barat is WIB
    assert.equal(timeZoneOfRegion(null), 'Asia/Jakarta');
  });

  it('describes the time in the meeting’s zone', () => {
    assert.equal(describeWhen(new Date('2026-04-25T00:00:00Z'), new Date('2026-04-25T03:30:00Z'), 'Asia/Jayapura', 'id'), 'Sabtu, 25 April 2026, 09.00–12.30 WIT');
  });

  it('reminds of an open action due within the window or overdue', () => {
    assert.equal(actionReminderStatus('2026-03-05', '2026-03-02', 7), 'DUE_SOON');
    assert.equal(actionReminderStatus('2026-03-09', '2026-03-02', 7), 'DUE_SOON');
    assert.equal(actionReminderStatus('2026-03-10', '2026-03-02', 7), null);
    assert.equal(actionReminderStatus('2026-03-01', '2026-03-02', 7), 'OVERDUE');
  });
});
