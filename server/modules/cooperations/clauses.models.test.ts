import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clausesInText, headingsOf, presentClauses } from './clauses.models.js';

const scannedPks = `PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN HULU SUNGAI SELATAN
DAN
PT AIR BERSIH BANUA
Pada hari ini Senin tanggal dua puluh lima bulan April tahun dua ribu dua puluh lima, yang bertanda tangan di bawah ini:
Pasal 1
MAKSUD DAN TUJUAN
Perjanjian ini dimaksudkan sebagai pedoman.
Pasal 2  JANGKA  WAKTU
Perjanjian ini berlaku untuk jangka waktu 5 (lima) tahun.
Pasal 3
Pembiayaan
Biaya dibebankan pada APBD.
Pasal 4 – Keadaan Kahar
Pasal 5
PENYELESAIAN PERSELISIHAN
Pasal 6
PENUTUP
Perjanjian ini dibuat dalam rangkap 2 (dua).`;

describe('clause detection in uploaded text', () => {
  it('reads headings after "Pasal N" on the same line or the next, with odd spacing and dashes', () => {
    const h = headingsOf(scannedPks);
    for (const expected of ['maksud dan tujuan', 'jangka waktu', 'pembiayaan', 'keadaan kahar', 'penyelesaian perselisihan', 'penutup']) assert.ok(h.includes(expected), `missing heading ${expected}`);
  });

  it('finds the clauses an Indonesian agreement covers and not the ones it lacks', () => {
    const found = clausesInText(scannedPks);
    for (const c of ['PARA_PIHAK', 'MAKSUD_TUJUAN', 'JANGKA_WAKTU', 'PEMBIAYAAN', 'KEADAAN_KAHAR', 'PENYELESAIAN_PERSELISIHAN', 'PENUTUP'] as const)
      assert.ok(found.has(c), `expected ${c}`);
    for (const c of ['SANKSI', 'HAK_KEWAJIBAN', 'MONITORING_EVALUASI', 'PERUBAHAN', 'PENGAKHIRAN'] as const) assert.ok(!found.has(c), `did not expect ${c}`);
  });

  it('reads an English memorandum with a foreign partner', () => {
    const mou = `MEMORANDUM OF UNDERSTANDING
Article 1 Purpose
Article 2 Scope of Cooperation
Article 3
Financial Arrangements
Article 4 Settlement of Disputes
Article 5 Amendment
Article 6 Entry into Force, Duration and Termination
IN WITNESS WHEREOF the undersigned have signed this Memorandum.`;
    const found = clausesInText(mou);
    assert.deepEqual(
      [...found].sort(),
      ['JANGKA_WAKTU', 'MAKSUD_TUJUAN', 'OBJEK_RUANG_LINGKUP', 'PEMBIAYAAN', 'PENGAKHIRAN', 'PENUTUP', 'PENYELESAIAN_PERSELISIHAN', 'PERUBAHAN'],
    );
  });

  it('does not count a passing mention of costs in running text as a financing clause', () => {
    const found = clausesInText('Pasal 1\nRUANG LINGKUP\nKegiatan ini memerlukan biaya yang wajar dan anggaran yang cukup.');
    assert.ok(found.has('OBJEK_RUANG_LINGKUP'));
    assert.ok(!found.has('PEMBIAYAAN'));
  });
});

describe('present clauses of a document', () => {
  it('counts only tagged draft sections that have text', () => {
    const found = presentClauses({
      body: { sections: [{ clause: 'JANGKA_WAKTU', heading: 'Pasal 1', text: 'Lima tahun.' }, { clause: 'SANKSI', heading: 'Pasal 2', text: '  ' }, { clause: null, heading: 'Pembukaan', text: 'Pada hari ini' }] },
      extractedText: 'Pasal 9 SANKSI',
    });
    assert.deepEqual([...found], ['JANGKA_WAKTU']);
  });

  it('uses the extracted text of an uploaded file', () => {
    assert.ok(presentClauses({ body: null, extractedText: 'Pasal 7\nSANKSI\nPara pihak yang lalai dikenakan sanksi.' }).has('SANKSI'));
    assert.equal(presentClauses({ body: null, extractedText: null }).size, 0);
  });
});
