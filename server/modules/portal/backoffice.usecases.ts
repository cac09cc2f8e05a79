import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { loadPublicationSource, loadVisibleCooperation } from '../cooperations/index.js';
import { publishableDocuments } from './portal.models.js';
import { canPublish, DEFAULT_VISIBILITY, isPublishable } from './portal.policy.js';
import * as repo from './portal.repository.js';
import type { PublicationView, ReleaseListItem } from './backoffice.schemas.js';

/** The "Publikasi" panel of a cooperation: status, choices, the tickable documents, who may act. Readers of the cooperation see it. */
export const getPublicationView = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<PublicationView> => {
  const c = await loadVisibleCooperation({ db, actor, id });
  const [pub, source, latest] = await Promise.all([repo.findPublication(db, id), loadPublicationSource(db, id), repo.latestRelease(db, id)]);
  const ticked = new Set(pub?.publicDocumentIds ?? []);

  return {
    cooperationId: id,
    status: pub?.status ?? 'UNPUBLISHED',
    visibility: pub?.visibility ?? DEFAULT_VISIBILITY,
    publicDocumentIds: [...ticked],
    firstPublishedAt: pub?.firstPublishedAt.toISOString() ?? null,
    updatedAt: pub?.updatedAt.toISOString() ?? null,
    rowVersion: pub?.rowVersion ?? 0,
    publishable: isPublishable(c),
    canPublish: canPublish(actor, c.tenantId),
    documents: (source ? publishableDocuments(source) : []).map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      version: d.version,
      status: d.status,
      signedAt: d.signedAt,
      mediaType: d.mediaType!,
      size: d.size ?? 0,
      public: ticked.has(d.id),
    })),
    latestRelease: latest ? { sequence: latest.sequence, tag: latest.tag, date: latest.releasedAt.toISOString() } : null,
    publicPath: `/api/public/cooperations/${id}`,
  };
};

/** The release history as the back office lists it (dates, sequence, tag, hash); the snapshots are on the public route. */
export const listPublicationReleases = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<{ items: ReleaseListItem[] }> => {
  await loadVisibleCooperation({ db, actor, id });

  return {
    items: (await repo.releasesOf(db, id)).map((r) => ({ id: r.id, ocid: r.ocid, sequence: r.sequence, tag: r.tag, date: r.releasedAt.toISOString(), snapshotHash: r.snapshotHash })),
  };
};
