import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRow } from './import.api';
import { assignField, choiceFromValue, choiceValue, confirmationsForRequest, mappingForRequest, missingRequired, needsPartnerChoice } from './importModel';

const fields: ImportPreview['fields'] = [
  { name: 'title', required: true },
  { name: 'partner', required: true },
  { name: 'kind', required: true },
  { name: 'startDate', required: false },
];

const row = (rowNumber: number, partner: Partial<ImportRow['partner']> = {}, errors: ImportRow['errors'] = []): ImportRow => ({
  rowNumber,
  status: errors.length ? 'needs_confirmation' : 'ready',
  values: {
    title: 'Air bersih',
    partner: 'PT A (fiktif)',
    kind: 'KSDPK',
    ksddCategory: null,
    state: 'BERLAKU',
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    ownNumber: null,
    partnerNumber: null,
    amount: null,
    fundingSource: 'APBD',
    objek: '',
    ruangLingkup: [],
    urusanCodes: [],
    leadOpd: null,
    objectCategory: 'LAINNYA',
  },
  errors,
  warnings: [],
  partner: { name: 'PT A (fiktif)', expectedType: 'PIHAK_KETIGA', status: 'exact', candidates: [], chosen: { kind: 'existing', orgId: 'o1', name: 'PT A (fiktif)', type: 'PIHAK_KETIGA' }, canCreate: true, ...partner },
});

describe('column mapping', () => {
  it('keeps each field in one column: choosing it elsewhere moves it', () => {
    const m = assignField({ B: 'title', C: 'partner' }, 'D', 'title');
    expect(m).toEqual({ C: 'partner', D: 'title' });
    expect(assignField(m, 'C', '')).toEqual({ D: 'title' });
    expect(assignField(m, 'C', 'kind')).toEqual({ C: 'kind', D: 'title' });
  });

  it('names the required fields no column provides', () => {
    expect(missingRequired({ B: 'title', E: 'startDate' }, fields)).toEqual(['partner', 'kind']);
    expect(missingRequired({ B: 'title', C: 'partner', D: 'kind' }, fields)).toEqual([]);
  });

  it('sends every column, the unmapped ones as "ignore"', () => {
    const columns = [
      { key: 'A', header: 'No', samples: [], suggested: null },
      { key: 'B', header: 'Judul', samples: [], suggested: 'title' as const },
    ];
    expect(mappingForRequest({ B: 'title' }, columns)).toEqual({ A: 'ignore', B: 'title' });
  });
});

describe('partner choices', () => {
  it('asks for a choice only where the match is uncertain, missing or refused', () => {
    expect(needsPartnerChoice(row(5))).toBe(false);
    expect(needsPartnerChoice(row(6, { status: 'probable', chosen: null }))).toBe(true);
    expect(needsPartnerChoice(row(7, { status: 'none', chosen: null }))).toBe(true);
    expect(needsPartnerChoice(row(8, {}, [{ field: 'partner', code: 'partner_type_mismatch', message: 'x' }]))).toBe(true);
  });

  it('sends complete choices for rows still in the file; a new foreign partner waits for its country', () => {
    const rows = [row(5), row(6, { status: 'none', chosen: null }), row(7, { status: 'none', chosen: null, expectedType: 'FOREIGN_LOCAL_GOV' })];
    const choices = {
      '5': { kind: 'existing' as const, orgId: 'o9' },
      '6': { kind: 'create' as const, countryCode: '' },
      '7': { kind: 'create' as const, countryCode: 'A' },
      '99': { kind: 'existing' as const, orgId: 'gone' },
    };
    expect(confirmationsForRequest(choices, rows)).toEqual({ '5': { partyOrgId: 'o9' }, '6': { createPartner: {} } });
    expect(confirmationsForRequest({ ...choices, '7': { kind: 'create', countryCode: 'AU' } }, rows)['7']).toEqual({ createPartner: { countryCode: 'AU' } });
  });

  it('round-trips the select value and keeps a typed country when switching back to "new partner"', () => {
    expect(choiceValue(undefined)).toBe('');
    expect(choiceValue({ kind: 'existing', orgId: 'o1' })).toBe('org:o1');
    expect(choiceFromValue('org:o1', undefined)).toEqual({ kind: 'existing', orgId: 'o1' });
    expect(choiceFromValue('create', { kind: 'create', countryCode: 'NZ' })).toEqual({ kind: 'create', countryCode: 'NZ' });
    expect(choiceFromValue('', { kind: 'existing', orgId: 'o1' })).toBeUndefined();
  });
});
