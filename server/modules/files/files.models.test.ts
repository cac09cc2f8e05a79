import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisibilityScope } from '../../platform/http/context.js';
import { classifyUpload, contentDisposition, formatMegabytes, safeFileName } from './files.models.js';
import { canReadFile, canUploadFile } from './files.policy.js';

describe('uploaded file names', () => {
  it('keep only the last path segment, whatever the separator', () => {
    assert.equal(safeFileName('../../etc/passwd.pdf'), 'passwd.pdf');
    assert.equal(safeFileName('C:\\Users\\budi\\Dokumen\\MoU Banjarmasin.pdf'), 'MoU Banjarmasin.pdf');
    assert.equal(safeFileName('..'), '');
  });

  it('lose control characters, invisible direction overrides and characters Windows forbids', () => {
    assert.equal(safeFileName('Lap<o>ran:\u0000Q1?\u202E.pdf'), 'Lap o ran Q1 .pdf');
    assert.equal(safeFileName('surat\r\nedaran.docx'), 'suratedaran.docx');
    assert.equal(safeFileName('  .hidden..pdf. '), 'hidden..pdf');
  });

  it('keep letters of every script and Indonesian punctuation', () => {
    assert.equal(safeFileName('Perjanjian Kerja Sama — Dinas Pariwisata & 東京都.pdf'), 'Perjanjian Kerja Sama — Dinas Pariwisata & 東京都.pdf');
  });

  it('never become a Windows device name', () => {
    assert.equal(safeFileName('CON.pdf'), '_CON.pdf');
  });

  it('are cut to 200 characters with the extension kept', () => {
    const long = safeFileName(`${'Naskah kesepakatan bersama '.repeat(12)}.pdf`);
    assert.ok([...long].length <= 200 && [...long].length > 190, long);
    assert.ok(long.endsWith('.pdf') && !long.endsWith(' .pdf'));
    const wide = safeFileName(`${'東'.repeat(300)}.xlsx`);
    assert.equal([...wide].length, 200);
    assert.ok(wide.endsWith('東.xlsx'));
  });
});

describe('upload type decision', () => {
  it('accepts content whose type is allowed when the name agrees', () => {
    const verdict = classifyUpload('jpg', 'foto-penandatanganan.JPEG');
    assert.ok(verdict.ok);
    assert.equal(verdict.type.mediaType, 'image/jpeg');
  });

  it('refuses content of a type that is not allowed, whatever the name says', () => {
    assert.deepEqual(classifyUpload('exe', 'laporan.pdf'), { ok: false, reason: 'type_not_allowed' });
    assert.deepEqual(classifyUpload(undefined, 'catatan.txt'), { ok: false, reason: 'type_not_allowed' });
    assert.deepEqual(classifyUpload('docm', 'naskah.docx'), { ok: false, reason: 'type_not_allowed' });
  });

  it('accepts a .csv only when its bytes are UTF-8 text without NUL bytes', () => {
    const csv = new TextEncoder().encode('No;Judul Kerja Sama;Mitra\n1;Pengelolaan sampah;Kabupaten Tapin — "Banua"\n');
    const verdict = classifyUpload(undefined, 'register.CSV', csv);
    assert.ok(verdict.ok);
    assert.equal(verdict.type.mediaType, 'text/csv');
    assert.deepEqual(classifyUpload(undefined, 'register.csv', Uint8Array.of(0x4e, 0x6f, 0x00, 0x3b)), { ok: false, reason: 'type_not_allowed' }, 'NUL byte');
    assert.deepEqual(classifyUpload(undefined, 'register.csv', Uint8Array.of(0x4e, 0xc3, 0x28)), { ok: false, reason: 'type_not_allowed' }, 'invalid UTF-8');
    assert.deepEqual(classifyUpload(undefined, 'register.csv', new Uint8Array()), { ok: false, reason: 'type_not_allowed' }, 'empty');
    assert.deepEqual(classifyUpload(undefined, 'register.csv'), { ok: false, reason: 'type_not_allowed' }, 'content not checked');
    // Text under another name stays refused, and a recognised binary never passes as CSV.
    assert.deepEqual(classifyUpload(undefined, 'catatan.txt', csv), { ok: false, reason: 'type_not_allowed' });
    assert.deepEqual(classifyUpload('pdf', 'register.csv', csv), { ok: false, reason: 'type_mismatch', extension: '.csv', detected: 'PDF' });
    assert.deepEqual(classifyUpload('exe', 'register.csv', csv), { ok: false, reason: 'type_not_allowed' });
  });

  it('refuses allowed content under a name of another type', () => {
    assert.deepEqual(classifyUpload('png', 'perjanjian.pdf'), { ok: false, reason: 'type_mismatch', extension: '.pdf', detected: 'PNG' });
    assert.deepEqual(classifyUpload('pdf', 'perjanjian'), { ok: false, reason: 'type_mismatch', extension: '', detected: 'PDF' });
  });
});

describe('download headers', () => {
  it('offer an ASCII fallback and the exact UTF-8 name (RFC 6266)', () => {
    assert.equal(
      contentDisposition('Kerja Sama "Hulu" — 東京 (final).pdf'),
      `attachment; filename="Kerja Sama _Hulu_ _ __ (final).pdf"; filename*=UTF-8''Kerja%20Sama%20%22Hulu%22%20%E2%80%94%20%E6%9D%B1%E4%BA%AC%20%28final%29.pdf`,
    );
  });

  it('name limits in megabytes', () => {
    assert.equal(formatMegabytes(25 * 1024 * 1024), '25 MB');
    assert.equal(formatMegabytes(1024), '0.000977 MB');
  });
});

const scope = (over: Partial<VisibilityScope>): VisibilityScope => ({ platformAdmin: false, tenantIds: [], oversightProvinceCodes: [], readAll: false, orgIds: [], ...over });

describe('who may see and upload files', () => {
  const tenantFile = { orgId: 'opd-a', tenantId: 'tenant-a', tenantRegionCode: '63.06' };
  const partnerFile = { orgId: 'partner-1', tenantId: null, tenantRegionCode: null };

  it('lets the owning tenant and its oversight read a tenant file, nobody else', () => {
    assert.equal(canReadFile(scope({ tenantIds: ['tenant-a'] }), tenantFile), true);
    assert.equal(canReadFile(scope({ oversightProvinceCodes: ['63'] }), tenantFile), true);
    assert.equal(canReadFile(scope({ readAll: true }), tenantFile), true);
    assert.equal(canReadFile(scope({ tenantIds: ['tenant-b'] }), tenantFile), false);
    assert.equal(canReadFile(scope({ oversightProvinceCodes: ['95'] }), tenantFile), false);
  });

  it('keeps a partner organisation’s files to its members and read-all oversight', () => {
    assert.equal(canReadFile(scope({ orgIds: ['partner-1'] }), partnerFile), true);
    assert.equal(canReadFile(scope({ readAll: true }), partnerFile), true);
    assert.equal(canReadFile(scope({ tenantIds: ['tenant-a'], orgIds: ['tenant-a'] }), partnerFile), false);
  });

  it('lets people upload only where they may write', () => {
    assert.equal(canUploadFile({ orgId: 'opd-a', tenantId: 'tenant-a', scope: scope({ tenantIds: ['tenant-a'] }) }), true);
    assert.equal(canUploadFile({ orgId: 'gwpp', tenantId: 'tenant-a', scope: scope({ oversightProvinceCodes: ['63'] }) }), false);
    assert.equal(canUploadFile({ orgId: 'partner-1', tenantId: null, scope: scope({ orgIds: ['partner-1'] }) }), true);
  });
});
