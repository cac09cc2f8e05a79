import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { getFile } from '../files/index.js';
import { createOrganization, type OrganizationCreateInput } from '../organizations/index.js';
import { CooperationCreateSchema } from './cooperations.schemas.js';
import { createCooperationInTx } from './cooperations.usecases.js';
import { importErrors } from './import.errors.js';
import {
  CREATABLE_PARTNER_TYPES,
  IMPORT_FIELDS,
  MAX_ROWS,
  PARTNER_TYPE_OF,
  REQUIRED_FIELDS,
  UnreadableFileError,
  WARNING_CODES,
  columnsOf,
  decideMatch,
  detectHeaderRow,
  duplicateNumbers,
  fold,
  importTenantOf,
  isDataRow,
  issueMessage,
  matchUnit,
  normalizeOrgName,
  parseRow,
  parseUrusan,
  readCsv,
  readXlsx,
  suggestMapping,
  type Candidate,
  type ImportField,
  type Issue,
  type Mapping,
  type MatchStatus,
  type ParsedRow,
  type Sheet,
} from './import.models.js';
import * as repo from './import.repository.js';
import type { ImportPreviewInput, ImportRunInput } from './import.schemas.js';
import { jakartaDay } from './rulepack.usecases.js';

type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang; files: FileStore };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ALL_PARTNER_TYPES = [...new Set(Object.values(PARTNER_TYPE_OF))];

const importingTenant = (actor: Actor) => {
  const tenantId = importTenantOf(actor);
  if (!tenantId) throw importErrors.forbidden();

  return tenantId;
};

const readAll = async (stream: ReadableStream<Uint8Array>) => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);

  return Buffer.concat(chunks);
};

/** The uploaded file as a sheet; another pemda's file does not exist for this importer. */
const loadSheet = async ({ db, actor, files, tenantId, input }: Pick<Deps, 'db' | 'actor' | 'files'> & { tenantId: string; input: ImportPreviewInput }) => {
  const file = await getFile({ db, actor, id: input.fileId }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) throw importErrors.fileNotFound();
    throw err;
  });
  if (file.tenantId !== tenantId) throw importErrors.fileNotFound();
  if (file.mediaType !== XLSX && file.mediaType !== 'text/csv') throw importErrors.fileType();
  const stream = await files.get(file.sha256);
  // A row without its bytes means the store was damaged or restored incompletely: an operator problem.
  if (!stream) throw new Error(`stored file ${file.id} has no content (sha256 ${file.sha256})`);
  const bytes = await readAll(stream);
  try {
    const sheet: Sheet = file.mediaType === XLSX ? await readXlsx(bytes, input.sheet) : readCsv(bytes);

    return { file, sheet };
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    if (err.reason === 'too_many_rows') throw importErrors.tooManyRows({ max: MAX_ROWS });
    if (err.reason === 'no_sheet' && input.sheet) throw importErrors.sheetNotFound({ sheet: input.sheet });
    throw importErrors.fileUnreadable({ reason: err.reason });
  }
};

type Choice = { kind: 'existing'; orgId: string; name: string; type: string } | { kind: 'create'; name: string; type: string; countryCode?: string | undefined; legalForm?: OrganizationCreateInput['legalForm'] };

type Row = ParsedRow & {
  urusanCodes: string[];
  leadOpd: { id: string; name: string } | null;
  expectedType: string | null;
  match: { status: MatchStatus; candidates: Candidate[] };
  choice: Choice | null;
};

/** Issues that ask a person to choose the partner rather than to fix the file. */
const CONFIRM_CODES = new Set(['partner_unconfirmed', 'partner_not_found']);

const statusOf = (row: Pick<Row, 'issues'>) => {
  const blocking = row.issues.filter((i) => !WARNING_CODES.has(i.code));
  if (blocking.some((i) => !CONFIRM_CODES.has(i.code))) return 'invalid' as const;

  return blocking.length > 0 ? ('needs_confirmation' as const) : ('ready' as const);
};

/** Where a refusal of the cooperation rules belongs in the row. */
const fieldOfError = (code: string): Issue['field'] =>
  code === 'cooperations.duration_exceeded' ? 'endDate' : code.startsWith('organizations.') || code === 'cooperations.party_invalid' ? 'partner' : 'row';

type PartnerLookup = { status: MatchStatus; candidates: Candidate[]; exactId: string | null; codeUnknown: boolean };

