import fs from 'node:fs';
import path from 'node:path';
import { z } from '@hono/zod-openapi';
import { projectRoot } from '../../platform/paths.js';
import { ROLES } from '../identity/index.js';
import { DISPUTE_STAGES } from '../../../contracts/cooperations.js';
import { ACTIONS, KINDS, OBJECT_CATEGORIES, STATES } from './cooperations.machine.js';

/**
 * The rule pack: every number, deadline, document list and approval condition the regulations
 * leave to the Permendagri annexes or to local Perda/Perbup (ksd-domain.md §0 design rule). The
 * national defaults ship in data/rule-pack.national.json; a pemda publishes overrides, each a new
 * version with a valid-from date, merged over the national pack of the same date.
 */

export const DOCUMENT_TYPES = [
  'KSB',
  'NK',
  'PKS',
  'LOI',
  'MOU',
  'ADENDUM',
  'RENCANA_KERJA',
  'PLAN_OF_ACTION',
  'SURAT_PENAWARAN',
  'SURAT_JAWABAN',
  'KAK',
  'STUDI_KELAYAKAN',
  'SURAT_PERMOHONAN_DPRD',
  'PERSETUJUAN_DPRD',
  'PERMOHONAN_PERSETUJUAN_MENTERI',
  'PERSETUJUAN_MENTERI',
  'SURAT_KONFIRMASI_KEMLU',
  'FULL_POWER',
  'SURAT_KUASA',
  'BERITA_ACARA',
  'SURAT_PENGAKHIRAN',
  'SK_KEPALA_DAERAH',
  'LAPORAN',
  'LAINNYA',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const CLAUSES = [
  'PARA_PIHAK',
  'DASAR_PERTIMBANGAN',
  'MAKSUD_TUJUAN',
  'OBJEK_RUANG_LINGKUP',
  'HAK_KEWAJIBAN',
  'PELAKSANAAN',
  'JANGKA_WAKTU',
  'PEMBIAYAAN',
  'MONITORING_EVALUASI',
  'KEADAAN_KAHAR',
  'PENYELESAIAN_PERSELISIHAN',
  'PERUBAHAN',
  'PENGAKHIRAN',
  'SANKSI',
  'PENUTUP',
] as const;
export type Clause = (typeof CLAUSES)[number];

export { DISPUTE_STAGES };
/** Mirrors mapping's WORK_STAGES (the mapping module reads the rule pack, so it cannot be imported from there). */
export const MAPPING_WORK_STAGES = ['PERSIAPAN', 'PROSES_PEMETAAN', 'PENYUSUNAN_PEMBAHASAN', 'PENETAPAN'] as const;

export const APPROVAL_AUTHORITIES = ['DPRD', 'MENDAGRI', 'GUBERNUR', 'KEMLU'] as const;

const kind = z.enum(KINDS);
const requirement = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    signed: z.boolean().optional(),
    kinds: z.array(kind).optional(),
    initiator: z.enum(['DAERAH', 'MITRA']).optional(),
  })
  .strict();

const MappingStagesSchema = z
  .object({
    note: z.string().min(1).max(500),
    stages: z.record(
      z.enum(MAPPING_WORK_STAGES),
      z.object({ responsibleRoles: z.array(z.enum(ROLES)).min(1), advanceRoles: z.array(z.enum(ROLES)).min(1), defaultDays: z.number().int().min(1).max(365) }).strict(),
    ),
  })
  .strict();

const PlenaryScoringSchema = z
  .object({
    note: z.string().min(1).max(500),
    scale: z
      .object({ min: z.number().int().min(0).max(10), max: z.number().int().min(1).max(100) })
      .strict()
      .refine((s) => s.max > s.min, { message: 'max above min' }),
    criteria: z
      .array(
        z
          .object({
            key: z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'UPPER_SNAKE key'),
            weight: z.number().min(0).max(100),
            label: z.object({ id: z.string().min(1).max(120), en: z.string().min(1).max(120) }).strict(),
          })
          .strict(),
      )
      .min(1)
      .max(12)
      .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { message: 'keys must differ' })
      .refine((c) => c.some((x) => x.weight > 0), { message: 'at least one weight above 0' }),
  })
  .strict();

/** The national pack's file; read here too so a field added later can default to its shipped value. */
export const NATIONAL_RULES_FILE = path.join(projectRoot, 'server', 'modules', 'cooperations', 'data', 'rule-pack.national.json');
const SHIPPED = JSON.parse(fs.readFileSync(NATIONAL_RULES_FILE, 'utf8')) as { mappingStages: unknown; plenaryScoring: unknown };
const SHIPPED_MAPPING_STAGES = MappingStagesSchema.parse(SHIPPED.mappingStages);
const SHIPPED_PLENARY_SCORING = PlenaryScoringSchema.parse(SHIPPED.plenaryScoring);

