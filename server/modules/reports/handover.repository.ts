import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { periodicReport as report } from './reports.tables.js';

/**
 * A departing person's open periodic reports of a pemda (a draft they generated, one they
 * submitted that still waits or came back) move to their successor, who is told when it is
 * returned or accepted. Accepted reports keep who did them. Runs inside the caller's transaction.
 */
export const reassignOpenReports = async (tx: Db, { tenantId, fromUserId, toUserId }: { tenantId: string; fromUserId: string; toUserId: string }) => {
  const open = and(eq(report.tenantId, tenantId), inArray(report.status, ['DRAFT', 'SUBMITTED', 'RETURNED']), or(eq(report.generatedBy, fromUserId), eq(report.submittedBy, fromUserId)));
  const moved = await tx
    .update(report)
    .set({
      generatedBy: sql`CASE WHEN ${report.generatedBy} = ${fromUserId} THEN ${toUserId}::uuid ELSE ${report.generatedBy} END`,
      submittedBy: sql`CASE WHEN ${report.submittedBy} = ${fromUserId} THEN ${toUserId}::uuid ELSE ${report.submittedBy} END`,
      rowVersion: sql`${report.rowVersion} + 1`,
    })
    .where(open)
    .returning({ id: report.id });

  return { periodicReports: moved.map((m) => m.id) };
};