/** Finds the partner of each distinct (kind, code, name) once. */
const matchPartners = async (db: Db, tenantId: string, rows: readonly ParsedRow[]) => {
  const cache = new Map<string, Promise<PartnerLookup>>();
  const lookup = async (row: ParsedRow): Promise<PartnerLookup> => {
    const expected = row.kind ? PARTNER_TYPE_OF[row.kind] : null;
    const types = expected ? [expected] : ALL_PARTNER_TYPES;
    let codeUnknown = false;
    if (row.partnerCode) {
      const org = await repo.findByCode(db, row.partnerCode);
      if (org && org.id !== tenantId && types.includes(org.type)) return { status: 'exact', candidates: [{ ...org, score: 1 }], exactId: org.id, codeUnknown };
      codeUnknown = true;
    }
    const found = await repo.findCandidatesByName(db, { raw: row.partnerName, normalized: normalizeOrgName(row.partnerName), types, excludeIds: [tenantId], limit: 8 });

    return { ...decideMatch(row.partnerName, expected, found), codeUnknown };
  };

  return Promise.all(
    rows.map((row) => {
      const key = `${row.kind ?? '*'}|${row.partnerCode ? `${row.partnerCode.kind}:${row.partnerCode.value}` : ''}|${fold(row.partnerName)}`;
      if (!cache.has(key)) cache.set(key, lookup(row));

      return cache.get(key)!;
    }),
  );
};

/**
 * Reads the file and judges every row: values parsed, register numbers checked, urusan and OPD
 * recognised, the partner matched and, where a person confirmed one, chosen.
 */
