import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevProgressUpdate } from './updates.tables.js';

export type HandOver = { tenantId: string; fromUserId: string; to: { id: string; name: string; orgId: string } };

/**
 * A departing person's open progress updates (drafts, ones waiting for review, ones returned to
 * them) move to their successor, who reworks and hears about them from now on. Approved and
 * superseded ones are the record and keep their author. The version moves on, so a form still
 * open on the old author's screen cannot save over it. Runs inside the caller's transaction.
 */
export const reassignOpenItems = async (tx: Db, { tenantId, fromUserId, to }: HandOver) => {
  const moved = await tx
    .update(monevProgressUpdate)
    .set({ authorId: to.id, authorName: to.name, authorOrgId: to.orgId, rowVersion: sql`${monevProgressUpdate.rowVersion} + 1` })
    .where(and(eq(monevProgressUpdate.tenantId, tenantId), eq(monevProgressUpdate.authorId, fromUserId), inArray(monevProgressUpdate.status, ['DRAFT', 'SUBMITTED', 'RETURNED'])))
    .returning({ id: monevProgressUpdate.id });

  return { progressUpdates: moved.map((m) => m.id) };
};
