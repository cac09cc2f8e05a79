import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIcs, escapeText, foldLine, utcStamp } from './ics.js';

const event = {
  method: 'REQUEST' as const,
  uid: '7f1c2d3e-0000-4000-8000-000000000001@jejaring',
  sequence: 0,
  stamp: new Date('2026-03-02T02:00:00Z'),
  start: new Date('2026-04-25T00:00:00Z'),
  end: new Date('2026-04-25T03:30:00Z'),
  summary: 'Forum KSD: air bersih, sampah; pariwisata',
  description: 'Agenda:\n1. Pembukaan\n2. Paparan potensi',
  location: 'Aula Kantor Bupati, Wamena',
  organizer: { name: 'Pemerintah Kabupaten Jayawijaya', email: 'noreply@jejaring.id' },
  attendees: [{ name: 'Yakobus Wenda', email: 'yakobus@example.org' }],
};

describe('iCalendar text (RFC 5545)', () => {
  it('writes the golden invitation: CRLF line ends, escaped TEXT, UTC times', () => {
    assert.equal(
      buildIcs(event),
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Jejaring//Rapat KSD//ID',
        'CALSCALE:GREGORIAN',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        'UID:7f1c2d3e-0000-4000-8000-000000000001@jejaring',
        'SEQUENCE:0',
        'DTSTAMP:20260302T020000Z',
        'DTSTART:20260425T000000Z',
        'DTEND:20260425T033000Z',
        'SUMMARY:Forum KSD: air bersih\\, sampah\\; pariwisata',
        'DESCRIPTION:Agenda:\\n1. Pembukaan\\n2. Paparan potensi',
        'LOCATION:Aula Kantor Bupati\\, Wamena',
        'ORGANIZER;CN="Pemerintah Kabupaten Jayawijaya":mailto:noreply@jejaring.id',
        'ATTENDEE;CN="Yakobus Wenda";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP',
        ' =FALSE:mailto:yakobus@example.org',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('cancels with METHOD:CANCEL, the same UID and STATUS:CANCELLED', () => {
    const text = buildIcs({ ...event, method: 'CANCEL', sequence: 2 });
    assert.match(text, /\r\nMETHOD:CANCEL\r\n/);
    assert.match(text, /\r\nUID:7f1c2d3e-0000-4000-8000-000000000001@jejaring\r\n/);
    assert.match(text, /\r\nSEQUENCE:2\r\n/);
    assert.match(text, /\r\nSTATUS:CANCELLED\r\n/);
  });

  it('escapes backslash before the other characters, and every kind of line break', () => {
    assert.equal(escapeText('a\\b;c,d\r\ne\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('folds at 75 octets, continuation lines start with a space and hold 74 more', () => {
    const line = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(line).split('\r\n');
    assert.deepEqual(
      folded.map((l) => Buffer.byteLength(l)),
      [75, 75, 60],
    );
    assert.ok(folded.slice(1).every((l) => l.startsWith(' ')));
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
  });

  it('never splits a multi-octet UTF-8 character across lines', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`; // 8 + 120 octets
    const folded = foldLine(line).split('\r\n');
    assert.deepEqual(
      folded.map((l) => Buffer.byteLength(l)),
      [74, 1 + 128 - 74],
    );
    assert.ok(folded.every((l) => !l.includes('\uFFFD')));
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
  });

  it('leaves a short line alone and writes UTC stamps without separators', () => {
    assert.equal(foldLine('VERSION:2.0'), 'VERSION:2.0');
    assert.equal(utcStamp(new Date('2026-12-31T23:59:59.999Z')), '20261231T235959Z');
  });
});
