import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { cooperationComment, cooperationEvent, savedFilter } from './cooperations.tables.js';

const visibleTo = (column: typeof cooperationEvent.privateTenantId | typeof cooperationComment.privateTenantId, own: readonly string[]) =>
  own.length ? or(isNull(column), inArray(column, [...own])) : isNull(column);

/** Events and comments of a cooperation in time order; private ones only for their own pemda or partner. */
export const listEvents = (db: Db, cooperationId: string, own: readonly string[]) =>
  db
    .select()
    .from(cooperationEvent)
    .where(and(eq(cooperationEvent.cooperationId, cooperationId), visibleTo(cooperationEvent.privateTenantId, own)))
    .orderBy(asc(cooperationEvent.at), asc(cooperationEvent.seq));

export const listComments = (db: Db, cooperationId: string, own: readonly string[]) =>
  db
    .select()
    .from(cooperationComment)
    .where(and(eq(cooperationComment.cooperationId, cooperationId), visibleTo(cooperationComment.privateTenantId, own)))
    .orderBy(asc(cooperationComment.createdAt), asc(cooperationComment.seq));

export const insertComment = async (db: Db, row: typeof cooperationComment.$inferInsert) => (await db.insert(cooperationComment).values(row).returning())[0]!;

export const listSavedFilters = (db: Db, userId: string) =>
  db.select().from(savedFilter).where(eq(savedFilter.userId, userId)).orderBy(asc(sql`lower(${savedFilter.name})`));

export const findSavedFilterByName = async (db: Db, userId: string, name: string) =>
  (await db.select().from(savedFilter).where(and(eq(savedFilter.userId, userId), sql`lower(${savedFilter.name}) = lower(${name})`)))[0];

export const insertSavedFilter = async (db: Db, row: typeof savedFilter.$inferInsert) => (await db.insert(savedFilter).values(row).returning())[0]!;

export const deleteSavedFilter = async (db: Db, userId: string, id: string) =>
  (await db.delete(savedFilter).where(and(eq(savedFilter.userId, userId), eq(savedFilter.id, id))).returning({ id: savedFilter.id })).length;

