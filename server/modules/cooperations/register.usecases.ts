import ExcelJS from 'exceljs';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { Kind, ObjectCategory, Regime, State } from './cooperations.machine.js';
import type { CooperationQuery } from './cooperations.schemas.js';
import * as repo from './register.repository.js';
import { isDormant } from './cooperations.policy.js';
import { tenantsWithPacks } from './rulepack.repository.js';
import { jakartaDay, rulesResolver } from './rulepack.usecases.js';

const visibilityOf = (actor: Actor): repo.RegisterVisibility =>
  actor.scope.readAll
    ? { all: true }
    : { all: false, tenantIds: actor.scope.tenantIds, provinceCodes: actor.scope.oversightProvinceCodes, orgIds: actor.scope.orgIds };

/** The months after which each owner's cooperations are dormant: one read of the (few) pemda packs, only when filtering. */
const dormantMonths = async (db: Db, today: string) => {
  const tenants = await tenantsWithPacks(db);
  const rulesFor = await rulesResolver({ db, tenantIds: tenants, onDate: today });
  const nationalMonths = rulesFor(null).dormantAfterMonths;

  return { nationalMonths, byTenant: tenants.map((t) => [t, rulesFor(t).dormantAfterMonths] as const).filter(([, m]) => m !== nationalMonths) };
};

const filterOf = async (db: Db, q: CooperationQuery, clock: Clock): Promise<repo.RegisterFilter> => ({
  q: q.q || undefined,
  kinds: q.kind,
  states: q.state,
  urusan: q.urusan,
  issues: q.issue,
  region: q.region,
  partner: q.partner,
  opd: q.opd,
  year: q.year,
  expiringWithinDays: q.expiringWithinDays,
  overdue: q.overdue === 'true',
  dormant: q.dormant === 'true' ? await dormantMonths(db, jakartaDay(clock.now())) : undefined,
  today: jakartaDay(clock.now()),
  now: clock.now(),
});

const encodeCursor = (c: repo.Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

const decodeCursor = (s: string | undefined): repo.Cursor | null => {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as repo.Cursor;
    if (typeof c !== 'object' || c === null) throw new Error('cursor');

    return c;
  } catch {
    throw commonErrors.validation();
  }
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** ts_headline marks hits with [[[ ]]]; everything else is escaped so the snippet is safe HTML with only <mark>. */
export const safeSnippet = (raw: string | null) =>
  raw === null ? null : escapeHtml(raw).replaceAll('[[[', '<mark>').replaceAll(']]]', '</mark>');

const isoOf = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export const listCooperations = async ({ db, clock, actor, query }: { db: Db; clock: Clock; actor: Actor; query: CooperationQuery }) => {
  const sort = query.sort ?? (query.q ? 'relevance' : 'updated');
  const cursor = decodeCursor(query.cursor);
  const rows = await repo.listRegister(db, visibilityOf(actor), await filterOf(db, query, clock), sort, cursor, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const relevance = sort === 'relevance' && Boolean(query.q);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(relevance ? { o: (cursor?.o ?? 0) + query.limit } : { k: last.sort_key, id: last.id }) : null;
  const now = clock.now();
  const today = jakartaDay(now);
  // Each owner's rule pack once for the page (one query), then the flag per row from its own columns.
  const rulesFor = await rulesResolver({ db, tenantIds: [...new Set(page.map((r) => r.tenant_id).filter((t): t is string => t !== null))], onDate: today });

  return {
    items: page.map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind as Kind,
      ksddCategory: r.ksdd_category,
      regime: r.regime as Regime,
      state: r.state as State,
      title: r.title,
      objectCategory: r.object_category as ObjectCategory,
      urusanCodes: r.urusan_codes,
      partyNames: r.party_names,
      startDate: r.start_date,
      endDate: r.end_date,
      stateDueAt: isoOf(r.state_due_at),
      overdue: r.state_due_at !== null && new Date(r.state_due_at) < now,
      dormant: isDormant(
        { state: r.state, signedAt: r.signed_at, stateChangedAt: new Date(r.state_changed_at), lastMonitoredAt: r.last_monitored_at === null ? null : new Date(r.last_monitored_at) },
        rulesFor(r.tenant_id).dormantAfterMonths,
        today,
      ),
      updatedAt: isoOf(r.updated_at)!,
      snippet: safeSnippet(r.snippet),
    })),
    nextCursor,
  };
};

/** At most this many rows per export: a national register fits; anything larger is a data request. */
export const EXPORT_LIMIT = 100_000;

const HEADERS: Record<Lang, string[]> = {
  id: ['Kode', 'Judul', 'Jenis', 'Kategori KSDD', 'Rezim', 'Tahap', 'Para pihak', 'Objek', 'Kategori objek', 'Urusan', 'Lokasi', 'Mulai', 'Berakhir', 'Ditandatangani', 'Perlu persetujuan DPRD', 'Membebani masyarakat', 'Total pembiayaan (Rp)', 'Diperbarui'],
  en: ['Code', 'Title', 'Kind', 'KSDD category', 'Regime', 'State', 'Parties', 'Objek', 'Object category', 'Urusan', 'Locations', 'Start', 'End', 'Signed', 'Needs DPRD approval', 'Burdens community', 'Total funding (IDR)', 'Updated'],
};

/** The filtered register as a spreadsheet (XLSX, dates as dates, Rupiah as numbers) or CSV. */
export const exportCooperations = async ({ db, clock, actor, lang, query, format }: { db: Db; clock: Clock; actor: Actor; lang: Lang; query: CooperationQuery; format: 'xlsx' | 'csv' }) => {
  const rows = await repo.exportRegister(db, visibilityOf(actor), await filterOf(db, query, clock), EXPORT_LIMIT);
  const yes = lang === 'id' ? 'Ya' : 'Yes';
  const no = lang === 'id' ? 'Tidak' : 'No';
  const book = new ExcelJS.Workbook();
  book.creator = 'Jejaring';
  const sheet = book.addWorksheet(lang === 'id' ? 'Daftar kerja sama' : 'Cooperation register');
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  for (const r of rows)
    sheet.addRow([
      r.code,
      r.title,
      r.kind,
      r.ksdd_category ?? '',
      r.regime,
      r.state,
      r.party_names,
      r.objek,
      r.object_category,
      r.urusan_codes.join(', '),
      r.location_codes.join(', '),
      asDate(r.start_date),
      asDate(r.end_date),
      asDate(r.signed_at),
      r.dprd_required ? yes : no,
      r.burdens_community ? yes : no,
      Number(r.total_funding),
      new Date(r.updated_at),
    ]);
  for (const col of [12, 13, 14]) sheet.getColumn(col).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(17).numFmt = '#,##0.00';
  sheet.getColumn(18).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const stamp = jakartaDay(clock.now());
  if (format === 'csv') {
    const buffer = await book.csv.writeBuffer({ formatterOptions: { writeBOM: true } });

    return { bytes: new Uint8Array(buffer as ArrayBuffer), mediaType: 'text/csv; charset=utf-8', fileName: `kerja-sama-${stamp}.csv`, rows: rows.length };
  }
  const buffer = await book.xlsx.writeBuffer();

  return {
    bytes: new Uint8Array(buffer as ArrayBuffer),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `kerja-sama-${stamp}.xlsx`,
    rows: rows.length,
  };
};
