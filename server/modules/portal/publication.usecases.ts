import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { recordAudit, SYSTEM_AUDIT_CONTEXT, type AuditContext } from '../audit/index.js';
import { loadPublicationSource, loadVisibleCooperation } from '../cooperations/index.js';
import { portalErrors } from './portal.errors.js';
import { publishableDocuments } from './portal.models.js';
import { canPublish, DEFAULT_VISIBILITY, isPublishable, mergeVisibility } from './portal.policy.js';
import * as repo from './portal.repository.js';
import type { PublicationBody } from './portal.schemas.js';
import type { PublicationRow, ReleaseRow } from './portal.tables.js';
import { appendWithdrawal, releaseIfChanged, type ReleaseSettings } from './release.usecases.js';

export type PublishDeps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; settings: ReleaseSettings };

const releaseFacts = (r: { release: ReleaseRow; appended: boolean }) => (r.appended ? { sequence: r.release.sequence, tag: r.release.tag } : null);

/**
 * Every change by the secretariat: the cooperation locked and visible to the actor (404
 * otherwise), the actor the owning pemda's secretariat (403), the publication row locked.
 */
const withPublication = async <T>(deps: PublishDeps, cooperationId: string, run: (tx: Db, c: { tenantId: string; state: string; signedAt: string | null }, pub: PublicationRow | undefined) => Promise<T>) =>
  deps.db.transaction(async (tx) => {
    const c = await loadVisibleCooperation({ db: tx, actor: deps.actor, id: cooperationId, lock: true });
    if (!canPublish(deps.actor, c.tenantId)) throw portalErrors.forbidden();

    return run(tx, { tenantId: c.tenantId!, state: c.state, signedAt: c.signedAt }, await repo.findPublication(tx, cooperationId, true));
  });

const audit = (deps: PublishDeps, tx: Db, tenantId: string, cooperationId: string, action: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action, entityType: 'portal_publication', entityId: cooperationId, tenantId, diff } });

/** Only shared document versions of this cooperation that have a file can be ticked public. */
const checkDocuments = async (tx: Db, cooperationId: string, ids: readonly string[]) => {
  const source = await loadPublicationSource(tx, cooperationId);
  const allowed = new Set(source ? publishableDocuments(source).map((d) => d.id) : []);
  if (ids.some((id) => !allowed.has(id))) throw portalErrors.unknownDocument();
};

const saveSettings = async (deps: PublishDeps, tx: Db, cooperationId: string, tenantId: string, pub: PublicationRow | undefined, body: PublicationBody) => {
  if (body.rowVersion !== undefined && pub && pub.rowVersion !== body.rowVersion) throw portalErrors.staleVersion();
  const publicDocumentIds = [...new Set(body.publicDocumentIds ?? pub?.publicDocumentIds ?? [])];
  await checkDocuments(tx, cooperationId, publicDocumentIds);
  const now = deps.clock.now();
  const row = {
    cooperationId,
    tenantId,
    status: 'PUBLISHED' as const,
    visibility: mergeVisibility(pub?.visibility ?? DEFAULT_VISIBILITY, body.visibility),
    publicDocumentIds,
    firstPublishedAt: pub?.firstPublishedAt ?? now,
    updatedAt: now,
    rowVersion: pub?.rowVersion ?? 1,
  };
  await repo.savePublication(tx, row);

  return (await repo.findPublication(tx, cooperationId))!;
};

/** Publishes (or re-publishes after a withdrawal, or re-saves) a cooperation with its visibility and public documents. */
export const publish = (deps: PublishDeps, cooperationId: string, body: PublicationBody) =>
  withPublication(deps, cooperationId, async (tx, c, pub) => {
    if (!isPublishable(c)) throw portalErrors.notPublishable({ state: c.state });
    const saved = await saveSettings(deps, tx, cooperationId, c.tenantId, pub, body);
    const result = await releaseIfChanged({ tx, clock: deps.clock, settings: deps.settings, publication: saved });
    await audit(deps, tx, c.tenantId, cooperationId, 'portal.publish', { visibility: saved.visibility, publicDocumentIds: saved.publicDocumentIds, release: releaseFacts(result) });

    return { publication: saved, release: result.release };
  });

/** Changes what is public of a published cooperation; a new release only if the public snapshot changed. */
export const updateVisibility = (deps: PublishDeps, cooperationId: string, body: PublicationBody) =>
  withPublication(deps, cooperationId, async (tx, c, pub) => {
    if (pub?.status !== 'PUBLISHED') throw portalErrors.notPublished();
    const saved = await saveSettings(deps, tx, cooperationId, c.tenantId, pub, body);
    const result = await releaseIfChanged({ tx, clock: deps.clock, settings: deps.settings, publication: saved });
    await audit(deps, tx, c.tenantId, cooperationId, 'portal.visibility', { visibility: saved.visibility, publicDocumentIds: saved.publicDocumentIds, release: releaseFacts(result) });

    return { publication: saved, release: result.release };
  });

/** "Perbarui rilis": the secretariat asks for a release now instead of waiting for the hourly refresh. */
export const refreshRelease = (deps: PublishDeps, cooperationId: string) =>
  withPublication(deps, cooperationId, async (tx, c, pub) => {
    if (pub?.status !== 'PUBLISHED') throw portalErrors.notPublished();
    const result = await releaseIfChanged({ tx, clock: deps.clock, settings: deps.settings, publication: pub });
    if (result.appended) await audit(deps, tx, c.tenantId, cooperationId, 'portal.refresh', { release: releaseFacts(result) });

    return { publication: pub, release: result.release };
  });

/** Takes a cooperation off the portal: a withdrawal release, the projection removed, earlier releases kept. */
export const withdraw = (deps: PublishDeps, cooperationId: string, reason: string) =>
  withPublication(deps, cooperationId, async (tx, c, pub) => {
    const latest = await repo.latestRelease(tx, cooperationId);
    if (pub?.status !== 'PUBLISHED' || !latest) throw portalErrors.notPublished();
    await repo.savePublication(tx, { ...pub, status: 'WITHDRAWN', updatedAt: deps.clock.now() });
    const release = await appendWithdrawal({ tx, clock: deps.clock, cooperationId, latest });
    await audit(deps, tx, c.tenantId, cooperationId, 'portal.withdraw', { reason, release: { sequence: release.sequence, tag: release.tag } });

    return { publication: (await repo.findPublication(tx, cooperationId))!, release };
  });

/**
 * The hourly job: every published cooperation is rebuilt from its sources, one transaction each,
 * and gains a release only when what the public would see changed (progress, an approved update,
 * the "tidak aktif" flag, a state change).
 */
export const refreshAllReleases = async ({ db, clock, settings }: { db: Db; clock: Clock; settings: ReleaseSettings }) => {
  let appended = 0;
  const ids = await repo.publishedIds(db);
  for (const id of ids) {
    const added = await db.transaction(async (tx) => {
      const pub = await repo.findPublication(tx, id, true);
      if (pub?.status !== 'PUBLISHED') return false;
      const result = await releaseIfChanged({ tx, clock, settings, publication: pub });
      if (result.appended)
        await recordAudit({ tx, clock, context: SYSTEM_AUDIT_CONTEXT, entry: { action: 'portal.refresh', entityType: 'portal_publication', entityId: id, tenantId: pub.tenantId, diff: { release: releaseFacts(result) } } });

      return result.appended;
    });
    if (added) appended++;
  }

  return { checked: ids.length, appended };
};
