import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRupiah, timeZoneAbbreviation } from './format';

describe('formatDate', () => {
  it('writes a decree date the Indonesian way in both languages', () => {
    expect(formatDate('2025-04-25', 'id')).toBe('25 April 2025');
    expect(formatDate('2025-04-25', 'en')).toBe('25 April 2025');
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agustus 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 August 2026');
  });

  it('never moves a calendar date to the previous day, whatever the zone', () => {
    expect(formatDate('2026-01-01', 'id', 'Asia/Jayapura')).toBe('1 Januari 2026');
  });

  it('places an instant on the WIB calendar by default', () => {
    expect(formatDate('2026-03-01T18:30:00Z', 'id')).toBe('2 Maret 2026');
  });
});

describe('formatDateTime', () => {
  const instant = '2026-03-01T03:05:00Z';

  it('shows the time in WIB by default', () => {
    expect(formatDateTime(instant, 'id')).toBe('1 Maret 2026 10.05 WIB');
    expect(formatDateTime(instant, 'en')).toBe('1 March 2026 10:05 WIB');
  });

  it('uses WITA for Makassar and WIT for Jayapura', () => {
    expect(formatDateTime(instant, 'id', 'Asia/Makassar')).toBe('1 Maret 2026 11.05 WITA');
    expect(formatDateTime(instant, 'id', 'Asia/Jayapura')).toBe('1 Maret 2026 12.05 WIT');
  });

  it('maps every Indonesian zone to its legal abbreviation', () => {
    expect(timeZoneAbbreviation('Asia/Jakarta')).toBe('WIB');
    expect(timeZoneAbbreviation('Asia/Pontianak')).toBe('WIB');
    expect(timeZoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(timeZoneAbbreviation('Asia/Jayapura')).toBe('WIT');
    expect(timeZoneAbbreviation()).toBe('WIB');
  });
});

describe('formatRupiah', () => {
  it('writes Rupiah with no space, dots for thousands and two decimals', () => {
    expect(formatRupiah(1_500_000)).toBe('Rp1.500.000,00');
    expect(formatRupiah(1_500_000.5)).toBe('Rp1.500.000,50');
    expect(formatRupiah(0)).toBe('Rp0,00');
  });

  it('keeps the minus sign before the currency for negative amounts', () => {
    expect(formatRupiah(-250_000)).toBe('-Rp250.000,00');
  });

  it('formats large budgets exactly, including decimal strings beyond float precision', () => {
    expect(formatRupiah(12_345_678_901_234)).toBe('Rp12.345.678.901.234,00');
    expect(formatRupiah('98765432109876543.21')).toBe('Rp98.765.432.109.876.543,21');
  });

  it('contains no non-breaking or ordinary spaces', () => {
    expect(formatRupiah(1_000)).not.toMatch(/[\s\u00a0\u202f]/);
  });
});

describe('formatNumber', () => {
  it('separates thousands by the language', () => {
    expect(formatNumber(83_763, 'id')).toBe('83.763');
    expect(formatNumber(83_763, 'en')).toBe('83,763');
    expect(formatNumber(2.5, 'id', 2)).toBe('2,50');
  });
});
