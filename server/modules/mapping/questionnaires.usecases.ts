import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { projectRoot } from '../../platform/paths.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { cycleErrors } from './cycles.errors.js';
import * as policy from './cycles.policy.js';
import { tenantFact } from './cycles.repository.js';
import { DefinitionSchema, sameDefinition, type Definition } from './questionnaires.models.js';
import { questionnaireErrors } from './questionnaires.errors.js';
import * as repo from './questionnaires.repository.js';
import type { QuestionnaireCreateInput, QuestionnaireDto, QuestionnaireListDto, QuestionnaireUpdateInput } from './questionnaires.schemas.js';
import type { QuestionnaireRow } from './questionnaires.tables.js';

export type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor };

/** The shipped default mapping questionnaire (configuration, checked once at load). */
const DEFAULT_FILE = path.join(projectRoot, 'server', 'modules', 'mapping', 'data', 'questionnaire.default.json');
const shipped = JSON.parse(fs.readFileSync(DEFAULT_FILE, 'utf8')) as { title: string; description: string; definition: unknown };
export const DEFAULT_QUESTIONNAIRE = { title: shipped.title, description: shipped.description, definition: DefinitionSchema.parse(shipped.definition) };

const present = async (db: Db, actor: Actor, q: QuestionnaireRow): Promise<QuestionnaireDto> => {
  const answerCount = await repo.answerCount(db, q.id);
  const versions = await repo.versionsOf(db, q.familyId);
  const latest = versions[0]?.version === q.version;

  return {
    id: q.id,
    tenantId: q.tenantId,
    familyId: q.familyId,
    version: q.version,
    title: q.title,
    description: q.description,
    definition: q.definition,
    isDefault: q.isDefault,
    answerCount,
    frozen: answerCount > 0,
    latest,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString() })),
    rowVersion: q.rowVersion,
    updatedAt: q.updatedAt.toISOString(),
    canEdit: latest && policy.canManage(actor, q.tenantId),
  };
};

const audit = (deps: Deps, tx: Db, q: QuestionnaireRow, action: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action: `mapping.questionnaire.${action}`, entityType: 'mapping_questionnaire', entityId: q.id, tenantId: q.tenantId, diff: { familyId: q.familyId, version: q.version, ...diff } } });

/** A questionnaire the actor may read (404 otherwise, never revealing another pemda's). */
export const loadVisibleQuestionnaire = async (db: Db, actor: Actor, id: string, lock = false) => {
  const q = await repo.findQuestionnaire(db, id, lock);
  const tenant = q ? await tenantFact(db, q.tenantId) : undefined;
  if (!q || !tenant || !policy.canRead(actor, { tenantId: tenant.id, regionCode: tenant.regionCode })) throw questionnaireErrors.notFound();

  return q;
};

export const getQuestionnaire = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => present(db, actor, await loadVisibleQuestionnaire(db, actor, id));

/** The latest version of each questionnaire of the actor's pemda. */
export const listQuestionnaires = async ({ db, actor }: { db: Db; actor: Actor }): Promise<QuestionnaireListDto> => {
  const tenantId = policy.managedTenant(actor, undefined) ?? actor.tenantId;
  const rows = tenantId ? await repo.latestOfTenant(db, tenantId) : [];

  return {
    items: rows.map((q) => ({ id: q.id, familyId: q.familyId, version: q.version, title: q.title, isDefault: q.isDefault, updatedAt: q.updatedAt.toISOString() })),
    canCreate: policy.managedTenant(actor, undefined) !== null,
  };
};

const insertVersion = (deps: Deps, tx: Db, row: { tenantId: string; familyId: string; version: number; title: string; description: string | null; definition: Definition; isDefault: boolean }) => {
  const now = deps.clock.now();

  return repo.insertQuestionnaire(tx, { id: randomUUID(), ...row, createdBy: deps.actor.userId || null, rowVersion: 1, createdAt: now, updatedAt: now });
};

/** The pemda's default mapping questionnaire, created from the shipped one the first time a cycle needs it. */
export const ensureDefaultQuestionnaire = async (deps: Deps, tx: Db, tenantId: string) => {
  const existing = await repo.defaultOfTenant(tx, tenantId);
  if (existing) return existing;
  const q = await insertVersion(deps, tx, { tenantId, familyId: randomUUID(), version: 1, ...DEFAULT_QUESTIONNAIRE, isDefault: true });
  await audit(deps, tx, q, 'create', { title: q.title, from: 'shipped_default' });

  return q;
};

export const createQuestionnaire = (deps: Deps & { input: QuestionnaireCreateInput }) =>
  deps.db.transaction(async (tx) => {
    const tenantId = policy.managedTenant(deps.actor, deps.input.tenantId);
    if (!tenantId) throw deps.input.tenantId && !deps.actor.scope.tenantIds.includes(deps.input.tenantId) ? cycleErrors.notFound() : cycleErrors.manageForbidden();
    const { title, description, definition } = deps.input;
    const q = await insertVersion(deps, tx, { tenantId, familyId: randomUUID(), version: 1, title, description: description ?? null, definition, isDefault: false });
    await audit(deps, tx, q, 'create', { title, definition });

    return present(tx, deps.actor, q);
  });

/**
 * Edits the latest version: in place while nobody has answered it, otherwise as the next version
 * (answers stay tied to the version they answered). An edit that changes nothing writes nothing.
 */
export const updateQuestionnaire = (deps: Deps & { id: string; input: QuestionnaireUpdateInput }) =>
  deps.db.transaction(async (tx) => {
    const before = await loadVisibleQuestionnaire(tx, deps.actor, deps.id, true);
    if (!policy.canManage(deps.actor, before.tenantId)) throw cycleErrors.manageForbidden();
    const latest = await repo.latestVersion(tx, before.familyId);
    if (latest !== before.version) throw questionnaireErrors.notLatest({ version: latest });
    if (before.rowVersion !== deps.input.expectedVersion) throw questionnaireErrors.stale();
    const { title, description, definition } = deps.input;
    const unchanged = title === before.title && (description ?? null) === before.description && sameDefinition(definition, before.definition);
    if (unchanged) return present(tx, deps.actor, before);
    if ((await repo.answerCount(tx, before.id)) > 0) {
      const next = await insertVersion(deps, tx, { tenantId: before.tenantId, familyId: before.familyId, version: before.version + 1, title, description: description ?? null, definition, isDefault: before.isDefault });
      await audit(deps, tx, next, 'new_version', { previousId: before.id, title, definition });

      return present(tx, deps.actor, next);
    }
    const after = await repo.updateQuestionnaire(tx, before.id, before.rowVersion, { title, description: description ?? null, definition, updatedAt: deps.clock.now() });
    if (!after) throw questionnaireErrors.stale();
    await audit(deps, tx, after, 'update', { before: { title: before.title, definition: before.definition }, after: { title, definition } });

    return present(tx, deps.actor, after);
  });
