import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisibilityScope } from '../../platform/http/context.js';
import { canReadCooperation, deriveDprdRequired, dueDateFor, durationExceeded, isDormant, latestEndDate, nextDisputeStage, amendmentNeedsDprd } from './cooperations.policy.js';
import { regionKeysOf } from './cooperations.usecases.js';
import { effectiveRules, mergeRules, NATIONAL_DEFAULTS, RulesSchema } from './rulepack.models.js';
import { safeSnippet } from './register.usecases.js';

const scope = (over: Partial<VisibilityScope>): VisibilityScope => ({ platformAdmin: false, tenantIds: [], oversightProvinceCodes: [], readAll: false, orgIds: [], ...over });
const refs = { partyTenantIds: ['hss', 'hst'], partyOrgIds: ['hss', 'hst', 'pt-banua'], partyProvinceCodes: ['63'] };

describe('who sees a cooperation', () => {
  it('its parties, their province (GWPP), Kemendagri and members of a party partner; nobody else', () => {
    assert.ok(canReadCooperation(scope({ tenantIds: ['hst'] }), refs));
    assert.ok(canReadCooperation(scope({ oversightProvinceCodes: ['63'] }), refs));
    assert.ok(canReadCooperation(scope({ readAll: true }), refs));
    assert.ok(canReadCooperation(scope({ orgIds: ['pt-banua'] }), refs));
    assert.ok(!canReadCooperation(scope({ tenantIds: ['jayawijaya'], oversightProvinceCodes: ['95'], orgIds: ['jayawijaya'] }), refs));
  });
});

describe('DPRD approval (PP 28/2018 Art. 6(2), 19(1), 30)', () => {
  const base = { kind: 'KSDD' as const, burdensCommunity: false, funding: [{ year: 2026, budgeted: true }], currentYear: 2026 };
  it('is needed when the plan burdens the community or its funding is not yet budgeted', () => {
    assert.equal(deriveDprdRequired(NATIONAL_DEFAULTS, base), false);
    assert.equal(deriveDprdRequired(NATIONAL_DEFAULTS, { ...base, burdensCommunity: true }), true);
    assert.equal(deriveDprdRequired(NATIONAL_DEFAULTS, { ...base, funding: [{ year: 2027, budgeted: false }] }), true);
    assert.equal(deriveDprdRequired(NATIONAL_DEFAULTS, { ...base, funding: [{ year: 2024, budgeted: false }] }), false, 'past years do not count');
  });
  it('is always needed abroad and never for Sinergi, unless a rule pack says otherwise', () => {
    assert.equal(deriveDprdRequired(NATIONAL_DEFAULTS, { ...base, kind: 'KSDLL' }), true);
    assert.equal(deriveDprdRequired(NATIONAL_DEFAULTS, { ...base, kind: 'SINERGI', burdensCommunity: true }), false);
    const strict = { ...NATIONAL_DEFAULTS, dprdApproval: { ...NATIONAL_DEFAULTS.dprdApproval, neverForKinds: [] } };
    assert.equal(deriveDprdRequired(strict, { ...base, kind: 'SINERGI', burdensCommunity: true }), true);
  });
  it('an amendment goes back when its change meets the conditions', () => {
    assert.equal(amendmentNeedsDprd(NATIONAL_DEFAULTS, 'KSDPK', { burdensCommunity: true }), true);
    assert.equal(amendmentNeedsDprd(NATIONAL_DEFAULTS, 'KSDPK', { extendsTerm: true }), false);
    assert.equal(amendmentNeedsDprd({ ...NATIONAL_DEFAULTS, amendmentApproval: { ...NATIONAL_DEFAULTS.amendmentApproval, whenTermExtended: true } }, 'KSDPK', { extendsTerm: true }), true);
  });
});

describe('term limits per object category', () => {
  it('public services run five years to the day before, infrastructure 25', () => {
    assert.deepEqual(latestEndDate(NATIONAL_DEFAULTS, 'PELAYANAN_PUBLIK', '2026-04-01'), { years: 5, latest: '2031-03-31' });
    assert.equal(durationExceeded(NATIONAL_DEFAULTS, 'PELAYANAN_PUBLIK', '2026-04-01', '2031-03-31'), null);
    assert.deepEqual(durationExceeded(NATIONAL_DEFAULTS, 'PELAYANAN_PUBLIK', '2026-04-01', '2031-04-01'), { years: 5, latest: '2031-03-31' });
    assert.equal(durationExceeded(NATIONAL_DEFAULTS, 'INFRASTRUKTUR', '2026-04-01', '2051-03-31'), null);
  });
  it('a start on 29 February ends on the day before its anniversary', () => {
    assert.equal(latestEndDate(NATIONAL_DEFAULTS, 'PELAYANAN_PUBLIK', '2028-02-29').latest, '2033-02-28');
  });
});

