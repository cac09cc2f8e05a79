import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createWorker } from '../../platform/jobs/index.js';
import { createLocalFileStore, filesDirOf } from '../../platform/files/local-file-store.js';
import { extractDocxText, renderDocx } from '../../platform/render/docx.js';
import { extractPdfText } from '../../platform/render/pdf.js';
import { describeEachDatabase, type TestContext, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { postFile, readFileFixture } from '../../test/uploads.js';
import { cooperationEvent } from './cooperations.tables.js';
import { documentJobs } from './documents.jobs.js';
import { bodyText } from './documents.models.js';
import type { DocumentDto, TemplateDto } from './documents.schemas.js';

type Section = { clause: string | null; heading: string; text: string };
type Doc = DocumentDto;

const json = async <T>(res: Response, status: number): Promise<T> => {
  assert.equal(res.status, status, await res.clone().text());

  return (await res.json()) as T;
};

const drainJobs = (c: TestContext) =>
  createWorker({ db: c.db, clock: c.clock, logger: c.logger, jobs: documentJobs({ files: createLocalFileStore(filesDirOf(c.dataDir)) }), pollMs: 10, concurrency: 1, workerId: 'documents-test' }).drain();

describeEachDatabase('cooperation documents: drafts, versions, numbers, files and templates', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let coopId: string;
  let partnerCoopId: string;
  let partner: TestSession;

  before(async () => {
    const c = ctx();
    a = await buildPemdaWorld(c, '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(c, '63.07', 'Kabupaten Hulu Sungai Tengah');
    const input = ksddInput(a, b, { startDate: '2026-04-01', endDate: '2031-03-31' });
    coopId = (await json<{ id: string }>(await c.request('/api/cooperations', { json: input, session: a.sessions.secretariat }), 201)).id;
    const company = await buildOrg(c.db, { type: 'PIHAK_KETIGA', name: 'PT Banua Lestari Energi' });
    const partnerUser = await buildUser(c.db, { orgId: company.id, roles: [{ role: 'PARTNER_USER', orgId: company.id }] });
    partner = await signIn(c, partnerUser.email);
    const ksdpk = {
      ...ksddInput(a, b),
      kind: 'KSDPK',
      ksddCategory: null,
      title: 'Pengolahan sampah menjadi energi',
      parties: [
        { orgId: a.tenant.id, leadOpdId: a.opd.id, signatoryName: 'Bupati A', signatoryPosition: 'Bupati' },
        { orgId: company.id, signatoryName: 'Direktur Utama', signatoryPosition: 'Direktur' },
      ],
      funding: [],
    };
    partnerCoopId = (await json<{ id: string }>(await c.request('/api/cooperations', { json: ksdpk, session: a.sessions.secretariat }), 201)).id;
  });

  const list = async (session: TestSession, id = coopId) => (await json<{ items: Doc[] }>(await ctx().request(`/api/cooperations/${id}/documents`, { session }), 200)).items;
  const draft = async (session: TestSession, body: Record<string, unknown>, id = coopId) => ctx().request(`/api/cooperations/${id}/drafts`, { json: body, session });
  const download = (session: TestSession, docId: string, format: string, id = coopId) => ctx().request(`/api/cooperations/${id}/documents/${docId}/download?format=${format}`, { session });

  it('generates a KSB draft filled with the parties, term and funding, recorded on the timeline', async () => {
    const doc = await json<Doc>(await draft(a.sessions.secretariat, { type: 'KSB', place: 'Kandangan' }), 201);
    assert.equal(doc.version, 1);
    assert.equal(doc.status, 'DRAFT');
    assert.deepEqual(doc.checklist, { required: 8, present: 8, missing: [] }, 'the national KSB template covers the national checklist');
    const text = doc.body!.sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
    assert.match(text, /Bupati A, Bupati, dalam hal ini bertindak untuk dan atas nama Kabupaten Hulu Sungai Selatan, selanjutnya disebut PIHAK KESATU;/);
    assert.match(text, /Bupati B, Bupati, dalam hal ini bertindak untuk dan atas nama Kabupaten Hulu Sungai Tengah, selanjutnya disebut PIHAK KEDUA;/);
    assert.match(text, /5 \(lima\) tahun, terhitung sejak tanggal 1 April 2026 sampai dengan tanggal 31 Maret 2031/);
    assert.match(text, /APBD Tahun Anggaran 2026 \(.*Hulu Sungai Selatan\) sebesar Rp1\.500\.000\.000,00/);
    assert.match(text, /bertempat di Kandangan/);
    assert.doesNotMatch(text, /\{\{/, 'every placeholder of the national template is filled');
    assert.deepEqual(doc.body!.titleLines.slice(0, 2), ['KESEPAKATAN BERSAMA', 'ANTARA']);
    const events = await ctx().db.select().from(cooperationEvent).where(and(eq(cooperationEvent.cooperationId, coopId), eq(cooperationEvent.action, 'draft_generated')));
    assert.equal(events.length, 1);
    assert.equal(events[0]!.kind, 'DOCUMENT');
  });

  it('renders the draft as PDF and DOCX with the Indonesian text and a draft marking', async () => {
    const [ksb] = (await list(b.sessions.secretariat)).filter((d) => d.type === 'KSB');
    const pdf = await download(b.sessions.secretariat, ksb!.id, 'pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="KSB_.+_v1\.pdf"/);
    const pdfText = await extractPdfText(new Uint8Array(await pdf.arrayBuffer()));
    assert.match(pdfText, /KESEPAKATAN BERSAMA/);
    assert.match(pdfText, /Rp1\.500\.000\.000,00/);
    assert.match(pdfText, /RANCANGAN – versi 1/);
    const docx = await download(b.sessions.secretariat, ksb!.id, 'docx');
    assert.equal(docx.status, 200);
    const docxText = await extractDocxText(new Uint8Array(await docx.arrayBuffer()));
    assert.match(docxText, /JANGKA WAKTU/);
    const original = await download(b.sessions.secretariat, ksb!.id, 'original');
    assert.equal(original.status, 409);
    assert.equal(((await original.json()) as { code: string }).code, 'documents.format_unavailable');
  });

  it("keeps each party's own number: one party cannot set or overwrite another's", async () => {
    const [ksb] = (await list(a.sessions.secretariat)).filter((d) => d.type === 'KSB');
    const put = (session: TestSession, number: string) => ctx().request(`/api/cooperations/${coopId}/documents/${ksb!.id}/numbers`, { method: 'PUT', json: { number }, session });
    await json(await put(a.sessions.secretariat, '180/01/KSD/2026'), 200);
    const after = await json<Doc>(await put(b.sessions.secretariat, '415.4/07/HST/2026'), 200);
    assert.deepEqual(
      after.numbers.map((n) => [n.orgId, n.number]).sort(),
      [[a.tenant.id, '180/01/KSD/2026'], [b.tenant.id, '415.4/07/HST/2026']].sort(),
    );
    await json(await put(a.sessions.secretariat, '180/02/KSD/2026'), 200);
    const final = (await list(b.sessions.secretariat)).find((d) => d.id === ksb!.id)!;
    assert.equal(final.numbers.find((n) => n.orgId === b.tenant.id)?.number, '415.4/07/HST/2026');
    assert.equal(final.numbers.find((n) => n.orgId === a.tenant.id)?.number, '180/02/KSD/2026');
    const pdfText = await extractPdfText(new Uint8Array(await (await download(a.sessions.secretariat, ksb!.id, 'pdf')).arrayBuffer()));
    assert.match(pdfText, /Nomor PIHAK KEDUA: 415\.4\/07\/HST\/2026/);
  });

  it('saves an edited draft as the next version, shows the missing clause and marks the changes word by word', async () => {
    const [v1] = (await list(a.sessions.secretariat)).filter((d) => d.type === 'KSB');
    const sections = v1!.body!.sections.map((s) =>
      s.clause === 'PEMBIAYAAN' ? { ...s, text: '' } : s.clause === 'MAKSUD_TUJUAN' ? { ...s, text: s.text.replace('sebagai pedoman', 'sebagai acuan bersama') } : s,
    );
    const v2 = await json<Doc>(
      await ctx().request(`/api/cooperations/${coopId}/documents`, { json: { type: 'KSB', title: v1!.title, status: 'DRAFT', body: { ...v1!.body!, sections } }, session: b.sessions.tkksd }),
      201,
    );
    assert.equal(v2.version, 2);
    const checklist = await json<{ missing: string[]; complete: boolean; items: { clause: string; present: boolean }[] }>(
      await ctx().request(`/api/cooperations/${coopId}/documents/${v2.id}/checklist`, { session: a.sessions.opdStaff }),
      200,
    );
    assert.deepEqual(checklist.missing, ['PEMBIAYAAN']);
    assert.equal(checklist.complete, false);
    const diff = await json<{ granularity: string; segments: { op: string; text: string }[] }>(
      await ctx().request(`/api/cooperations/${coopId}/documents/compare?from=${v1!.id}&to=${v2.id}`, { session: a.sessions.secretariat }),
      200,
    );
    assert.equal(diff.granularity, 'word');
    assert.ok(diff.segments.some((s) => s.op === 'delete' && s.text.includes('pedoman')));
    assert.ok(diff.segments.some((s) => s.op === 'insert' && s.text.includes('acuan')));
    assert.ok(diff.segments.some((s) => s.op === 'delete' && s.text.includes('Rp1.500.000.000,00')));
    // The segments rebuild both versions exactly: the side-by-side view needs nothing else.
    assert.equal(diff.segments.filter((s) => s.op !== 'insert').map((s) => s.text).join(''), bodyText(v1!.body!));
    assert.equal(diff.segments.filter((s) => s.op !== 'delete').map((s) => s.text).join(''), bodyText({ ...v1!.body!, sections }));
  });

  it('attaches an uploaded DOCX with signing details, reads its text in the background and finds it by search', async () => {
    const c = ctx();
    const bytes = await renderDocx({
      titleLines: ['PERJANJIAN KERJA SAMA'],
      numbers: [],
      sections: [
        { heading: 'Pasal 1\nJANGKA WAKTU', text: 'Perjanjian ini berlaku selama 5 (lima) tahun.' },
        { heading: 'Pasal 2\nSANKSI', text: 'Pihak yang lalai dikenakan sanksi; pengolahan memakai bioreaktor anaerob.' },
      ],
      signatures: [],
      metadata: { title: 'PKS', author: 'Uji' },
    });
    const file = await json<{ id: string }>(await postFile(c, a.sessions.secretariat, { name: 'PKS ditandatangani.docx', bytes }), 201);
    const attached = await json<Doc>(
      await c.request(`/api/cooperations/${coopId}/documents`, {
        json: {
          type: 'PKS',
          title: 'PKS pengelolaan sampah (ditandatangani)',
          status: 'SIGNED',
          fileId: file.id,
          signingMethod: 'CEREMONIAL',
          signatureKind: 'WET',
          wetChecklist: { paraf: true, materai: true, stempel: false },
          signedAt: '2026-04-25',
          signedPlace: 'Kandangan',
          number: '180/05/KSD/2026',
        },
        session: a.sessions.secretariat,
      }),
      201,
    );
    assert.equal(attached.textStatus, 'PENDING');
    assert.deepEqual(attached.wetChecklist, { paraf: true, materai: true, stempel: false });
    assert.equal(attached.numbers[0]?.number, '180/05/KSD/2026');
    assert.equal(attached.file?.fileName, 'PKS ditandatangani.docx');
    assert.ok((await drainJobs(c)) >= 1);
    const read = (await list(b.sessions.secretariat)).find((d) => d.id === attached.id)!;
    assert.equal(read.textStatus, 'EXTRACTED');
    assert.ok(read.checklist && !read.checklist.missing.includes('JANGKA_WAKTU') && !read.checklist.missing.includes('SANKSI'));
    assert.ok(read.checklist.missing.includes('KEADAAN_KAHAR'));
    const found = await json<{ items: { id: string }[] }>(await c.request('/api/cooperations?q=bioreaktor', { session: b.sessions.secretariat }), 200);
    assert.deepEqual(found.items.map((i) => i.id), [coopId]);
    const original = await download(b.sessions.secretariat, attached.id, 'original');
    assert.equal(original.status, 200);
    assert.equal(original.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.deepEqual(new Uint8Array(await original.arrayBuffer()), bytes);
    assert.equal((await download(b.sessions.secretariat, attached.id, 'pdf')).status, 409);
  });

  it("refuses to attach a file another organisation uploaded", async () => {
    const c = ctx();
    const bFile = await json<{ id: string }>(await postFile(c, b.sessions.secretariat, { name: 'Surat B.pdf', bytes: readFileFixture('sample.pdf') }), 201);
    const res = await c.request(`/api/cooperations/${coopId}/documents`, { json: { type: 'LAINNYA', title: 'Titipan', fileId: bFile.id }, session: a.sessions.secretariat });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as { code: string }).code, 'documents.file_not_own');
  });

  it("keeps a pemda's internal document from the other parties", async () => {
    const c = ctx();
    const memo = await json<{ id: string }>(await postFile(c, a.sessions.secretariat, { name: 'Telaah internal.pdf', bytes: readFileFixture('sample.pdf') }), 201);
    const doc = await json<Doc>(
      await c.request(`/api/cooperations/${coopId}/documents`, { json: { type: 'LAINNYA', title: 'Telaah staf', fileId: memo.id, private: true }, session: a.sessions.secretariat }),
      201,
    );
    assert.equal(doc.private, true);
    assert.ok((await list(a.sessions.tkksd)).some((d) => d.id === doc.id));
    assert.ok(!(await list(b.sessions.secretariat)).some((d) => d.id === doc.id));
    assert.equal((await download(b.sessions.secretariat, doc.id, 'original')).status, 404);
    assert.equal((await c.request(`/api/cooperations/${coopId}/documents/${doc.id}/checklist`, { session: b.sessions.secretariat })).status, 404);
    const events = await c.db.select().from(cooperationEvent).where(and(eq(cooperationEvent.cooperationId, coopId), eq(cooperationEvent.action, 'document_attached')));
    assert.equal(events.find((e) => (e.data as { documentId?: string }).documentId === doc.id)?.privateTenantId, a.tenant.id);
  });

  it('lets a partner attach its own upload and record its own number, but not keep a private document', async () => {
    const c = ctx();
    const file = await json<{ id: string }>(await postFile(c, partner, { name: 'Surat minat.pdf', bytes: readFileFixture('sample.pdf') }), 201);
    const doc = await json<Doc>(await c.request(`/api/cooperations/${partnerCoopId}/documents`, { json: { type: 'SURAT_JAWABAN', title: 'Surat minat', fileId: file.id, number: '012/BLE/III/2026' }, session: partner }), 201);
    assert.equal(doc.numbers.length, 1);
    assert.equal(doc.numbers[0]!.orgName, 'PT Banua Lestari Energi');
    const privately = await c.request(`/api/cooperations/${partnerCoopId}/documents`, { json: { type: 'LAINNYA', title: 'Catatan', fileId: file.id, private: true }, session: partner });
    assert.equal(((await privately.json()) as { code: string }).code, 'documents.private_needs_pemda');
    assert.equal((await download(a.sessions.secretariat, doc.id, 'original', partnerCoopId)).status, 200, "the pemda party reads the partner's upload");
    assert.equal((await c.request(`/api/cooperations/${coopId}/documents`, { session: partner })).status, 404, 'a partner sees only its own cooperations');
    const letter = await json<Doc>(await draft(partner, { type: 'SURAT_PENAWARAN' }, partnerCoopId), 201);
    assert.deepEqual(letter.body!.titleLines, ['PT BANUA LESTARI ENERGI', 'SURAT PENAWARAN KERJA SAMA'], 'a letter comes from the party that drafts it');
  });

  it("uses the pemda's own template version over the national one, and only that pemda's administrators publish it", async () => {
    const c = ctx();
    const templates = await json<{ items: TemplateDto[] }>(await c.request('/api/document-templates', { session: a.sessions.secretariat }), 200);
    assert.equal(templates.items.filter((t) => t.scope === 'NATIONAL' && t.builtIn).length, 12);
    const national = templates.items.find((t) => t.type === 'NK')!;
    assert.equal(national.editable, false);
    const sections = [...national.sections, { clause: null, heading: 'LAMPIRAN', text: 'Lampiran khusus HSS untuk {{judul}}.' }];
    const published = await json<TemplateDto>(
      await c.request('/api/document-templates', { json: { scope: 'TENANT', type: 'NK', name: 'Nota Kesepakatan HSS', sections }, session: a.sessions.secretariat }),
      201,
    );
    assert.equal(published.version, 1);
    assert.equal(published.tenantId, a.tenant.id);
    const second = await json<TemplateDto>(
      await c.request('/api/document-templates', { json: { scope: 'TENANT', type: 'NK', name: 'Nota Kesepakatan HSS', sections }, session: a.sessions.secretariat }),
      201,
    );
    assert.equal(second.version, 2);
    const nk = await json<Doc>(await draft(a.sessions.tkksd, { type: 'NK' }), 201);
    assert.deepEqual(nk.body!.template, { id: second.id, version: 2 });
    assert.match(nk.body!.sections.at(-1)!.text, /Lampiran khusus HSS untuk Pengelolaan sampah regional bersama\./);
    const bNk = await json<Doc>(await draft(b.sessions.secretariat, { type: 'NK', templateId: national.id }), 201);
    assert.deepEqual(bNk.body!.template, { id: national.id, version: 1 });
    const foreign = await draft(b.sessions.secretariat, { type: 'NK', templateId: second.id });
    assert.equal(foreign.status, 404, "another pemda's template is not offered");
    const bList = await json<{ items: TemplateDto[] }>(await c.request('/api/document-templates?type=NK', { session: b.sessions.secretariat }), 200);
    assert.deepEqual(bList.items.map((t) => t.scope), ['NATIONAL']);
    const staff = await c.request('/api/document-templates', { json: { scope: 'TENANT', type: 'NK', name: 'X', sections }, session: a.sessions.opdStaff });
    assert.equal(staff.status, 403);
    const nationalBySecretariat = await c.request('/api/document-templates', { json: { scope: 'NATIONAL', type: 'NK', name: 'X', sections }, session: a.sessions.secretariat });
    assert.equal(nationalBySecretariat.status, 403);
  });
});
