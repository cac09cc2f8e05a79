import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { isDormant, jakartaDay, loadPublicationSource, rulesForTenant } from '../cooperations/index.js';
import { loadPublicMonev } from '../monev/index.js';
import { buildSnapshot, entryOf, ocidOf, snapshotHash } from './portal.models.js';
import * as repo from './portal.repository.js';
import type { PublicationRow, ReleaseRow } from './portal.tables.js';

export type ReleaseSettings = { ocidPrefix: string };

/**
 * Rebuilds the snapshot of a published cooperation from its sources and appends a release only
 * when its canonical hash differs from the newest release (a publication after a withdrawal or
 * the first one, an update otherwise). The current projection follows the new release. Runs
 * inside the caller's transaction.
 */
export const releaseIfChanged = async ({ tx, clock, settings, publication }: { tx: Db; clock: Clock; settings: ReleaseSettings; publication: PublicationRow }) => {
  const now = clock.now();
  const source = await loadPublicationSource(tx, publication.cooperationId);
  if (!source) throw new Error(`cooperation ${publication.cooperationId} vanished`);
  const today = jakartaDay(now);
  const [monev, rules] = await Promise.all([loadPublicMonev(tx, source.id), rulesForTenant({ db: tx, tenantId: source.tenantId, onDate: today })]);
  const snapshot = buildSnapshot({
    source,
    monev,
    visibility: publication.visibility,
    publicDocumentIds: publication.publicDocumentIds,
    ocid: ocidOf(settings.ocidPrefix, source.id),
    inactive: isDormant(source, rules.dormantAfterMonths, today),
  });
  const hash = snapshotHash(snapshot);
  const latest = await repo.latestRelease(tx, source.id);
  const live = latest !== undefined && latest.tag !== 'withdrawal';
  if (live && latest.snapshotHash === hash) return { release: latest, appended: false };

  const release = await repo.insertRelease(tx, {
    cooperationId: source.id,
    ocid: snapshot.ocid,
    sequence: (latest?.sequence ?? 0) + 1,
    tag: live ? 'update' : 'publication',
    releasedAt: now,
    snapshot,
    snapshotHash: hash,
  });
  await repo.saveEntry(tx, { cooperationId: source.id, releaseId: release.id, sequence: release.sequence, releasedAt: now, ...entryOf(snapshot) });

  return { release, appended: true };
};

/** The withdrawal release (no snapshot) and the end of the public projection; the history stays. */
export const appendWithdrawal = async ({ tx, clock, cooperationId, latest }: { tx: Db; clock: Clock; cooperationId: string; latest: ReleaseRow }) => {
  const release = await repo.insertRelease(tx, {
    cooperationId,
    ocid: latest.ocid,
    sequence: latest.sequence + 1,
    tag: 'withdrawal',
    releasedAt: clock.now(),
    snapshot: null,
    snapshotHash: snapshotHash(null),
  });
  await repo.deleteEntry(tx, cooperationId);

  return release;
};