describe('deadlines', () => {
  it('counts working days, skipping weekends and the holidays the pemda lists', () => {
    assert.equal(dueDateFor(NATIONAL_DEFAULTS, 'MENUNGGU_PERSETUJUAN_DPRD', 'KSDPL', '2026-03-02'), '2026-05-04');
    const withHolidays = { ...NATIONAL_DEFAULTS, holidays: ['2026-03-19', '2026-03-20', '2026-04-03'] };
    assert.equal(dueDateFor(withHolidays, 'MENUNGGU_PERSETUJUAN_DPRD', 'KSDPL', '2026-03-02'), '2026-05-07');
    assert.equal(dueDateFor(NATIONAL_DEFAULTS, 'MENUNGGU_PERSETUJUAN_DPRD', 'KSDD', '2026-03-02'), null, 'no verified deadline for domestic kinds');
    const calendar = { ...NATIONAL_DEFAULTS, deadlines: [{ state: 'MENUNGGU_TANGGAPAN' as const, days: 30 }] };
    assert.equal(dueDateFor(calendar, 'MENUNGGU_TANGGAPAN', 'KSDD', '2026-03-02'), '2026-04-01');
  });
});

describe('disputes', () => {
  it('kab/kota of one province go to the Gubernur; otherwise straight to the Menteri; KSDPK to court or arbitration', () => {
    assert.equal(nextDisputeStage(NATIONAL_DEFAULTS, 'KSDD', 'MUSYAWARAH', true), 'GUBERNUR');
    assert.equal(nextDisputeStage(NATIONAL_DEFAULTS, 'KSDD', 'MUSYAWARAH', false), 'MENTERI');
    assert.equal(nextDisputeStage(NATIONAL_DEFAULTS, 'KSDD', 'MENTERI', true), null);
    assert.equal(nextDisputeStage(NATIONAL_DEFAULTS, 'KSDPK', 'MUSYAWARAH', true), 'PENGADILAN_ARBITRASE');
  });
});

describe('rule packs', () => {
  const pack = (tenantId: string | null, version: number, validFrom: string, rules: Record<string, unknown>) => ({ tenantId, version, validFrom, rules });
  it('merges a pemda override over the national pack in force on the date', () => {
    const packs = [
      pack(null, 1, '2020-01-01', NATIONAL_DEFAULTS as unknown as Record<string, unknown>),
      pack(null, 2, '2027-01-01', mergeRules(NATIONAL_DEFAULTS, { expiryReminderDays: [60] }) as Record<string, unknown>),
      pack('hss', 1, '2026-06-01', { maxDurationYears: { PELAYANAN_PUBLIK: 3 } }),
    ];
    assert.equal(effectiveRules(packs, 'hss', '2026-05-31').maxDurationYears.PELAYANAN_PUBLIK, 5);
    assert.equal(effectiveRules(packs, 'hss', '2026-06-01').maxDurationYears.PELAYANAN_PUBLIK, 3);
    assert.equal(effectiveRules(packs, 'hss', '2026-06-01').maxDurationYears.INFRASTRUKTUR, 25, 'other keys keep the national value');
    assert.deepEqual(effectiveRules(packs, 'hss', '2027-01-01').expiryReminderDays, [60]);
    assert.deepEqual(effectiveRules(packs, 'hst', '2026-06-01').expiryReminderDays, [180, 90, 30]);
  });
  it('refuses a pack that is not well-formed, naming the field', () => {
    const bad = RulesSchema.safeParse(mergeRules(NATIONAL_DEFAULTS, { numberFormats: { register: 'KSD/{year}' } }));
    assert.ok(!bad.success);
    assert.deepEqual(bad.error.issues[0]!.path, ['numberFormats', 'register']);
  });
});

describe('register helpers', () => {
  it('region keys hold every prefix, so a province filter finds its kabupaten and kecamatan', () => {
    assert.deepEqual(regionKeysOf(['63.06.01', '95.01']), ['63', '63.06', '63.06.01', '95', '95.01']);
  });
  it('search snippets are escaped HTML with only the highlight marks', () => {
    assert.equal(safeSnippet('<script>x</script> [[[sampah]]] & "air"'), '&#60;script&#62;x&#60;/script&#62; <mark>sampah</mark> &#38; &#34;air&#34;');
    assert.equal(safeSnippet(null), null);
  });
});

describe('isDormant', () => {
  const inForce = { state: 'BERLAKU', lastMonitoredAt: null, signedAt: '2026-08-31', stateChangedAt: new Date('2026-08-31T03:00:00Z') };

  it('counts calendar months from signing; a day the month lacks falls back to its last day', () => {
    assert.equal(isDormant(inForce, 6, '2027-02-27'), false);
    assert.equal(isDormant(inForce, 6, '2027-02-28'), true, '31 August + 6 months is the last day of February');
    assert.equal(isDormant({ ...inForce, signedAt: '2026-01-15' }, 12, '2027-01-15'), true);
  });

  it('counts from the last monitoring in WIB days once there is one, and never outside the in-force states', () => {
    const monitored = { ...inForce, lastMonitoredAt: new Date('2026-12-31T17:30:00Z') }; // 1 January 2027, 00:30 WIB
    assert.equal(isDormant(monitored, 6, '2027-06-30'), false);
    assert.equal(isDormant(monitored, 6, '2027-07-01'), true);
    for (const state of ['USULAN', 'BERAKHIR', 'DIAKHIRI', 'BATAL']) assert.equal(isDormant({ ...inForce, state }, 1, '2030-01-01'), false, state);
    assert.equal(isDormant({ ...inForce, state: 'DIADENDUM' }, 1, '2030-01-01'), true);
  });
});
