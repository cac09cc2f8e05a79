import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import mammoth from 'mammoth';
import type { RenderableDocument } from './document.js';
import { extractDocxText, renderDocx } from './docx.js';
import { extractPdfText, renderPdf } from './pdf.js';

const sample: RenderableDocument = {
  titleLines: ['KESEPAKATAN BERSAMA', 'ANTARA', 'PEMERINTAH KABUPATEN HULU SUNGAI SELATAN', 'DAN', 'PEMERINTAH KABUPATEN TAPIN', 'TENTANG', 'PENGELOLAAN SAMPAH REGIONAL'],
  numbers: [
    { label: 'Nomor', number: '180/12/KSD/2026' },
    { label: 'Nomor', number: null },
  ],
  sections: [
    { heading: 'Pasal 1\nJANGKA WAKTU', text: 'Kesepakatan Bersama ini berlaku sejak tanggal 25 April 2025 sampai dengan tanggal 24 April 2030.' },
    { heading: 'Pasal 2\nPEMBIAYAAN', text: 'Biaya pelaksanaan dibebankan pada:\na. APBD Tahun 2026: Rp1.500.000,00;\nb. Sumber lain yang sah dan tidak mengikat.' },
  ],
  signingNote: 'Ditandatangani di Kandangan pada tanggal 25 April 2025.',
  signatures: [
    { label: 'PIHAK KESATU', organization: 'Pemerintah Kabupaten Hulu Sungai Selatan', name: 'Achmad Fikry', position: 'Bupati' },
    { label: 'PIHAK KEDUA', organization: 'Pemerintah Kabupaten Tapin', name: '', position: 'Bupati' },
  ],
  marking: 'RANCANGAN – versi 2',
  metadata: { title: 'Kesepakatan Bersama Pengelolaan Sampah Regional', author: 'Jejaring' },
};

describe('PDF rendering', () => {
  it('embeds the shipped DejaVu font and keeps Indonesian text, Rupiah amounts and dates extractable', async () => {
    const bytes = await renderPdf(sample);
    const raw = Buffer.from(bytes).toString('latin1');
    assert.ok(raw.startsWith('%PDF-'));
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/, 'the DejaVu subset is named as the font');
    assert.match(raw, /\/FontFile2 /, 'the TrueType program is embedded, not referenced');
    const text = await extractPdfText(bytes);
    assert.match(text, /KESEPAKATAN BERSAMA/);
    assert.match(text, /Rp1\.500\.000,00/);
    assert.match(text, /25 April 2025/);
    assert.match(text, /Pasal 2/);
    assert.match(text, /Halaman 1 dari 1/);
    assert.match(text, /RANCANGAN – versi 2/);
  });

  it('fills a missing register number and a missing signatory name with dots to write in by hand', async () => {
    const text = await extractPdfText(await renderPdf(sample));
    assert.match(text, /Nomor: 180\/12\/KSD\/2026/);
    assert.match(text, /Nomor: \.{20}/);
  });

  it('reads no local file and fetches no URL that a document refers to', async () => {
    const { default: pdfmake } = await import('pdfmake');
    await renderPdf(sample);
    const attempt = pdfmake.createPdf({ content: [{ image: '/etc/hostname', width: 10 }] }).getBuffer();
    await assert.rejects(attempt, /Access to local file denied by resource access policy/);
    const remote = pdfmake.createPdf({ content: [{ image: 'https://contoh.go.id/logo.png', width: 10 }] }).getBuffer();
    await assert.rejects(remote, /denied by resource access policy: https:\/\/contoh/);
  });
});

describe('DOCX rendering', () => {
  it('produces a Word document that opens and holds the title, numbers, articles and signatories', async () => {
    const bytes = await renderDocx(sample);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    assert.match(html, /<strong>KESEPAKATAN BERSAMA<\/strong>/);
    const text = await extractDocxText(bytes);
    for (const expected of ['Nomor: 180/12/KSD/2026', 'Pasal 1', 'JANGKA WAKTU', 'Rp1.500.000,00', '25 April 2025', 'PIHAK KEDUA', 'Achmad Fikry'])
      assert.ok(text.includes(expected), `missing "${expected}"`);
    assert.ok(text.indexOf('Pasal 1') < text.indexOf('Pasal 2'), 'articles keep their order');
  });
});

describe('tables and appendix', () => {
  const withTables: RenderableDocument = {
    ...sample,
    sections: [{ heading: 'I. KEHADIRAN', text: 'Daftar hadir:', table: { columns: [{ label: 'Nama', width: 3 }, { label: 'Kehadiran', width: 1 }], rows: [['Yakobus Wetipo', 'Hadir'], ['Maria Lokobal', 'Izin']] } }],
    appendix: [{ heading: 'LAMPIRAN', text: '', table: { columns: [{ label: 'Usulan', width: 1 }], rows: [['Air bersih Baliem']] } }],
  };

  it('draws tables with a header row and puts the appendix after the signatures, on its own page', async () => {
    const pdf = await extractPdfText(await renderPdf(withTables));
    for (const expected of ['Nama', 'Kehadiran', 'Yakobus Wetipo', 'Izin', 'LAMPIRAN', 'Air bersih Baliem']) assert.ok(pdf.includes(expected), `PDF lacks ${expected}`);
    const pages = pdf.split('\n\n');
    assert.ok(pages.at(-1)!.includes('LAMPIRAN') && !pages.at(-1)!.includes('PIHAK KEDUA'), 'the appendix starts a page after the signatures');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await renderDocx(withTables)) })).value;
    assert.match(html, /<table>.*Yakobus Wetipo.*<\/table>/s);
    assert.ok(html.indexOf('Achmad Fikry') < html.indexOf('LAMPIRAN'), 'DOCX appendix after the signatures');
  });
});

describe('pdf.js loading', () => {
  it('leaves the native JSON functions in place after pdf.js has loaded (its polyfills replace them)', async () => {
    const { parse, stringify } = JSON;
    await extractPdfText(await renderPdf(sample));
    assert.equal(JSON.parse, parse);
    assert.equal(JSON.stringify, stringify);
    assert.match(JSON.parse.toString(), /\[native code\]/);
  });
});
