import type { Db } from '../../platform/db/database.js';
import { reassignOpenItems } from '../monev/index.js';
import { reassignOpenReports } from '../reports/index.js';
import { checkEnd, failOn, tenantUser, type WriteDeps } from './tkksd.access.js';
import type { FieldProblem } from './tkksd.errors.js';
import { isValidSpan, nextDay, type Span } from './tkksd.models.js';
import type { HandOverInput } from './tkksd.schemas.js';

/**
 * Hand-over, shared by TKKSD members and liaisons: when someone leaves, their appointment ends on a
 * date and what they still "own" moves to a named successor in the same transaction. What a person
 * owns today, found in the code base: progress updates they drafted, sent or got back (monev), and
 * periodic reports they generated or submitted that are not accepted yet (reports). Work-plan
 * activities and obligations are owned by organisations, reminders go to role holders, so those
 * follow the role assignment rather than the person.
 */
export const checkHandOver = async (deps: WriteDeps, tx: Db, tenantId: string, from: Span & { userId: string | null }, input: HandOverInput, onDay: string) => {
  const problems: FieldProblem[] = [];
  if (!from.userId) problems.push({ path: 'successorUserId', code: 'no_account' });
  if (input.successorUserId === from.userId) problems.push({ path: 'successorUserId', code: 'successor_self' });
  const successor = await tenantUser(tx, tenantId, input.successorUserId, 'successorUserId', problems);
  checkEnd(from, input.endDate, onDay, problems);
  const successorSpan: Span = { validFrom: nextDay(input.endDate), validTo: from.validTo };
  if (input.appointSuccessor && !isValidSpan(successorSpan)) problems.push({ path: 'endDate', code: 'no_term_left' });
  failOn(problems, deps.lang);

  return { successor: successor!, fromUserId: from.userId!, successorSpan };
};

/** Moves the open items; the ids go into the audit row, the counts into the answer. */
export const moveOpenItems = async (tx: Db, tenantId: string, fromUserId: string, to: { id: string; name: string; orgId: string }) => {
  const updates = await reassignOpenItems(tx, { tenantId, fromUserId, to });
  const reports = await reassignOpenReports(tx, { tenantId, fromUserId, toUserId: to.id });

  return {
    ids: { ...updates, ...reports },
    counts: { progressUpdates: updates.progressUpdates.length, periodicReports: reports.periodicReports.length },
  };
};