const analyse = async (deps: Pick<Deps, 'db' | 'clock' | 'actor' | 'files'> & { tenantId: string; input: ImportPreviewInput }) => {
  const { db, clock, tenantId, input } = deps;
  const { file, sheet } = await loadSheet(deps);
  const headerRow = input.headerRow ?? detectHeaderRow(sheet.rows);
  const columns = headerRow === null ? [] : columnsOf(sheet.rows, headerRow);
  const suggested = suggestMapping(columns.map((c) => c.header));
  const keys = new Set(columns.map((c) => c.key));
  const mapping: Mapping = input.mapping
    ? Object.fromEntries(Object.entries(input.mapping).filter((e): e is [string, ImportField] => e[1] !== 'ignore' && keys.has(e[0])))
    : suggested;
  const mapped = new Set(Object.values(mapping));
  const missingFields = REQUIRED_FIELDS.filter((f) => !mapped.has(f));
  const below = headerRow === null ? [] : sheet.rows.filter((r) => r.rowNumber > headerRow);
  const data = below.filter((r) => isDataRow(r, mapping));
  if (data.length > MAX_ROWS) throw importErrors.tooManyRows({ max: MAX_ROWS });
  const skippedRows = below.filter((r) => !data.includes(r)).map((r) => r.rowNumber);
  const today = jakartaDay(clock.now());
  const parsed = data.map((r) => parseRow(r, mapping, today));

  const dupes = duplicateNumbers(parsed);
  const registered = new Map(
    (await repo.findRegisteredNumbers(db, tenantId, [...new Set(parsed.map((r) => r.ownNumber).filter((n): n is string => n !== null))])).map((r) => [fold(r.number), r.code]),
  );
  const urusan = mapped.has('urusan') ? await repo.listUrusanRefs(db) : [];
  const units = mapped.has('leadOpd') ? await repo.listTenantUnits(db, tenantId) : [];
  const [self] = await repo.findOrgsByIds(db, [tenantId]);
  const lookups = await matchPartners(db, tenantId, parsed);
  const confirmedIds = Object.values(input.confirmations ?? {}).flatMap((c) => ('partyOrgId' in c ? [c.partyOrgId] : []));
  const confirmedOrgs = new Map((await repo.findOrgsByIds(db, confirmedIds)).map((o) => [o.id, o]));

  const rows: Row[] = parsed.map((p, i) => {
    const issues = [...p.issues];
    const dupe = dupes.get(p.rowNumber);
    if (dupe) issues.push({ field: 'ownNumber', code: 'number_duplicate_file', params: { value: dupe.value, other: dupe.other } });
    const heldBy = p.ownNumber ? registered.get(fold(p.ownNumber)) : undefined;
    if (heldBy) issues.push({ field: 'ownNumber', code: 'number_registered', params: { value: p.ownNumber!, code: heldBy } });
    const u = parseUrusan(p.urusanText, urusan);
    for (const value of u.unknown) issues.push({ field: 'urusan', code: 'urusan_unknown', params: { value } });
    const opd = p.leadOpdText ? matchUnit(p.leadOpdText, units) : undefined;
    if (p.leadOpdText && !opd) issues.push({ field: 'leadOpd', code: 'opd_unknown', params: { value: p.leadOpdText } });

    const expectedType = p.kind ? PARTNER_TYPE_OF[p.kind] : null;
    const found = lookups[i]!;
    if (found.codeUnknown && p.partnerCode) issues.push({ field: 'partnerCode', code: 'partner_code_unknown', params: { value: p.partnerCode.value } });
    let choice: Choice | null = null;
    const isSelf = p.partnerName !== '' && self !== undefined && normalizeOrgName(p.partnerName) === normalizeOrgName(self.name);
    const confirmation = input.confirmations?.[String(p.rowNumber)];
    if (isSelf) issues.push({ field: 'partner', code: 'partner_is_self' });
    else if (confirmation && 'partyOrgId' in confirmation) {
      const org = confirmedOrgs.get(confirmation.partyOrgId);
      if (!org || !org.active) issues.push({ field: 'partner', code: 'partner_not_found', params: { value: p.partnerName } });
      else if (org.id === tenantId) issues.push({ field: 'partner', code: 'partner_is_self' });
      else if (expectedType && org.type !== expectedType) issues.push({ field: 'partner', code: 'partner_type_mismatch', params: { type: org.type, kind: p.kind!, expected: expectedType } });
      else choice = { kind: 'existing', orgId: org.id, name: org.name, type: org.type };
    } else if (confirmation && 'createPartner' in confirmation) {
      const wanted = confirmation.createPartner;
      const type = wanted.type ?? expectedType;
      if (!type || !(CREATABLE_PARTNER_TYPES as readonly string[]).includes(type)) issues.push({ field: 'partner', code: 'partner_cannot_create', params: { type: type ?? '—' } });
      else if (expectedType && type !== expectedType) issues.push({ field: 'partner', code: 'partner_type_mismatch', params: { type, kind: p.kind!, expected: expectedType } });
      else if (type !== 'PIHAK_KETIGA' && !wanted.countryCode) issues.push({ field: 'partner', code: 'partner_country_required' });
      else choice = { kind: 'create', name: wanted.name ?? p.partnerName, type, countryCode: wanted.countryCode, legalForm: wanted.legalForm };
    } else if (p.partnerName) {
      if (found.status === 'exact') {
        const org = found.candidates.find((c) => c.id === found.exactId)!;
        choice = { kind: 'existing', orgId: org.id, name: org.name, type: org.type };
      } else if (found.status === 'probable') issues.push({ field: 'partner', code: 'partner_unconfirmed', params: { value: p.partnerName } });
      else issues.push({ field: 'partner', code: 'partner_not_found', params: { value: p.partnerName } });
    }

    return {
      ...p,
      issues,
      urusanCodes: u.codes,
      leadOpd: opd ? { id: opd.id, name: opd.name } : null,
      expectedType,
      match: { status: found.status, candidates: found.candidates },
      choice,
    };
  });

  return { file, sheet, headerRow, columns, suggested, mapping, missingFields, skippedRows, rows, tenantId, today };
};

type Analysis = Awaited<ReturnType<typeof analyse>>;

/** Thrown inside the transaction to roll it back on purpose (preview, dry run). */
class Rollback extends Error {}

/**
 * Records every ready row inside one transaction, each in a savepoint so that one refusal is
 * reported against its row while the others are still tried. `commit` keeps the result only
 * when every row was ready and recorded; otherwise everything is rolled back.
 */
