import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../server/platform/db/database.js';
import { projectRoot } from '../server/platform/paths.js';
import { refreshSearchAll } from '../server/modules/cooperations/cooperations.repository.js';
import { regionKeysOf } from '../server/modules/cooperations/cooperations.usecases.js';
import type { BenchData, BenchPemda } from './generate.js';
import { FAMILY_NAMES, FOREIGN_CITIES, FOREIGN_COUNTRIES, GIVEN_NAMES, MINISTRIES, PARTNER_PREFIXES, PARTNER_WORDS, SENTENCES, TOPICS, type Topic } from './words.js';

/**
 * A national cooperation register on top of the 552 pemda tenants: cooperations of every kind in
 * every state of the procedure, their parties, funding lines, documents with extracted text,
 * approvals, disputes and timeline events. Rows go in with multi-row INSERTs; every column the use
 * cases denormalise (party ids, province codes, region keys, OPDs) is computed the same way here,
 * and party names, document text and the search vector come from the repository's own bulk
 * refresh, so the register reads exactly as one built request by request would.
 */

export type RegisterData = { cooperations: number; documents: number; parties: number; events: number; partners: number; seconds: { insert: number; search: number; total: number } };

/** A seeded generator so two runs build the same register. */
const mulberry32 = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;

  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DAY = 86_400_000;

