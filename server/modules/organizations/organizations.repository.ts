import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organization } from './organizations.tables.js';

export const findOrganization = async (db: Db, id: string) => (await db.select().from(organization).where(eq(organization.id, id)))[0];

export const insertOrganization = async (db: Db, row: typeof organization.$inferInsert) =>
  (await db.insert(organization).values(row).returning())[0]!;
