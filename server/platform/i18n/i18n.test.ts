import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format, longDate, longDateParam } from './i18n.js';

describe('messages in two languages', () => {
  it('fills each parameter in the reader’s language: a date or a period is not left in Indonesian for an English reader', () => {
    const message = { id: 'Laporan {period} jatuh tempo {due} ({days} hari lagi)', en: 'The {period} report is due {due} (in {days} days)' };
    const params = { period: { id: 'Semester I', en: 'Semester 1' }, due: longDateParam('2026-07-31'), days: 5 };
    assert.equal(format(message, 'id', params), 'Laporan Semester I jatuh tempo 31 Juli 2026 (5 hari lagi)');
    assert.equal(format(message, 'en', params), 'The Semester 1 report is due 31 July 2026 (in 5 days)');
    assert.equal(format(message, 'en', {}), 'The {period} report is due {due} (in {days} days)', 'a missing parameter stays visible');
  });

  it('writes days as people do, whatever the server’s time zone', () => {
    assert.equal(longDate('2025-04-25', 'id'), '25 April 2025');
    assert.equal(longDate('2026-02-01', 'id'), '1 Februari 2026');
    assert.equal(longDate('2026-02-01', 'en'), '1 February 2026');
  });
});
