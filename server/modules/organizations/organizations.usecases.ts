import type { Db } from '../../platform/db/database.js';
import { commonErrors } from '../../platform/http/errors.js';
import * as repo from './organizations.repository.js';

/** The few facts other modules need about an organisation. */
export const getOrganizationSummary = async ({ db, id }: { db: Db; id: string }) => {
  const org = await repo.findOrganization(db, id);
  if (!org) throw commonErrors.notFound();

  return { id: org.id, name: org.name, type: org.type, tenantId: org.tenantId, regionCode: org.regionCode };
};