const dayOf = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`.replace('-02-29', '-02-28');
/** An instant during office hours (WIB) on a day. */
const at = (day: string, minute: number) => new Date(Date.parse(`${day}T01:00:00Z`) + (minute % 480) * 60_000);

/** PostgreSQL array literal of text values (NULL for null). */
const pgArray = (values: readonly (string | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

/** A value as the text PostgreSQL casts to the column's type. */
const param = (v: unknown, cast: string): string | null => {
  if (v === null || v === undefined) return null;
  if (cast === 'jsonb') return JSON.stringify(v);
  if (Array.isArray(v)) return pgArray(v as string[]);
  if (v instanceof Date) return v.toISOString();

  return String(v);
};

type Column = readonly [name: string, cast: string];

/**
 * Bulk INSERT … SELECT FROM unnest(): one text-array parameter per column, each value cast to its
 * column type in SQL. A few dozen parameters per statement instead of tens of thousands keeps
 * PGlite and node-postgres equally fast and reading the values alike.
 */
const insertTyped = async (db: Db, table: string, columns: readonly Column[], rows: readonly unknown[][]) => {
  const per = 2000;
  const names = sql.raw(columns.map((c) => `"${c[0]}"`).join(', '));
  const casts = sql.raw(columns.map((c, j) => `u.c${j}::${c[1]}`).join(', '));
  const aliases = sql.raw(columns.map((_, j) => `c${j}`).join(', '));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const arrays = columns.map((c, j) => sql`${pgArray(chunk.map((r) => param(r[j], c[1])))}::text[]`);
    await db.execute(sql`INSERT INTO ${sql.identifier(table)} (${names}) SELECT ${casts} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${aliases})`);
  }
};

const COOPERATION_COLUMNS: Column[] = [
  ['id', 'uuid'], ['code', 'text'], ['tenant_id', 'uuid'], ['kind', 'text'], ['ksdd_category', 'text'], ['regime', 'text'], ['initiator', 'text'],
  ['title', 'text'], ['objek', 'text'], ['ruang_lingkup', 'jsonb'], ['object_category', 'text'], ['urusan_codes', 'text[]'], ['issue_ids', 'uuid[]'],
  ['location_codes', 'text[]'], ['burdens_community', 'boolean'], ['dprd_required', 'boolean'], ['central_approval_required', 'boolean'],
  ['plan_reference', 'text'], ['state', 'text'], ['state_changed_at', 'timestamptz'], ['state_due_at', 'timestamptz'], ['start_date', 'date'],
  ['end_date', 'date'], ['signed_at', 'date'], ['pending_amendment', 'jsonb'], ['party_tenant_ids', 'uuid[]'], ['party_org_ids', 'uuid[]'],
  ['party_province_codes', 'text[]'], ['region_keys', 'text[]'], ['opd_ids', 'uuid[]'], ['row_version', 'integer'], ['created_by', 'uuid'],
  ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
];
const PARTY_COLUMNS: Column[] = [
  ['cooperation_id', 'uuid'], ['org_id', 'uuid'], ['ordinal', 'integer'], ['tenant_id', 'uuid'], ['is_initiator', 'boolean'], ['lead_opd_id', 'uuid'],
  ['other_opd_ids', 'uuid[]'], ['register_number', 'text'], ['signatory_name', 'text'], ['signatory_position', 'text'],
];
const FUNDING_COLUMNS: Column[] = [['cooperation_id', 'uuid'], ['ordinal', 'integer'], ['source', 'text'], ['party_org_id', 'uuid'], ['year', 'integer'], ['amount', 'numeric'], ['budgeted', 'boolean']];
const DOCUMENT_COLUMNS: Column[] = [
  ['id', 'uuid'], ['cooperation_id', 'uuid'], ['type', 'text'], ['title', 'text'], ['version', 'integer'], ['status', 'text'], ['private_tenant_id', 'uuid'],
  ['signing_method', 'text'], ['signature_kind', 'text'], ['signed_at', 'date'], ['signed_place', 'text'], ['extracted_text', 'text'], ['extracted_at', 'timestamptz'],
  ['created_by', 'uuid'], ['created_by_org_id', 'uuid'], ['created_at', 'timestamptz'],
];
const EVENT_COLUMNS: Column[] = [
  ['cooperation_id', 'uuid'], ['at', 'timestamptz'], ['kind', 'text'], ['action', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['data', 'jsonb'],
  ['actor_user_id', 'uuid'], ['actor_name', 'text'], ['actor_org_id', 'uuid'],
];
const APPROVAL_COLUMNS: Column[] = [
  ['cooperation_id', 'uuid'], ['authority', 'text'], ['tenant_id', 'uuid'], ['purpose', 'text'], ['submitted_at', 'timestamptz'], ['due_at', 'timestamptz'],
  ['decision', 'text'], ['decided_at', 'date'],
];
const DISPUTE_COLUMNS: Column[] = [['cooperation_id', 'uuid'], ['raised_by_org_id', 'uuid'], ['description', 'text'], ['stage', 'text'], ['opened_at', 'timestamptz']];

type Kind = 'KSDD' | 'KSDPK' | 'KSDPL' | 'KSDLL' | 'SINERGI';
const FOREIGN: Kind[] = ['KSDPL', 'KSDLL'];
const SIGNED_STATES = ['BERLAKU', 'DIADENDUM', 'SENGKETA', 'BERAKHIR', 'DIAKHIRI'];
const IN_FORCE = ['BERLAKU', 'DIADENDUM', 'SENGKETA'];
/** The states of each kind's own path between the offer and the signature (cooperations.machine.ts). */
const PATH_STATES: Record<Kind, string[]> = {
  KSDD: ['PENYUSUNAN_KSB', 'PENANDATANGANAN_KSB', 'KSB_BERLAKU', 'MENUNGGU_PERSETUJUAN_DPRD', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'],
  KSDPK: ['PENYUSUNAN_KSB', 'PENANDATANGANAN_KSB', 'KSB_BERLAKU', 'MENUNGGU_PERSETUJUAN_DPRD', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'],
  KSDPL: ['LOI', 'RENCANA_KERJA_SAMA', 'MENUNGGU_PERSETUJUAN_DPRD', 'MENUNGGU_PERSETUJUAN_PUSAT', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'],
  KSDLL: ['LOI', 'RENCANA_KERJA_SAMA', 'MENUNGGU_PERSETUJUAN_DPRD', 'MENUNGGU_PERSETUJUAN_PUSAT', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'],
  SINERGI: ['PENYUSUNAN_NK', 'PENANDATANGANAN_NK'],
};
const COMMON_STATES: [string, number][] = [
  ['BERLAKU', 36], ['BERAKHIR', 24], ['DIAKHIRI', 3], ['BATAL', 3], ['DITOLAK', 2], ['DIADENDUM', 2], ['SENGKETA', 1],
  ['USULAN', 4], ['KAJIAN_TKKSD', 3], ['PENAWARAN', 2], ['MENUNGGU_TANGGAPAN', 2],
];
const MAIN_DOCUMENT: Record<Kind, string> = { KSDD: 'PKS', KSDPK: 'PKS', KSDPL: 'MOU', KSDLL: 'MOU', SINERGI: 'NK' };
const DOCUMENT_TITLES: Record<string, string> = {
  KAK: 'Kerangka Acuan Kerja',
  SURAT_PENAWARAN: 'Surat Penawaran Kerja Sama',
  KSB: 'Kesepakatan Bersama',
  PKS: 'Perjanjian Kerja Sama',
  MOU: 'Memorandum Saling Pengertian',
  NK: 'Nota Kesepakatan',
  LOI: 'Pernyataan Kehendak',
  BERITA_ACARA: 'Berita Acara Pembahasan',
  SURAT_PERMOHONAN_DPRD: 'Surat Permohonan Persetujuan DPRD',
  ADENDUM: 'Adendum Perjanjian',
  SURAT_PENGAKHIRAN: 'Surat Pemberitahuan Pengakhiran Kerja Sama',
  LAINNYA: 'Telaahan Staf (internal)',
};

/** The action that enters each state, for the timeline's latest transition. */
const ENTRY_ACTION: Record<string, string> = {
  USULAN: 'return_for_revision', KAJIAN_TKKSD: 'submit', PENAWARAN: 'recommend', MENUNGGU_TANGGAPAN: 'send_offer', PENYUSUNAN_KSB: 'accept', LOI: 'accept',
  PENYUSUNAN_NK: 'accept', PENANDATANGANAN_KSB: 'finalize_ksb', KSB_BERLAKU: 'sign_ksb', RENCANA_KERJA_SAMA: 'sign_loi', MENUNGGU_PERSETUJUAN_DPRD: 'request_dprd',
  MENUNGGU_PERSETUJUAN_PUSAT: 'request_central', PENYUSUNAN_PKS: 'start_pks', PENANDATANGANAN_PKS: 'finalize_pks', PENANDATANGANAN_NK: 'finalize_nk', BERLAKU: 'sign',
  DIADENDUM: 'amend', SENGKETA: 'raise_dispute', DITOLAK: 'reject', BATAL: 'cancel', DIAKHIRI: 'terminate', BERAKHIR: 'expire',
};

type Org = { id: string; name: string };

export const generateCooperations = async (db: Db, data: BenchData, count: number): Promise<RegisterData> => {
  const started = performance.now();
  const rand = mulberry32(20260601);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const weighted = (pairs: readonly [string, number][]) => {
    let r = rand() * pairs.reduce((s, p) => s + p[1], 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;

    return pairs[0]![0];
  };
  const person = () => `${pick(GIVEN_NAMES)} ${pick(FAMILY_NAMES)}`;

  const urusanFile = JSON.parse(fs.readFileSync(path.join(projectRoot, 'server/modules/reference/data/urusan.json'), 'utf8')) as { items: { code: string }[] };
  const urusanCodes = urusanFile.items.map((u) => u.code);
  for (const t of TOPICS) for (const c of t.urusan) if (!urusanCodes.includes(c)) throw new Error(`bench topic ${t.subject} names unknown urusan ${c}`);
  const issueIds = ((await db.execute(sql`SELECT id FROM strategic_issue ORDER BY code`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);

  // Counterparties: companies and foundations, foreign cities and institutions, ministries.
  const now = new Date();
  const today = dayOf(now);
  const orgRows: unknown[][] = [];
  const makeOrgs = (n: number, type: string, name: (i: number) => string, country: () => string | null): Org[] =>
    Array.from({ length: n }, (_, i) => {
      const org = { id: randomUUID(), name: name(i) };
      orgRows.push([org.id, type, org.name, country(), now, now]);

      return org;
    });
  const companies = makeOrgs(2000, 'PIHAK_KETIGA', (i) => `${pick(PARTNER_PREFIXES)} ${pick(PARTNER_WORDS)} ${pick(PARTNER_WORDS)} ${i + 1} (fiktif)`, () => null);
  const foreignCities = makeOrgs(120, 'FOREIGN_LOCAL_GOV', (i) => `${FOREIGN_CITIES[i % FOREIGN_CITIES.length]} ${Math.floor(i / FOREIGN_CITIES.length) + 1} City Council (fiktif)`, () => pick(FOREIGN_COUNTRIES));
  const institutions = makeOrgs(80, 'FOREIGN_INSTITUTION', (i) => `${pick(FOREIGN_CITIES)} Development Foundation ${i + 1} (fiktif)`, () => pick(FOREIGN_COUNTRIES));
  const ministries = makeOrgs(MINISTRIES.length, 'KL_PUSAT', (i) => MINISTRIES[i]!, () => null);
  await insertTyped(db, 'organization', [['id', 'uuid'], ['type', 'text'], ['name', 'text'], ['country_code', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], orgRows);

  const byProvince = new Map<string, BenchPemda[]>();
  for (const p of data.pemda) byProvince.set(p.code.slice(0, 2), [...(byProvince.get(p.code.slice(0, 2)) ?? []), p]);
  const neighbours = (p: BenchPemda, n: number) => {
    const group = byProvince.get(p.code.slice(0, 2))!.filter((x) => x.id !== p.id);
    const at0 = Math.max(0, group.findIndex((x) => x.code > p.code) - 1);
    const out = new Set<BenchPemda>();
    while (out.size < Math.min(n, group.length)) out.add(group[Math.min(group.length - 1, Math.max(0, at0 + int(-3, 3)))]!);

    return [...out];
  };
  const headOf = (p: BenchPemda) => (p.level === 'PROVINSI' ? 'Gubernur' : p.level === 'KOTA' ? 'Wali Kota' : 'Bupati');

  const codeCounters = new Map<number, number>();
  const registerCounters = new Map<string, number>();
  const next = <K>(m: Map<K, number>, k: K) => {
    const v = (m.get(k) ?? 0) + 1;
    m.set(k, v);

    return v;
  };

  const totals = { cooperations: 0, documents: 0, parties: 0, events: 0 };
  const CHUNK = 500;
  for (let base = 0; base < count; base += CHUNK) {
    const rows = { coop: [] as unknown[][], party: [] as unknown[][], funding: [] as unknown[][], doc: [] as unknown[][], event: [] as unknown[][], approval: [] as unknown[][], dispute: [] as unknown[][] };
    for (let n = base; n < Math.min(count, base + CHUNK); n++) {
      const owner = data.pemda[n % data.pemda.length]!;
      const kind = weighted([['KSDD', 45], ['KSDPK', 38], ['KSDPL', 4], ['KSDLL', 4], ['SINERGI', 9]]) as Kind;
      const topic: Topic = pick(TOPICS);
      const regime = kind === 'KSDPK' && rand() < 0.06 ? pick(['KPBU', 'BMD_UTILISATION', 'PBJ']) : kind === 'KSDLL' && rand() < 0.2 ? 'HIBAH' : 'KSD_GENERIC';
      const initiator = kind === 'KSDPK' && regime === 'KSD_GENERIC' && rand() < 0.2 ? 'MITRA' : 'DAERAH';
      const state = regime !== 'KSD_GENERIC' ? (rand() < 0.6 ? 'BERLAKU' : 'BERAKHIR') : weighted([...COMMON_STATES, ...PATH_STATES[kind].map((s) => [s, 18 / PATH_STATES[kind].length] as [string, number])]);

      // Parties: the registering pemda first, then its counterparties.
      const pemdaParties: BenchPemda[] = [owner];
      const others: Org[] = [];
      if (kind === 'KSDD') pemdaParties.push(...neighbours(owner, weighted([['1', 70], ['2', 20], ['3', 10]]) === '1' ? 1 : rand() < 0.66 ? 2 : 3));
      if (kind === 'KSDPK') others.push(pick(companies));
      if (kind === 'KSDPL') others.push(pick(foreignCities));
      if (kind === 'KSDLL') others.push(pick(institutions));
      if (kind === 'SINERGI') others.push(pick(ministries));
      if ((kind === 'KSDPK' && rand() < 0.1) || (kind === 'SINERGI' && rand() < 0.15)) pemdaParties.push(...neighbours(owner, 1));

      // Term and timeline, relative to today so "expiring soon" exists whenever the bench runs.
      const maxYears = topic.category === 'PELAYANAN_PUBLIK' || topic.category === 'LAINNYA' ? 5 : 25;
      const years = Math.min(maxYears, pick([1, 2, 3, 5, 5, 10, 20]));
      let start: string | null = null;
      let end: string | null = null;
      let signed: string | null = null;
      let created: string;
      let changed: string;
      if (SIGNED_STATES.includes(state)) {
        end =
          state === 'BERAKHIR' ? addDays(today, -int(1, 1800)) : IN_FORCE.includes(state) && rand() < 0.1 ? addDays(today, int(1, 90)) : addDays(today, int(30, 1800));
        start = addDays(addYears(end, -years), 1);
        if (start > today) start = addDays(today, -int(10, 300));
        signed = addDays(start, -int(0, 20));
        created = addDays(signed, -int(60, 400));
        changed =
          state === 'BERAKHIR' ? addDays(end, 1) : state === 'BERLAKU' ? signed : state === 'DIAKHIRI' ? addDays(signed, int(0, Math.max(0, (Date.parse(today) - Date.parse(signed)) / DAY))) : addDays(today, -int(5, 200));
        if (changed < signed) changed = signed;
      } else {
        created = addDays(today, -int(5, 900));
        changed = addDays(created, int(0, Math.max(0, (Date.parse(today) - Date.parse(created)) / DAY)));
        if (['PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS', 'PENANDATANGANAN_NK', 'MENUNGGU_PERSETUJUAN_DPRD'].includes(state)) {
          start = addDays(today, int(30, 200));
          end = addDays(addYears(start, years), -1);
        }
      }
      if (changed > today) changed = today;
      const createdYear = Number(created.slice(0, 4));

      const funding: { source: string; partyOrgId: string | null; year: number; amount: string; budgeted: boolean }[] = [];
      const fundYear = Number((start ?? created).slice(0, 4));
      for (const p of pemdaParties) if (rand() < 0.75) funding.push({ source: 'APBD', partyOrgId: p.id, year: fundYear, amount: `${int(50, 25_000) * 1_000_000}.00`, budgeted: rand() < 0.85 });
      if (kind === 'KSDPK') funding.push({ source: 'MITRA', partyOrgId: others[0]!.id, year: fundYear, amount: `${int(500, 90_000) * 1_000_000}.00`, budgeted: true });
      if (kind === 'SINERGI') funding.push({ source: 'APBN', partyOrgId: others[0]!.id, year: fundYear, amount: `${int(1_000, 60_000) * 1_000_000}.00`, budgeted: true });
      if (kind === 'KSDLL' || (kind === 'KSDPL' && rand() < 0.5)) funding.push({ source: 'HIBAH', partyOrgId: others[0]!.id, year: fundYear, amount: `${int(100, 5_000) * 1_000_000}.00`, budgeted: false });
      const burdens = rand() < 0.15;
      const generic = regime === 'KSD_GENERIC';
      // deriveDprdRequired with the national pack, as of the year it was registered.
      const dprdRequired =
        generic && (FOREIGN.includes(kind) || (kind !== 'SINERGI' && (burdens || funding.some((f) => !f.budgeted && f.year >= createdYear))));
      const centralRequired = generic && FOREIGN.includes(kind);

      const id = randomUUID();
      const code = `KS-${createdYear}-${String(next(codeCounters, createdYear)).padStart(6, '0')}`;
      const partyOrgIds = [...pemdaParties.map((p) => p.id), ...others.map((o) => o.id)];
      const opd: Map<string, { lead: string; others: string[] }> = new Map(
        pemdaParties.map((p) => [p.id, { lead: pick(p.opdIds), others: rand() < 0.4 ? [pick(p.opdIds)] : [] }]),
      );
      for (const v of opd.values()) v.others = v.others.filter((o) => o !== v.lead);
      const locationCodes = kind === 'KSDD' ? pemdaParties.map((p) => p.code) : [owner.code];
      const placeNames = pemdaParties.map((p) => p.name).join(', ');
      const scope = topic.scope.filter(() => rand() < 0.8);
      const title = `Kerja Sama ${topic.subject}${kind === 'KSDD' ? ` ${pemdaParties.map((p) => p.name).join(' – ')}` : ` di ${owner.name}`}`;
      const objek = `${pick(topic.objects)} di ${placeNames}`;
      const urusan = [...new Set([...topic.urusan.slice(0, int(1, topic.urusan.length)), ...(rand() < 0.1 ? [pick(urusanCodes)] : [])])];
      const dueAt = state === 'MENUNGGU_PERSETUJUAN_DPRD' && FOREIGN.includes(kind) ? at(addDays(changed, 63), 500) : null;

      rows.coop.push([
        id, code, owner.id, kind, kind === 'KSDD' ? (rand() < 0.3 ? 'WAJIB' : 'SUKARELA') : null, regime, initiator, title, objek, scope,
        topic.category, urusan, issueIds.filter(() => rand() < 0.12), locationCodes, burdens, dprdRequired, centralRequired,
        rand() < 0.5 ? `RPJMD ${owner.name} ${createdYear - 1}–${createdYear + 4}` : null, state, at(changed, n), dueAt, start, end, signed,
        state === 'DIADENDUM' ? { summary: 'Perubahan jadwal pelaksanaan dan rincian pembiayaan', needsDprd: false, dprdApproved: false, requestedAt: at(changed, n).toISOString() } : null,
        pemdaParties.map((p) => p.id), partyOrgIds,
        [...new Set(pemdaParties.filter((p) => p.code.length > 2).map((p) => p.code.slice(0, 2)))],
        regionKeysOf([...locationCodes, ...pemdaParties.map((p) => p.code)]),
        [...new Set([...opd.values()].flatMap((v) => [v.lead, ...v.others]))],
        1, owner.secretariatUserId, at(created, n), at(changed, n + 7),
      ]);
      pemdaParties.forEach((p, i) => {
        const o = opd.get(p.id)!;
        const registerNumber = `${next(registerCounters, `${p.id}:${createdYear}`)}/KSD/${p.code}/${createdYear}`;
        rows.party.push([id, p.id, i + 1, p.id, i === 0 && initiator === 'DAERAH', o.lead, o.others, registerNumber, person(), `${headOf(p)} ${p.name}`]);
      });
      others.forEach((o, i) =>
        rows.party.push([id, o.id, pemdaParties.length + i + 1, null, initiator === 'MITRA', null, [], null, person(), kind === 'SINERGI' ? 'Sekretaris Jenderal' : kind === 'KSDPK' ? 'Direktur Utama' : 'Mayor']),
      );
      funding.forEach((f, i) => rows.funding.push([id, i + 1, f.source, f.partyOrgId, f.year, f.amount, f.budgeted]));

      // Documents: the terms of reference, then what the procedure produced up to this state.
      const preOffer = ['USULAN', 'KAJIAN_TKKSD', 'PENAWARAN', 'DITOLAK'].includes(state);
      const docs: { type: string; status: string }[] = [{ type: 'KAK', status: preOffer ? 'DRAFT' : 'FINAL' }];
      if (SIGNED_STATES.includes(state)) {
        docs.push({ type: MAIN_DOCUMENT[kind], status: 'SIGNED' });
        docs.push(
          pick(
            [
              { type: 'BERITA_ACARA', status: 'FINAL' },
              ...(kind === 'KSDD' || kind === 'KSDPK' ? [{ type: 'KSB', status: 'SIGNED' }] : []),
              ...(FOREIGN.includes(kind) ? [{ type: 'LOI', status: 'SIGNED' }] : []),
              ...(dprdRequired ? [{ type: 'SURAT_PERMOHONAN_DPRD', status: 'FINAL' }] : []),
            ],
          ),
        );
        if (state === 'DIADENDUM') docs.push({ type: 'ADENDUM', status: 'DRAFT' });
        if (state === 'DIAKHIRI') docs.push({ type: 'SURAT_PENGAKHIRAN', status: 'FINAL' });
      } else if (!preOffer) {
        docs.push({ type: 'SURAT_PENAWARAN', status: 'FINAL' });
        if (state === 'MENUNGGU_PERSETUJUAN_DPRD') docs.push({ type: 'SURAT_PERMOHONAN_DPRD', status: 'FINAL' });
        else if (['PENYUSUNAN_KSB', 'PENANDATANGANAN_KSB', 'KSB_BERLAKU'].includes(state)) docs.push({ type: 'KSB', status: state === 'KSB_BERLAKU' ? 'SIGNED' : 'DRAFT' });
        else if (['PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS', 'PENYUSUNAN_NK', 'PENANDATANGANAN_NK'].includes(state)) docs.push({ type: MAIN_DOCUMENT[kind], status: state.startsWith('PENYUSUNAN') ? 'DRAFT' : 'FINAL' });
        else if (['LOI', 'RENCANA_KERJA_SAMA', 'MENUNGGU_PERSETUJUAN_PUSAT'].includes(state)) docs.push({ type: 'LOI', status: state === 'LOI' ? 'DRAFT' : 'SIGNED' });
      }
      const privateMemo = rand() < 0.05;
      if (privateMemo) docs.push({ type: 'LAINNYA', status: 'FINAL' });
      const partner = others[0]?.name ?? pemdaParties[1]?.name ?? owner.name;
      const filled = SENTENCES.map((s) =>
        s
          .replaceAll('{subject}', topic.subject.toLowerCase())
          .replaceAll('{object}', pick(topic.objects))
          .replaceAll('{scope}', pick(topic.scope))
          .replaceAll('{place}', owner.name)
          .replaceAll('{partner}', partner)
          .replaceAll('{year}', String(fundYear)),
      );
      docs.forEach((d, i) => {
        const words = int(150, 260);
        const parts: string[] = [`${DOCUMENT_TITLES[d.type]} ${title}.`];
        let w = 0;
        while (w < words) {
          const s = pick(filled);
          parts.push(s);
          w += s.split(' ').length;
        }
        const docDay = addDays(created, Math.min(i * 30, Math.max(0, (Date.parse(changed) - Date.parse(created)) / DAY)));
        const isSigned = d.status === 'SIGNED';
        rows.doc.push([
          randomUUID(), id, d.type, `${DOCUMENT_TITLES[d.type]} – ${title}`.slice(0, 300), 1, d.status, d.type === 'LAINNYA' ? owner.id : null,
          isSigned ? pick(['DESK_TO_DESK', 'CEREMONIAL', 'HYBRID']) : null, isSigned ? pick(['WET', 'TTE_BSRE']) : null, isSigned ? (signed ?? docDay) : null,
          isSigned ? owner.name : null, parts.join(' '), at(docDay, n + i), owner.secretariatUserId, owner.id, at(docDay, n + i),
        ]);
      });

      // Timeline: registration and the latest transition.
      const actorName = `Pengguna Uji KSD_SECRETARIAT_ADMIN ${owner.code}`;
      const firstState = initiator === 'MITRA' ? 'PENAWARAN_MASUK' : 'USULAN';
      rows.event.push([id, at(created, n), generic ? 'CREATED' : 'IMPORTED', null, null, generic ? firstState : state, { kind, title }, owner.secretariatUserId, actorName, owner.id]);
      if (generic && state !== firstState)
        rows.event.push(
          state === 'BERAKHIR'
            ? [id, at(changed, n + 7), 'TRANSITION', 'expire', null, state, { endDate: end }, null, 'Sistem', null]
            : [id, at(changed, n + 7), 'TRANSITION', ENTRY_ACTION[state], null, state, {}, owner.secretariatUserId, actorName, owner.id],
        );
      totals.events += generic && state !== firstState ? 2 : 1;

      if (state === 'MENUNGGU_PERSETUJUAN_DPRD')
        for (const p of pemdaParties) rows.approval.push([id, 'DPRD', p.id, 'PLAN', at(changed, n), dueAt, 'PENDING', null]);
      else if (dprdRequired && SIGNED_STATES.includes(state))
        for (const p of pemdaParties) rows.approval.push([id, 'DPRD', p.id, 'PLAN', at(addDays(signed!, -60), n), null, 'APPROVED', addDays(signed!, -30)]);
      if (centralRequired && (state === 'MENUNGGU_PERSETUJUAN_PUSAT' || SIGNED_STATES.includes(state) || ['PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'].includes(state)))
        for (const authority of ['MENDAGRI', 'KEMLU'])
          rows.approval.push([id, authority, null, 'PLAN', at(addDays(changed, -20), n), null, state === 'MENUNGGU_PERSETUJUAN_PUSAT' ? 'PENDING' : 'APPROVED', state === 'MENUNGGU_PERSETUJUAN_PUSAT' ? null : addDays(changed, -5)]);
      if (state === 'SENGKETA')
        rows.dispute.push([id, owner.id, `Perbedaan penafsiran kewajiban pembiayaan ${topic.subject.toLowerCase()}`, FOREIGN.includes(kind) ? 'NEGOSIASI' : 'MUSYAWARAH', at(changed, n)]);
      totals.cooperations += 1;
      totals.parties += pemdaParties.length + others.length;
      totals.documents += docs.length;
    }
    await insertTyped(db, 'cooperation', COOPERATION_COLUMNS, rows.coop);
    await insertTyped(db, 'cooperation_party', PARTY_COLUMNS, rows.party);
    await insertTyped(db, 'cooperation_funding', FUNDING_COLUMNS, rows.funding);
    await insertTyped(db, 'cooperation_document', DOCUMENT_COLUMNS, rows.doc);
    await insertTyped(db, 'cooperation_event', EVENT_COLUMNS, rows.event);
    await insertTyped(db, 'approval_request', APPROVAL_COLUMNS, rows.approval);
    await insertTyped(db, 'cooperation_dispute', DISPUTE_COLUMNS, rows.dispute);
  }

  // The counters continue after the generated numbers, as if every row had been created one by one.
  const counters: SQL[] = [
    ...[...codeCounters].map(([year, value]) => sql`('code', ${year}::int, ${value}::int)`),
    ...[...registerCounters].map(([key, value]) => {
      const [tenant, year] = key.split(':');

      return sql`(${`register:${tenant}`}, ${Number(year)}::int, ${value}::int)`;
    }),
  ];
  for (let i = 0; i < counters.length; i += 2000)
    await db.execute(sql`INSERT INTO cooperation_counter (scope, year, value) VALUES ${sql.join(counters.slice(i, i + 2000), sql`, `)}
      ON CONFLICT (scope, year) DO UPDATE SET value = greatest(cooperation_counter.value, excluded.value)`);
  const inserted = performance.now();

  await refreshSearchAll(db);
  // Bulk updates leave a dead version of every row; a steady-state register has been vacuumed.
  await db.execute(sql`VACUUM ANALYZE cooperation`);
  await db.execute(sql`ANALYZE`);
  const done = performance.now();

  return {
    ...totals,
    partners: orgRows.length,
    seconds: { insert: (inserted - started) / 1000, search: (done - inserted) / 1000, total: (done - started) / 1000 },
  };
};