export const RulesSchema = z
  .object({
    regulationRefs: z.array(z.string().min(1).max(120)).max(20),
    dprdApproval: z
      .object({
        alwaysForKinds: z.array(kind),
        neverForKinds: z.array(kind),
        whenBurdensCommunity: z.boolean(),
        whenFundingNotBudgeted: z.boolean(),
      })
      .strict(),
    centralApproval: z.object({ kinds: z.array(kind), authorities: z.array(z.enum(['MENDAGRI', 'KEMLU', 'GUBERNUR'])).min(1) }).strict(),
    amendmentApproval: z
      .object({ whenBurdensCommunity: z.boolean(), whenFundingNotBudgeted: z.boolean(), whenTermExtended: z.boolean() })
      .strict(),
    maxDurationYears: z.record(z.enum(OBJECT_CATEGORIES), z.number().int().min(1).max(99)),
    proposeRoles: z.array(z.enum(ROLES)),
    partnersMayPropose: z.boolean(),
    actionRoles: z.record(z.enum(ACTIONS), z.array(z.enum(ROLES))),
    requiredDocuments: z.partialRecord(z.enum(ACTIONS), z.array(requirement).max(20)),
    clauseChecklistRequired: z.partialRecord(z.enum(ACTIONS), z.enum(DOCUMENT_TYPES)),
    clauses: z.partialRecord(z.enum(DOCUMENT_TYPES), z.array(z.enum(CLAUSES))),
    deadlines: z
      .array(
        z
          .object({
            state: z.enum(STATES),
            kinds: z.array(kind).optional(),
            days: z.number().int().min(1).max(3650).optional(),
            workingDays: z.number().int().min(1).max(2000).optional(),
          })
          .strict()
          .refine((d) => (d.days === undefined) !== (d.workingDays === undefined), { message: 'days or workingDays, not both' }),
      )
      .max(50),
    holidays: z.array(z.iso.date()).max(400),
    expiryReminderDays: z.array(z.number().int().min(1).max(3650)).max(10),
    numberFormats: z.object({ register: z.string().min(1).max(120).regex(/\{seq\d?\}/, 'needs {seq}') }).strict(),
    disputeStages: z.record(kind, z.array(z.enum(DISPUTE_STAGES)).min(1)),
    dormantAfterMonths: z.number().int().min(1).max(120),
    // How a cooperation's progress weighs its own activities, its indicators' achievement and its
    // follow-up agreements (a KSB's PKS); a part with nothing in it is left out.
    progressWeights: z
      .object({ activities: z.number().min(0).max(100), indicators: z.number().min(0).max(100), followUps: z.number().min(0).max(100) })
      .strict()
      .refine((w) => w.activities + w.indicators + w.followUps > 0, { message: 'at least one weight above 0' }),
    // Who hears about a dormant cooperation, step by step, until someone records monitoring.
    dormancyEscalation: z
      .object({ everyDays: z.number().int().min(1).max(365), steps: z.array(z.enum(ROLES)).min(1).max(8) })
      .strict(),
    // Report frequency, content and channel are not verified in the regulations (domain §8.4 ❓): data, not code.
    reporting: z
      .object({
        periods: z.array(z.enum(['SEMESTER', 'YEARLY'])).min(1),
        dueDaysAfterPeriodEnd: z.number().int().min(1).max(365),
        reminderDaysBefore: z.array(z.number().int().min(1).max(365)).max(5),
      })
      .strict(),
    monevReminders: z
      .object({
        dueSoonDays: z.number().int().min(1).max(90),
        updateEveryMonths: z.number().int().min(1).max(24),
        evaluationEveryMonths: z.number().int().min(1).max(36),
      })
      .strict(),
    // PPKSD per OPD: no national source (domain §4.3 ❓); the source articles' 2 is only a default.
    // Defaulted so packs stored before this field existed still validate.
    minLiaisonsPerOpd: z.number().int().min(0).max(20).default(2),
    // The stages of the yearly Pemetaan Potensi come from the source articles, not from a
    // regulation (domain §2.2 step 0): who is responsible, who closes a stage and how long it runs
    // are configuration, and `note` says so wherever the pack is shown. A pack stored before the
    // field existed gets the shipped value.
    mappingStages: MappingStagesSchema.default(() => SHIPPED_MAPPING_STAGES),
    // How the TKKSD plenary scores register items: criteria, weights and scale are practice the
    // source articles recommend, not a regulation (domain §2.2 step 0). The weighted total is
    // computed from the pack in force when it is read, so a change of weights re-ranks at once;
    // a decided plenary keeps the weights it used. Arrays replace on override: a pemda lists
    // its whole set of criteria.
    plenaryScoring: PlenaryScoringSchema.default(() => SHIPPED_PLENARY_SCORING),
  })
  .strict();
export type Rules = z.infer<typeof RulesSchema>;

/** The shipped national defaults, checked once at load so a bad edit to the file fails fast. */
export const NATIONAL_DEFAULTS: Rules = RulesSchema.parse(JSON.parse(fs.readFileSync(NATIONAL_RULES_FILE, 'utf8')));

/** Deep merge: objects merge key by key, arrays and scalars of the override replace. */
export const mergeRules = (base: unknown, override: unknown): unknown => {
  if (override === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return override;
  if (typeof override !== 'object' || override === null || Array.isArray(override)) return override;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override as Record<string, unknown>)) out[k] = mergeRules(out[k], v);

  return out;
};

/** The pack in force on a date for a tenant: the latest national version then the latest override, both valid by then. */
type PackLike = { tenantId: string | null; version: number; validFrom: string; rules: Record<string, unknown> };

/** The national pack and the pemda's own pack in force on a date (the latest valid-from, then the highest version). */
export const choosePacks = <P extends PackLike>(packs: readonly P[], tenantId: string | null, onDate: string): [P | undefined, P | undefined] => {
  const latest = (owner: string | null) =>
    packs
      .filter((p) => p.tenantId === owner && p.validFrom <= onDate)
      .sort((a, b) => (a.validFrom === b.validFrom ? b.version - a.version : b.validFrom.localeCompare(a.validFrom)))[0];

  return [latest(null), tenantId ? latest(tenantId) : undefined];
};

export const effectiveRules = (packs: readonly PackLike[], tenantId: string | null, onDate: string): Rules => {
  const [base, override] = choosePacks(packs, tenantId, onDate);

  return RulesSchema.parse(mergeRules(base?.rules ?? NATIONAL_DEFAULTS, override?.rules ?? {}));
};