const record = async ({ db, clock, audit, actor, lang, analysis, commit }: Omit<Deps, 'files'> & { analysis: Analysis; commit: boolean }) => {
  const { tenantId, rows } = analysis;
  const outcome = { cooperationIds: [] as string[], createdPartnerIds: [] as string[] };
  const run = async (tx: Db) => {
    // New partners are registered once per name, even when several rows name them.
    const created = new Map<string, string>();
    for (const row of rows) {
      if (statusOf(row) !== 'ready' || !row.choice || !row.kind || !row.state) continue;
      const choice = row.choice;
      const createKey = choice.kind === 'create' ? `${choice.type}|${normalizeOrgName(choice.name)}` : '';
      try {
        const result = await tx.transaction(async (sp) => {
          let partnerId: string;
          let newPartner: string | null = null;
          if (choice.kind === 'existing') partnerId = choice.orgId;
          else if (created.has(createKey)) partnerId = created.get(createKey)!;
          else {
            const org = await createOrganization({
              db: sp,
              clock,
              audit,
              actor,
              input: { type: choice.type as OrganizationCreateInput['type'], name: choice.name, countryCode: choice.countryCode, legalForm: choice.legalForm },
            });
            partnerId = org.id;
            newPartner = org.id;
          }
          const input = CooperationCreateSchema.safeParse({
            kind: row.kind,
            ksddCategory: row.kind === 'KSDD' ? row.ksddCategory : null,
            regime: 'KSD_GENERIC',
            initiator: 'DAERAH',
            title: row.title,
            objek: row.objek,
            ruangLingkup: row.ruangLingkup,
            objectCategory: row.objectCategory,
            urusanCodes: row.urusanCodes,
            startDate: row.startDate,
            endDate: row.endDate,
            funding: row.amount
              ? [
                  {
                    source: row.fundingSource,
                    partyOrgId: row.fundingSource === 'APBD' ? tenantId : row.fundingSource === 'MITRA' ? partnerId : null,
                    year: Number((row.startDate ?? analysis.today).slice(0, 4)),
                    amount: row.amount,
                    budgeted: true,
                  },
                ]
              : [],
            parties: [{ orgId: tenantId, ...(row.leadOpd ? { leadOpdId: row.leadOpd.id } : {}) }, { orgId: partnerId }],
          });
          if (!input.success) return { ok: false as const, error: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
          const registerNumbers: Record<string, string> = {};
          if (row.ownNumber) registerNumbers[tenantId] = row.ownNumber;
          if (row.partnerNumber) registerNumbers[partnerId] = row.partnerNumber;
          const id = await createCooperationInTx({
            db: sp,
            tx: sp,
            clock,
            audit,
            actor,
            input: input.data,
            options: { initialState: row.state!, eventKind: 'IMPORTED', registerNumbers },
          });

          return { ok: true as const, id, newPartner };
        });
        if (!result.ok) {
          row.issues.push({ field: 'row', code: 'not_saved', params: { message: result.error } });
          continue;
        }
        outcome.cooperationIds.push(result.id);
        if (result.newPartner) {
          created.set(createKey, result.newPartner);
          outcome.createdPartnerIds.push(result.newPartner);
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        row.issues.push({ field: fieldOfError(err.code), code: 'not_saved', params: { message: err.localized(lang) } });
      }
    }
    const invalid = rows.filter((r) => statusOf(r) !== 'ready');
    if (commit && invalid.length > 0) throw rowsInvalid(invalid, lang);
    if (!commit) throw new Rollback();
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: {
        action: 'cooperation.import',
        entityType: 'stored_file',
        entityId: analysis.file.id,
        tenantId,
        diff: {
          fileName: analysis.file.fileName,
          sheet: analysis.sheet.sheet,
          rows: outcome.cooperationIds.length,
          cooperationIds: outcome.cooperationIds,
          createdPartnerIds: outcome.createdPartnerIds,
        },
      },
    });
  };
  try {
    await db.transaction(run);
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }

  return outcome;
};

const presentIssue = (issue: Issue, lang: Lang) => ({ field: issue.field, code: issue.code, message: issueMessage(issue, lang) });

const rowsInvalid = (rows: readonly Row[], lang: Lang) =>
  importErrors.rowsInvalid(
    { count: rows.length },
    {
      rows: rows.map((r) => ({
        rowNumber: r.rowNumber,
        errors: r.issues.filter((i) => !WARNING_CODES.has(i.code)).map((i) => presentIssue(i, lang)),
      })),
    },
  );

