import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presentClauses } from './clauses.models.js';
import { buildDraft, describeTerm, diffTexts, fillPlaceholders, formatDateId, formatRupiah, TEMPLATE_TYPES, terbilang, type DraftFacts } from './documents.models.js';
import { NATIONAL_DEFAULTS } from './rulepack.models.js';
import { SHIPPED_TEMPLATES } from './templates.usecases.js';

const facts: DraftFacts = {
  code: 'KSD-2026-0001',
  title: 'Pengelolaan sampah regional',
  objek: 'TPA regional',
  ruangLingkup: ['Pengangkutan', 'Pemrosesan akhir'],
  startDate: '2025-04-25',
  endDate: '2030-04-24',
  urusan: ['Lingkungan Hidup'],
  parties: [
    { orgId: 'a', name: 'Pemerintah Kabupaten Hulu Sungai Selatan', signatoryName: 'Achmad Fikry', signatoryPosition: 'Bupati Hulu Sungai Selatan' },
    { orgId: 'b', name: 'Pemerintah Kabupaten Tapin', signatoryName: null, signatoryPosition: null },
  ],
  funding: [{ source: 'APBD', year: 2026, amount: '1500000.00', budgeted: false, partyName: 'Pemerintah Kabupaten Tapin' }],
  regulationRefs: ['PP 28/2018'],
  senderOrgId: 'b',
  place: null,
  today: '2026-03-02',
};

describe('Indonesian formatting', () => {
  it('writes dates, Rupiah and numbers in words the way official documents do', () => {
    assert.equal(formatDateId('2025-04-25'), '25 April 2025');
    assert.equal(formatRupiah('1500000.00'), 'Rp1.500.000,00');
    assert.equal(formatRupiah('999.5'), 'Rp999,50');
    assert.equal(formatRupiah(1234567.891), 'Rp1.234.567,89');
    assert.equal(terbilang(5), 'lima');
    assert.equal(terbilang(14), 'empat belas');
    assert.equal(terbilang(25), 'dua puluh lima');
    assert.equal(terbilang(112), 'seratus dua belas');
    assert.equal(describeTerm('2025-04-25', '2030-04-24'), '5 (lima) tahun');
    assert.equal(describeTerm('2026-01-01', '2026-06-30'), '6 (enam) bulan');
  });

  it('fills known placeholders and leaves a mistyped one visible', () => {
    assert.equal(fillPlaceholders('{{judul}} / {{ tahun }} / {{judull}}', { judul: 'A', tahun: '2026' }), 'A / 2026 / {{judull}}');
  });
});

describe('national templates', () => {
  it('exist for every generated type and cover the clauses the national rule pack requires', () => {
    for (const type of TEMPLATE_TYPES) {
      const t = SHIPPED_TEMPLATES.get(type)!;
      const body = buildDraft(type, t, facts);
      const present = presentClauses({ body, extractedText: null });
      const missing = (NATIONAL_DEFAULTS.clauses[type] ?? []).filter((c) => !present.has(c));
      assert.deepEqual(missing, [], `${type} lacks ${missing.join(', ')}`);
      const text = body.sections.map((s) => s.heading + s.text).join('\n');
      assert.doesNotMatch(text, /\{\{/, `${type} has an unknown placeholder`);
    }
  });

  it('sign agreements by every party and letters by the sending party only, with blanks for unknown signatories', () => {
    const pks = buildDraft('PKS', SHIPPED_TEMPLATES.get('PKS')!, facts);
    assert.deepEqual(pks.signatories.map((s) => s.label), ['PIHAK KESATU', 'PIHAK KEDUA']);
    assert.equal(pks.signatories[1]!.name, '');
    assert.match(pks.sections.map((s) => s.text).join('\n'), /APBD Tahun Anggaran 2026 \(Pemerintah Kabupaten Tapin\) sebesar Rp1\.500\.000,00 \(belum dianggarkan\)/);
    const letter = buildDraft('SURAT_PENAWARAN', SHIPPED_TEMPLATES.get('SURAT_PENAWARAN')!, facts);
    assert.deepEqual(letter.signatories.map((s) => s.organization), ['Pemerintah Kabupaten Tapin']);
    assert.match(letter.signingNote, /2 Maret 2026$/);
  });
});

describe('version comparison', () => {
  it('marks inserted and deleted words and rebuilds both texts from the segments', () => {
    const from = 'Pasal 1\nJangka waktu 5 (lima) tahun.';
    const to = 'Pasal 1\nJangka waktu 10 (sepuluh) tahun.';
    const { segments, granularity } = diffTexts(from, to);
    assert.equal(granularity, 'word');
    assert.ok(segments.some((s) => s.op === 'delete' && s.text.includes('lima')));
    assert.ok(segments.some((s) => s.op === 'insert' && s.text.includes('sepuluh')));
    assert.equal(segments.filter((s) => s.op !== 'insert').map((s) => s.text).join(''), from);
    assert.equal(segments.filter((s) => s.op !== 'delete').map((s) => s.text).join(''), to);
  });

  it('falls back to whole lines when two texts share almost nothing', () => {
    const words = (seed: number) => Array.from({ length: 6000 }, (_, i) => `kata${(i * seed) % 9973}`).join(' ');
    const { granularity, segments } = diffTexts(words(7), words(13));
    assert.equal(granularity, 'line');
    assert.ok(segments.length > 0);
  });
});
