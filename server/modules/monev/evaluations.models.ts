import fs from 'node:fs';
import path from 'node:path';
import { z } from '@hono/zod-openapi';
import type { ActorRole } from '../../platform/http/context.js';
import { projectRoot } from '../../platform/paths.js';

/**
 * Pure rules of the periodic evaluation (monev): the rubric, who rates as which role, the score
 * and its trend. The rubric is ksd-domain.md §8.6, marked ❓ (no official rubric found), so it is
 * configuration: the national default ships in data/rubric.national.json and a pemda publishes
 * its own versions from a valid-from date, as with the rule pack.
 */

export const RATER_ROLES = ['OPD', 'MITRA', 'TKKSD', 'SEKRETARIAT'] as const;
export type RaterRole = (typeof RATER_ROLES)[number];

export const RECOMMENDATIONS = ['LANJUT', 'PERBAIKI', 'HENTIKAN'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const EVALUATION_STATUSES = ['OPEN', 'FINAL'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** States in which a cooperation is carried out (or has just ended, for the final evaluation). */
export const EVALUABLE_STATES = ['BERLAKU', 'DIADENDUM', 'SENGKETA', 'BERAKHIR', 'DIAKHIRI'] as const;
export const ENDED_STATES = ['BERAKHIR', 'DIAKHIRI'] as const;

/** A semester ("2026-S1", "2026-S2") or a whole year ("2026"). */
export const PERIOD_PATTERN = /^(19|20|21)\d{2}(-S[12])?$/;

const custom = (code: string, id: string, en: string) => ({ code, id, en });

export const CriterionSchema = z
  .strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/).openapi({ example: 'REALISASI_KEGIATAN' }),
    name: z.strictObject({ id: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
    /** Whole percentage points; the weights of a rubric sum to 100. */
    weight: z.number().int().min(1).max(100),
    /** Who rates this criterion; by default every rater role. */
    raterRoles: z.array(z.enum(RATER_ROLES)).min(1).max(RATER_ROLES.length).default([...RATER_ROLES]),
  })
  .openapi('MonevCriterion');
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricSchema = z
  .strictObject({ criteria: z.array(CriterionSchema).min(1).max(20) })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (seen.has(c.code))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: 'duplicate', params: custom('duplicate_code', `Kode ${c.code} sudah dipakai.`, `The code ${c.code} is used twice.`) });
      seen.add(c.code);
      if (new Set(c.raterRoles).size !== c.raterRoles.length)
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'raterRoles'], message: 'duplicate', params: custom('duplicate_role', 'Peran penilai tercantum dua kali.', 'A rater role is listed twice.') });
    });
    const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
    if (total !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: 'weights',
        params: custom('weights_not_100', `Jumlah bobot harus 100 (sekarang ${total}).`, `The weights must add up to 100 (now ${total}).`),
      });
  })
  .openapi('MonevRubric');
export type Rubric = z.infer<typeof RubricSchema>;

export const NATIONAL_RUBRIC_FILE = path.join(projectRoot, 'server', 'modules', 'monev', 'data', 'rubric.national.json');
/** Checked once at load, so a bad edit to the shipped file fails at start-up, not at the first evaluation. */
export const NATIONAL_RUBRIC: Rubric = RubricSchema.parse(JSON.parse(fs.readFileSync(NATIONAL_RUBRIC_FILE, 'utf8')));

export type RubricVersion = { version: number; validFrom: string; rubric: Rubric };

/** The pemda's latest version valid on the date, else the national default (version null). */
export const effectiveRubric = (versions: readonly RubricVersion[], onDate: string): { version: number | null; rubric: Rubric } => {
  const latest = versions
    .filter((v) => v.validFrom <= onDate)
    .sort((a, b) => (a.validFrom === b.validFrom ? b.version - a.version : b.validFrom.localeCompare(a.validFrom)))[0];

  return latest ? { version: latest.version, rubric: latest.rubric } : { version: null, rubric: NATIONAL_RUBRIC };
};

const SECRETARIAT_ROLES = ['KSD_SECRETARIAT_ADMIN'];
const TKKSD_ROLES = ['TKKSD_KETUA', 'TKKSD_SEKRETARIS', 'TKKSD_ANGGOTA', 'TKKSD_LOKUS'];
const OPD_ROLES = ['OPD_HEAD', 'OPD_STAFF'];

