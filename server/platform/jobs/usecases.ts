import type { Db } from '../db/database.js';
import type { Actor } from '../http/context.js';
import { commonErrors } from '../http/errors.js';
import { listRecentJobs, type JobStatus } from './queue.js';

/**
 * Recent jobs for operators. The queue is shared by every tenant, so only a platform admin sees
 * it, whatever permissions a role may carry.
 */
export const listJobsForAdmin = async ({ db, actor, input }: { db: Db; actor: Actor; input: { status?: JobStatus | undefined; limit: number } }) => {
  if (!actor.scope.platformAdmin) throw commonErrors.forbidden();

  return listRecentJobs(db, input);
};
