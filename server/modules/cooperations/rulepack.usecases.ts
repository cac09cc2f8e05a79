import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { toFieldErrors } from '../../platform/http/validation.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { cooperationErrors } from './cooperations.errors.js';
import { choosePacks, effectiveRules, mergeRules, NATIONAL_DEFAULTS, RulesSchema, type Rules } from './rulepack.models.js';
import * as repo from './rulepack.repository.js';
import type { RulePackRow } from './rulepack.repository.js';

/** Today in WIB: rule packs take effect on Indonesian calendar days. */
export const jakartaDay = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The rules in force today for each of these pemda (national packs for partners: key ''). */
/**
 * Effective rules per (national pack, pemda pack) pair. Pack rows are never updated — a change is
 * a new version — so the merged, validated result for a pair of row ids never goes stale and can
 * be kept for the life of the process.
 */
const mergedByPacks = new Map<string, Rules>();

/** Rules of each pemda (or the national ones for null) on a date, from packs already loaded. */
export const resolverFromPacks = (packs: readonly RulePackRow[], onDate: string) => {
  const byTenant = new Map<string, Rules>();

  return (tenantId: string | null): Rules => {
    const key = tenantId ?? '';
    let rules = byTenant.get(key);
    if (!rules) {
      const [base, override] = choosePacks(packs, tenantId, onDate);
      const memoKey = `${base?.id ?? '-'}|${override?.id ?? '-'}`;
      rules = mergedByPacks.get(memoKey) ?? effectiveRules(packs, tenantId, onDate);
      if (mergedByPacks.size > 10_000) mergedByPacks.clear();
      mergedByPacks.set(memoKey, rules);
      byTenant.set(key, rules);
    }

    return rules;
  };
};

export const rulesResolver = async ({ db, tenantIds, onDate }: { db: Db; tenantIds: readonly string[]; onDate: string }) =>
  resolverFromPacks(await repo.listPacksFor(db, tenantIds), onDate);

export const rulesForTenant = async ({ db, tenantId, onDate }: { db: Db; tenantId: string | null; onDate: string }) =>
  (await rulesResolver({ db, tenantIds: tenantId ? [tenantId] : [], onDate }))(tenantId);

/** The shipped national defaults become version 1 on an empty installation; later versions are the administrators'. */
export const syncRulePacks = async ({ db, clock }: { db: Db; clock: Clock }) => {
  if (await repo.hasNationalPack(db)) return false;
  await repo.insertPack(db, {
    tenantId: null,
    version: 1,
    validFrom: '2020-01-01',
    rules: NATIONAL_DEFAULTS as unknown as Record<string, unknown>,
    note: 'Bawaan Jejaring (PP 28/2018, Permendagri 22/2020 dan 25/2020)',
    createdBy: null,
    createdAt: clock.now(),
  });

  return true;
};

const canManage = (actor: Actor, tenantId: string | null) =>
  tenantId === null
    ? actor.roles.some((r) => r.role === 'PLATFORM_ADMIN')
    : actor.roles.some((r) => r.tenantId === tenantId && (r.role === 'TENANT_ADMIN' || r.role === 'KSD_SECRETARIAT_ADMIN'));

/** The scope an actor reads and edits: their own pemda's pack, or the national pack for platform admins. */
export const getRulePack = async ({ db, clock, actor, tenantId }: { db: Db; clock: Clock; actor: Actor; tenantId: string | null }) => {
  if (tenantId !== null && !actor.scope.tenantIds.includes(tenantId) && !actor.scope.readAll) throw cooperationErrors.rulePackForbidden();
  const today = jakartaDay(clock.now());
  const versions = await repo.listVersions(db, tenantId);
  const effective = await rulesForTenant({ db, tenantId, onDate: today });

  return { tenantId, effective, versions, canEdit: canManage(actor, tenantId), today };
};

/**
 * Publishes a new version: for the national pack the whole rule set, for a pemda the overrides
 * merged over the national pack (validated as a whole, so a broken override never lands).
 * Past dates are refused: what was decided under the old rules stays explainable.
 */
export const publishRulePack = async ({
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
  input: { tenantId: string | null; validFrom: string; note: string; rules: Record<string, unknown> };
}) => {
  if (!canManage(actor, input.tenantId)) throw cooperationErrors.rulePackForbidden();
  if (input.validFrom < jakartaDay(clock.now())) throw cooperationErrors.rulePackBackdated();
  const combined = RulesSchema.safeParse(input.tenantId === null ? input.rules : mergeRules(NATIONAL_DEFAULTS, input.rules));
  if (!combined.success) throw new AppError(cooperationErrors.rulePackInvalid.definition, {}, toFieldErrors(combined.error, lang, 'rules'));

  return db.transaction(async (tx) => {
    await repo.lockPacks(tx);
    const version = (await repo.maxVersion(tx, input.tenantId)) + 1;
    const row = await repo.insertPack(tx, {
      tenantId: input.tenantId,
      version,
      validFrom: input.validFrom,
      rules: input.rules,
      note: input.note,
      createdBy: actor.userId,
      createdAt: clock.now(),
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'rule_pack.publish', entityType: 'rule_pack', entityId: row.id, tenantId: input.tenantId, diff: changeSet(null, { version, validFrom: input.validFrom, rules: input.rules }) },
    });

    return row;
  });
};