const presentRow = (row: Row, lang: Lang) => ({
  rowNumber: row.rowNumber,
  status: statusOf(row),
  values: {
    title: row.title,
    partner: row.partnerName,
    kind: row.kind,
    ksddCategory: row.ksddCategory,
    state: row.state,
    startDate: row.startDate,
    endDate: row.endDate,
    ownNumber: row.ownNumber,
    partnerNumber: row.partnerNumber,
    amount: row.amount,
    fundingSource: row.fundingSource,
    objek: row.objek,
    ruangLingkup: row.ruangLingkup,
    urusanCodes: row.urusanCodes,
    leadOpd: row.leadOpd,
    objectCategory: row.objectCategory,
  },
  errors: row.issues.filter((i) => !WARNING_CODES.has(i.code)).map((i) => presentIssue(i, lang)),
  warnings: row.issues.filter((i) => WARNING_CODES.has(i.code)).map((i) => presentIssue(i, lang)),
  partner: {
    name: row.partnerName,
    expectedType: row.expectedType,
    status: row.match.status,
    candidates: row.match.candidates.map((c) => ({ id: c.id, name: c.name, type: c.type, score: c.score })),
    chosen: row.choice ? { kind: row.choice.kind, orgId: row.choice.kind === 'existing' ? row.choice.orgId : null, name: row.choice.name, type: row.choice.type } : null,
    canCreate: row.expectedType === null || (CREATABLE_PARTNER_TYPES as readonly string[]).includes(row.expectedType),
  },
});

/**
 * The preview: detected columns and the mapping in use, every row parsed with its errors and
 * warnings, and each partner match. Rows that are otherwise ready are also tried against the
 * cooperation rules (parties, urusan, term) in a transaction that is always rolled back.
 */
export const previewImport = async ({ db, clock, audit, actor, lang, files, input }: Deps & { input: ImportPreviewInput }) => {
  const tenantId = importingTenant(actor);
  const analysis = await analyse({ db, clock, actor, files, tenantId, input });
  if (analysis.missingFields.length === 0 && analysis.rows.length > 0) await record({ db, clock, audit, actor, lang, analysis, commit: false });
  const rows = analysis.rows.map((r) => presentRow(r, lang));

  return {
    fileName: analysis.file.fileName,
    sheets: analysis.sheet.sheets,
    sheet: analysis.sheet.sheet,
    headerRow: analysis.headerRow,
    fields: IMPORT_FIELDS.map((name) => ({ name, required: REQUIRED_FIELDS.includes(name) })),
    columns: analysis.columns.map((c) => ({ ...c, suggested: analysis.suggested[c.key] ?? null })),
    mapping: analysis.mapping,
    missingFields: analysis.missingFields,
    skippedRows: analysis.skippedRows,
    rows,
    summary: {
      total: rows.length,
      ready: rows.filter((r) => r.status === 'ready').length,
      invalid: rows.filter((r) => r.status === 'invalid').length,
      needsConfirmation: rows.filter((r) => r.status === 'needs_confirmation').length,
    },
  };
};

/**
 * Imports the register in one transaction: all rows or none. Refused while any row has an error
 * or an unconfirmed partner; a row that fails the cooperation rules during the import rolls back
 * every row before it. A dry run does all of it and rolls back. One audit row records the batch;
 * each cooperation also gets its IMPORTED event.
 */
export const runImport = async ({ db, clock, audit, actor, lang, files, input }: Deps & { input: ImportRunInput }) => {
  const tenantId = importingTenant(actor);
  const { dryRun, ...rest } = input;
  const analysis = await analyse({ db, clock, actor, files, tenantId, input: rest });
  if (analysis.missingFields.length > 0) throw importErrors.mappingIncomplete({ fields: analysis.missingFields.join(', ') });
  if (analysis.rows.length === 0) throw importErrors.noRows({ headerRow: analysis.headerRow ?? 1 });
  const notReady = analysis.rows.filter((r) => statusOf(r) !== 'ready');
  if (notReady.length > 0) throw rowsInvalid(notReady, lang);
  if (dryRun) {
    const outcome = await record({ db, clock, audit, actor, lang, analysis, commit: false });
    const failed = analysis.rows.filter((r) => statusOf(r) !== 'ready');
    if (failed.length > 0) throw rowsInvalid(failed, lang);

    return { dryRun: true, imported: outcome.cooperationIds.length, createdPartners: outcome.createdPartnerIds.length, cooperationIds: [] };
  }
  const outcome = await record({ db, clock, audit, actor, lang, analysis, commit: true });

  return { dryRun: false, imported: outcome.cooperationIds.length, createdPartners: outcome.createdPartnerIds.length, cooperationIds: outcome.cooperationIds };
};
