import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../platform/config.js';
import type { PublicationSource } from '../cooperations/index.js';
import { buildSnapshot, entryOf, snapshotHash } from './portal.models.js';
import { canPublish, DEFAULT_VISIBILITY, isPublishable, mergeVisibility } from './portal.policy.js';

const source: PublicationSource = {
  id: '11111111-1111-4111-8111-111111111111',
  code: 'KSD/63.06/2026/001',
  tenantId: 'hss',
  regime: 'KSD_GENERIC',
  kind: 'KSDD',
  ksddCategory: 'SUKARELA',
  state: 'BERLAKU',
  stateChangedAt: new Date('2026-01-02T00:00:00Z'),
  objectCategory: 'PELAYANAN_PUBLIK',
  title: 'Pengelolaan sampah regional',
  objek: 'TPA regional',
  ruangLingkup: ['Pengangkutan'],
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  signedAt: '2025-12-20',
  progress: 40,
  lastMonitoredAt: null,
  urusan: [{ code: '2.11', name: 'Lingkungan hidup' }],
  issues: [],
  locations: [{ code: '63.06.01', name: 'Padang Batung' }],
  parties: [{ name: 'Kabupaten Hulu Sungai Selatan', type: 'PEMDA', regionCode: '63.06', regionName: 'Hulu Sungai Selatan', isInitiator: true, leadOpd: 'Dinas Lingkungan Hidup' }],
  funding: [{ source: 'APBD', year: 2026, amount: '1500000.00', budgeted: true }],
  documents: [
    { id: 'pks', type: 'PKS', title: 'PKS', version: 1, status: 'SIGNED', signedAt: '2025-12-20', fileId: 'f1', mediaType: 'application/pdf', size: 10 },
    { id: 'draft', type: 'KSB', title: 'KSB', version: 1, status: 'DRAFT', signedAt: null, fileId: null, mediaType: null, size: null },
  ],
};
const monev = { indicators: [], updates: [{ asOf: '2026-03-01', narrative: 'Lahan siap. Pembangunan dimulai.', progress: 30 }] };
const input = { source, monev, visibility: DEFAULT_VISIBILITY, publicDocumentIds: ['pks', 'draft'], ocid: 'ocds-x-1', inactive: false };

describe('portal models and policy', () => {
  it('maps only public parts: hidden fields are absent, only ticked documents with a file', () => {
    const s = buildSnapshot(input);
    assert.equal('funding' in s, false);
    assert.deepEqual(s.documents.map((d) => d.id), ['pks']);
    assert.deepEqual(s.updates, [{ date: '2026-03-01', title: 'Lahan siap.', summary: 'Lahan siap. Pembangunan dimulai.', progress: 30 }]);
    assert.deepEqual(buildSnapshot({ ...input, visibility: { ...DEFAULT_VISIBILITY, funding: true } }).funding, [{ source: 'APBD', year: 2026, amount: '1500000.00', budgeted: true }]);
    assert.deepEqual(entryOf(s).regionKeys, ['63', '63.06', '63.06.01']);
  });

  it('hashes the canonical JSON, so key order does not make a new release', () => {
    const s = buildSnapshot(input);
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as typeof s;
    assert.equal(snapshotHash(reordered), snapshotHash(s));
    assert.notEqual(snapshotHash({ ...s, title: 'Lain' }), snapshotHash(s));
  });

  it('publishes signed cooperations only, by the owning pemda’s secretariat', () => {
    assert.equal(isPublishable({ state: 'BERLAKU', signedAt: null }), true);
    assert.equal(isPublishable({ state: 'PENYUSUNAN_PKS', signedAt: '2025-01-01' }), true);
    for (const state of ['USULAN', 'KAJIAN_TKKSD', 'DITOLAK', 'BATAL', 'PENAWARAN']) assert.equal(isPublishable({ state, signedAt: null }), false, state);
    const actor = { roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: 'hss', tenantId: 'hss' }], permissions: new Set(['portal.publish']) };
    assert.equal(canPublish(actor, 'hss'), true);
    assert.equal(canPublish(actor, 'hst'), false);
    assert.equal(canPublish({ ...actor, permissions: new Set() }, 'hss'), false);
    assert.deepEqual(mergeVisibility(DEFAULT_VISIBILITY, { funding: true, updates: false }), { ...DEFAULT_VISIBILITY, funding: true, updates: false });
  });

  it('reads the open-data settings, with a licence URL for the known licences', () => {
    assert.deepEqual(loadConfig({}).openData, { ocidPrefix: 'ocds-jejaring', publisher: 'Jejaring', licence: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } });
    assert.throws(() => loadConfig({ OPEN_DATA_LICENSE: 'OGL-ID' }), /OPEN_DATA_LICENSE_URL/);
    assert.equal(loadConfig({ OPEN_DATA_LICENSE: 'OGL-ID', OPEN_DATA_LICENSE_URL: 'https://example.go.id/lisensi' }).openData.licence.url, 'https://example.go.id/lisensi');
  });
});
