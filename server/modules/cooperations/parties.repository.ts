import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';

/** The facts about party organisations and OPDs a cooperation needs (read-only join on tenancy data). */
export const orgFacts = async (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db
        .select({
          id: organization.id,
          type: organization.type,
          name: organization.name,
          tenantId: organization.tenantId,
          regionCode: organization.regionCode,
          active: organization.active,
        })
        .from(organization)
        .where(inArray(organization.id, [...ids]));