/**
 * The rater roles an actor holds for one pemda's evaluation, most senior first. Pemda roles count
 * only in the evaluating pemda (each pemda runs its own monev, as in the Samarinda three-role
 * model); a partner rates through a role in a party organisation.
 */
export const raterRolesOf = (roles: readonly ActorRole[], evaluation: { tenantId: string; partyOrgIds: readonly string[] }): RaterRole[] => {
  const inTenant = (names: string[]) => roles.some((r) => r.tenantId === evaluation.tenantId && names.includes(r.role));
  const out: RaterRole[] = [];
  if (inTenant(SECRETARIAT_ROLES)) out.push('SEKRETARIAT');
  if (inTenant(TKKSD_ROLES)) out.push('TKKSD');
  if (inTenant(OPD_ROLES)) out.push('OPD');
  if (roles.some((r) => r.role === 'PARTNER_USER' && r.tenantId === null && evaluation.partyOrgIds.includes(r.orgId))) out.push('MITRA');

  return out;
};

/** Whether the actor is the evaluating pemda's secretariat (opens and finalises). */
export const isSecretariatOf = (roles: readonly ActorRole[], tenantId: string) =>
  roles.some((r) => r.tenantId === tenantId && SECRETARIAT_ROLES.includes(r.role));

export type ScoredRating = { criterion: string; score: number };

/**
 * The evaluation score: per criterion the mean of its raters, then the mean weighted by the
 * rubric. Criteria nobody rated are left out and the remaining weights renormalised, so a score
 * always reads on the same 1–5 scale. Null while nothing is rated; two decimals otherwise.
 */
export const computeScore = (criteria: readonly Pick<Criterion, 'code' | 'weight'>[], ratings: readonly ScoredRating[]): number | null => {
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const scores = ratings.filter((r) => r.criterion === c.code).map((r) => r.score);
    if (scores.length === 0) continue;
    weighted += (c.weight * scores.reduce((a, b) => a + b, 0)) / scores.length;
    weights += c.weight;
  }
  if (weights === 0) return null;

  return Math.round((weighted / weights) * 100) / 100;
};

/** Per criterion: how many rated it and their mean (null when nobody did). */
export const criterionMeans = (criteria: readonly Pick<Criterion, 'code'>[], ratings: readonly ScoredRating[]) =>
  criteria.map((c) => {
    const scores = ratings.filter((r) => r.criterion === c.code).map((r) => r.score);

    return { code: c.code, raters: scores.length, mean: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null };
  });

/** Sort key of a period: 2026-S1 < 2026-S2 < 2026 (the whole year closes after its semesters). */
export const periodKey = (period: string) => {
  const [year = '0', half] = period.split('-');

  return `${year}-${half === 'S1' ? 1 : half === 'S2' ? 2 : 3}`;
};

export type Trend = 'UP' | 'DOWN' | 'SAME';

/** The latest finalised score and how it moved from the one before (null without a previous one). */
export const latestAndTrend = (finalised: readonly { period: string; finalisedAt: Date; score: number | null }[]) => {
  const scored = finalised
    .filter((e): e is { period: string; finalisedAt: Date; score: number } => e.score !== null)
    .sort((a, b) => periodKey(a.period).localeCompare(periodKey(b.period)) || a.finalisedAt.getTime() - b.finalisedAt.getTime());
  const latest = scored.at(-1) ?? null;
  const previous = scored.at(-2) ?? null;
  const trend: Trend | null = latest && previous ? (latest.score > previous.score ? 'UP' : latest.score < previous.score ? 'DOWN' : 'SAME') : null;

  return { latest: latest ? { period: latest.period, score: latest.score } : null, previous: previous ? { period: previous.period, score: previous.score } : null, trend };
};

/** Ratings for criteria the role may not rate, or that the rubric does not have. */
export const misplacedRatings = (rubric: Rubric, role: RaterRole, criteria: readonly string[]) =>
  criteria.filter((code) => !rubric.criteria.find((c) => c.code === code)?.raterRoles.includes(role));
