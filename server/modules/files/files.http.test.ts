import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listAudit, verifyAuditChain } from '../audit/index.js';
import { createTestContext, describeEachDatabase, type TestContext, type TestSession } from '../../test/context.js';
import { DB_KINDS } from '../../test/database.js';
import { buildOrg, buildTwoTenants, buildUser, signIn } from '../../test/factories.js';
import { postFile, readFileFixture } from '../../test/uploads.js';

type FileBody = { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; tenantId: string | null; orgId: string; uploadedBy: string };
type Problem = { code: string; detail: string; errors?: { path: string; code: string }[] };

const SAMPLES = [
  { fixture: 'sample.pdf', name: 'Perjanjian Kerja Sama.pdf', mediaType: 'application/pdf' },
  { fixture: 'sample.docx', name: 'Rancangan naskah.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { fixture: 'sample.xlsx', name: 'Rencana anggaran.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { fixture: 'sample.jpg', name: 'Foto penandatanganan.jpeg', mediaType: 'image/jpeg' },
  { fixture: 'sample.png', name: 'Peta lokasi.png', mediaType: 'image/png' },
] as const;

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

describeEachDatabase('file uploads and downloads', (ctx) => {
  let tenants: Awaited<ReturnType<typeof buildTwoTenants>>;
  let staffA: TestSession;
  let staffB: TestSession;

  before(async () => {
    tenants = await buildTwoTenants(ctx().db);
    staffA = await signIn(ctx(), tenants.userA.email);
    staffB = await signIn(ctx(), tenants.userB.email);
  });

  const upload = async (session: TestSession, fixture: (typeof SAMPLES)[number]['fixture'], name: string) => {
    const res = await postFile(ctx(), session, { name, bytes: readFileFixture(fixture) });
    assert.equal(res.status, 201, await res.clone().text());

    return (await res.json()) as FileBody;
  };

  it('stores each accepted document type and gives it back byte for byte as an attachment', async () => {
    for (const sample of SAMPLES) {
      const bytes = readFileFixture(sample.fixture);
      const created = await upload(staffA, sample.fixture, sample.name);
      assert.equal(created.mediaType, sample.mediaType);
      assert.equal(created.sizeBytes, bytes.length);
      assert.equal(created.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(created.fileName, sample.name);
      assert.equal(created.tenantId, tenants.tenantA.id);
      assert.equal(created.orgId, tenants.tenantA.id);
      assert.equal(created.uploadedBy, tenants.userA.id);

      const meta = await ctx().request(`/api/files/${created.id}`, { session: staffA });
      assert.deepEqual(await meta.json(), created);
      const download = await ctx().request(`/api/files/${created.id}/content`, { session: staffA });
      assert.equal(download.status, 200);
      assert.ok(Buffer.from(await download.arrayBuffer()).equals(bytes), `${sample.fixture} changed in the round trip`);
      assert.equal(download.headers.get('content-type'), sample.mediaType);
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      assert.match(download.headers.get('cache-control') ?? '', /\bprivate\b/);
      assert.equal(download.headers.get('content-disposition'), `attachment; filename="${sample.name}"; filename*=UTF-8''${encodeURIComponent(sample.name)}`);
    }
  });

  it('records every upload in the audit trail of the uploader’s tenant', async () => {
    const created = await upload(staffA, 'sample.pdf', 'Surat edaran.pdf');
    const { entries } = await listAudit({ db: ctx().db, filter: { entityType: 'stored_file', entityId: created.id }, limit: 5 });
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.action, 'file.upload');
    assert.equal(entries[0]?.tenantId, tenants.tenantA.id);
    assert.equal(entries[0]?.actorUserId, tenants.userA.id);
    assert.equal((await verifyAuditChain({ db: ctx().db })).ok, true);
  });

  it('keeps one copy of identical content uploaded twice', async () => {
    const first = await upload(staffA, 'sample.png', 'peta-1.png');
    const second = await upload(staffA, 'sample.png', 'peta-2.png');
    assert.notEqual(first.id, second.id);
    assert.equal(first.sha256, second.sha256);
    const dir = path.join(ctx().dataDir, 'files', first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    assert.deepEqual(fs.readdirSync(dir), [first.sha256]);
  });

  it('refuses allowed content under the name of another type', async () => {
    const res = await postFile(ctx(), staffA, { name: 'perjanjian.pdf', bytes: readFileFixture('sample.png'), type: 'application/pdf' });
    assert.equal(res.status, 422);
    const body = (await res.json()) as Problem;
    assert.equal(body.code, 'files.type_mismatch');
    assert.match(body.detail, /\.pdf.*PNG/);
    const renamedSheet = await postFile(ctx(), staffA, { name: 'anggaran.docx', bytes: readFileFixture('sample.xlsx') });
    assert.equal(((await renamedSheet.json()) as Problem).code, 'files.type_mismatch');
  });

  it('refuses plain text, programs and executables disguised as PDF', async () => {
    for (const file of [
      { name: 'catatan.txt', bytes: Buffer.from('Catatan rapat koordinasi TKKSD') },
      { name: 'laporan.pdf', bytes: ELF },
      { name: 'laporan.pdf', bytes: EXE },
      { name: 'kosong.pdf', bytes: Buffer.alloc(0) },
    ]) {
      const res = await postFile(ctx(), staffA, { ...file, type: 'application/pdf' });
      assert.equal(res.status, 415, file.name);
      assert.equal(((await res.json()) as Problem).code, 'files.type_not_allowed');
    }
  });

  it('stores a cleaned file name: no directories, control characters or reserved characters', async () => {
    const traversal = await upload(staffA, 'sample.pdf', '../../../etc/passwd.pdf');
    assert.equal(traversal.fileName, 'passwd.pdf');
    const windows = await upload(staffA, 'sample.pdf', '..\\..\\Windows\\Lap<o>ran:\u0000Q1?\u202E.pdf');
    assert.equal(windows.fileName, 'Lap o ran Q1 .pdf');
    const unicode = await upload(staffA, 'sample.pdf', 'Kesepakatan Bersama — Kota Banjarmasin & 東京都.pdf');
    assert.equal(unicode.fileName, 'Kesepakatan Bersama — Kota Banjarmasin & 東京都.pdf');
    const download = await ctx().request(`/api/files/${unicode.id}/content`, { session: staffA });
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="Kesepakatan Bersama _ Kota Banjarmasin & ___\.pdf"; filename\*=UTF-8''Kesepakatan%20Bersama%20%E2%80%94/);
  });

  it('refuses a form with other fields, without a file, or with two files', async () => {
    const extra = await postFile(ctx(), staffA, { name: 'a.pdf', bytes: readFileFixture('sample.pdf') }, { title: 'x' });
    assert.equal(extra.status, 400);
    assert.deepEqual(((await extra.json()) as Problem).errors?.map((e) => [e.path, e.code]), [['title', 'unknown_field']]);

    const form = new FormData();
    form.append('file', 'not a file');
    const missing = await ctx().request('/api/files', { method: 'POST', body: form, session: staffA });
    assert.deepEqual(((await missing.json()) as Problem).errors?.map((e) => [e.path, e.code]), [['file', 'file_required']]);

    const two = new FormData();
    two.append('file', new File([readFileFixture('sample.pdf')], 'a.pdf'));
    two.append('file', new File([readFileFixture('sample.pdf')], 'b.pdf'));
    assert.equal((await ctx().request('/api/files', { method: 'POST', body: two, session: staffA })).status, 400);

    const json = await ctx().request('/api/files', { json: { file: 'a.pdf' }, session: staffA });
    assert.equal(json.status, 415);
  });

  it('hides a tenant’s files from other tenants, and shows them read-only to the province and Kemendagri', async () => {
    const created = await upload(staffA, 'sample.pdf', 'Nota kesepakatan.pdf');
    for (const url of [`/api/files/${created.id}`, `/api/files/${created.id}/content`]) {
      const res = await ctx().request(url, { session: staffB });
      assert.equal(res.status, 404, url);
      assert.equal(((await res.json()) as Problem).code, 'files.not_found');
    }
    const unknown = await ctx().request('/api/files/00000000-0000-4000-8000-000000000000', { session: staffA });
    assert.equal(((await unknown.json()) as Problem).code, 'files.not_found');

    const gwpp63 = await buildOrg(ctx().db, { type: 'GWPP', name: 'Gubernur Kalimantan Selatan', regionCode: '63' });
    const gwpp95 = await buildOrg(ctx().db, { type: 'GWPP', name: 'Gubernur Papua Pegunungan', regionCode: '95' });
    const kemendagri = await buildOrg(ctx().db, { type: 'KEMENDAGRI_UNIT', name: 'Biro Pemerintahan dan Otonomi Daerah' });
    const reviewer63 = await buildUser(ctx().db, { orgId: gwpp63.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwpp63.id }] });
    const reviewer95 = await buildUser(ctx().db, { orgId: gwpp95.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwpp95.id }] });
    const viewer = await buildUser(ctx().db, { orgId: kemendagri.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: kemendagri.id }] });
    const url = `/api/files/${created.id}/content`;
    assert.equal((await ctx().request(url, { session: await signIn(ctx(), reviewer63.email) })).status, 200);
    assert.equal((await ctx().request(url, { session: await signIn(ctx(), reviewer95.email) })).status, 404);
    const viewerSession = await signIn(ctx(), viewer.email);
    assert.equal((await ctx().request(url, { session: viewerSession })).status, 200);
    const viewerUpload = await postFile(ctx(), viewerSession, { name: 'x.pdf', bytes: readFileFixture('sample.pdf') });
    assert.equal(viewerUpload.status, 403);
  });

  it('keeps a partner organisation’s uploads to that organisation', async () => {
    const partner = await buildOrg(ctx().db, { type: 'PIHAK_KETIGA', name: 'PT Air Bersih Nusantara' });
    const partnerUser = await buildUser(ctx().db, { orgId: partner.id, roles: [{ role: 'PARTNER_USER', orgId: partner.id }] });
    const partnerSession = await signIn(ctx(), partnerUser.email);
    const created = await upload(partnerSession, 'sample.docx', 'Proposal kerja sama.docx');
    assert.equal(created.tenantId, null);
    assert.equal(created.orgId, partner.id);
    assert.equal((await ctx().request(`/api/files/${created.id}`, { session: partnerSession })).status, 200);
    assert.equal((await ctx().request(`/api/files/${created.id}`, { session: staffA })).status, 404);
  });
});

