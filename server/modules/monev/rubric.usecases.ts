import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { toFieldErrors } from '../../platform/http/validation.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { jakartaDay } from '../cooperations/index.js';
import { evaluationErrors } from './evaluations.errors.js';
import { effectiveRubric, NATIONAL_RUBRIC, RubricSchema, type Rubric } from './evaluations.models.js';
import * as repo from './rubric.repository.js';
import type { RubricPublishInput } from './evaluations.schemas.js';

/** The same people who publish the pemda's rule pack publish its rubric. */
const canManage = (actor: Actor, tenantId: string) =>
  actor.roles.some((r) => r.tenantId === tenantId && (r.role === 'TENANT_ADMIN' || r.role === 'KSD_SECRETARIAT_ADMIN'));

/** The rubric in force on a date for a pemda (the national default when it has published none yet). */
export const rubricInForce = async ({ db, tenantId, onDate }: { db: Db; tenantId: string; onDate: string }): Promise<{ version: number | null; rubric: Rubric }> =>
  effectiveRubric(await repo.listRubricVersions(db, tenantId), onDate);

/** The caller's pemda rubric: what is in force today, the shipped national default and the version history. */
export const getRubric = async ({ db, clock, actor }: { db: Db; clock: Clock; actor: Actor }) => {
  const today = jakartaDay(clock.now());
  const tenantId = actor.tenantId;
  const versions = tenantId ? await repo.listRubricVersions(db, tenantId) : [];

  return {
    tenantId,
    today,
    canEdit: tenantId !== null && canManage(actor, tenantId),
    effective: effectiveRubric(versions, today),
    national: NATIONAL_RUBRIC,
    versions,
  };
};

/**
 * Publishes a new version of the caller's pemda rubric from a valid-from date. The whole rubric is
 * validated (codes, names in both languages, weights adding up to 100) so a broken one never
 * lands; past dates are refused so evaluations already opened stay explainable.
 */
export const publishRubric = async ({
  db,
  clock,
  audit,
  actor,
  lang,
  input,
}: {
  db: Db;
  clock: Clock;
  audit: AuditContext;
  actor: Actor;
  lang: Lang;
  input: RubricPublishInput;
}) => {
  const tenantId = actor.tenantId;
  if (!tenantId) throw evaluationErrors.rubricNoTenant();
  if (!canManage(actor, tenantId)) throw evaluationErrors.rubricForbidden();
  const today = jakartaDay(clock.now());
  if (input.validFrom < today) {
    const message = lang === 'id' ? `Paling awal hari ini (${today}).` : `Today (${today}) at the earliest.`;
    throw new AppError(evaluationErrors.rubricBackdated.definition, {}, [{ path: 'validFrom', code: 'backdated', message }]);
  }
  const parsed = RubricSchema.safeParse(input.rubric);
  if (!parsed.success) throw new AppError(evaluationErrors.rubricInvalid.definition, {}, toFieldErrors(parsed.error, lang, 'rubric'));

  return db.transaction(async (tx) => {
    await repo.lockRubrics(tx, tenantId);
    const version = (await repo.maxRubricVersion(tx, tenantId)) + 1;
    const row = await repo.insertRubric(tx, {
      tenantId,
      version,
      validFrom: input.validFrom,
      rubric: parsed.data,
      note: input.note,
      createdBy: actor.userId,
      createdAt: clock.now(),
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'monev.rubric.publish', entityType: 'monev_rubric', entityId: row.id, tenantId, diff: changeSet(null, { version, validFrom: input.validFrom, rubric: parsed.data }) },
    });

    return row;
  });
};