for (const kind of DB_KINDS) {
  describe(`upload size limit [${kind}]`, () => {
    let ctx: TestContext;
    let session: TestSession;

    before(async () => {
      ctx = await createTestContext(kind, { MAX_UPLOAD_BYTES: '2048' });
      const { userA } = await buildTwoTenants(ctx.db);
      session = await signIn(ctx, userA.email);
    });
    after(async () => {
      await ctx.close();
    });

    const oversizedPdf = (bytes: number) => Buffer.concat([readFileFixture('sample.pdf'), Buffer.alloc(bytes)]);

    it('refuses a file over the limit with 413 naming the limit in MB, and stores nothing', async () => {
      for (const extra of [2048, 200_000]) {
        const res = await postFile(ctx, session, { name: 'besar.pdf', bytes: oversizedPdf(extra) });
        assert.equal(res.status, 413);
        const body = (await res.json()) as Problem;
        assert.equal(body.code, 'request.too_large');
        assert.match(body.detail, /0\.00195 MB/);
      }
      assert.equal(fs.existsSync(path.join(ctx.dataDir, 'files')), false);
    });

    it('stops reading a streamed upload without a declared length once it passes the limit', async () => {
      let sent = 0;
      const chunk = new Uint8Array(16 * 1024);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.length;
          if (sent > 10 * 1024 * 1024) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const res = await ctx.app.request('/api/files', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: session.cookie, 'x-csrf-token': session.csrf },
      } as RequestInit);
      assert.equal(res.status, 413);
      assert.ok(sent < 1024 * 1024, `read ${sent} bytes before refusing`);
    });

    it('accepts a file within the limit', async () => {
      const res = await postFile(ctx, session, { name: 'kecil.pdf', bytes: readFileFixture('sample.pdf') });
      assert.equal(res.status, 201);
    });
  });
}
