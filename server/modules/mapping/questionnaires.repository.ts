import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { mappingAnswer as answer } from './answers.tables.js';
import { mappingQuestionnaire as questionnaire, type QuestionnaireRow } from './questionnaires.tables.js';

/** The only SQL of questionnaires. Lookups are scoped to a pemda, so another pemda's id is simply absent. */

export const insertQuestionnaire = async (db: Db, row: typeof questionnaire.$inferInsert): Promise<QuestionnaireRow> => (await db.insert(questionnaire).values(row).returning())[0]!;

export const findQuestionnaire = async (db: Db, id: string, lock = false): Promise<QuestionnaireRow | undefined> => {
  const q = db.select().from(questionnaire).where(eq(questionnaire.id, id)).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

/** The latest version of every questionnaire of the pemda, newest first. */
export const latestOfTenant = (db: Db, tenantId: string): Promise<QuestionnaireRow[]> =>
  db
    .select()
    .from(questionnaire)
    .where(
      and(
        eq(questionnaire.tenantId, tenantId),
        sql`${questionnaire.version} = (SELECT max(q2.version) FROM mapping_questionnaire q2 WHERE q2.family_id = ${questionnaire.familyId})`,
      ),
    )
    .orderBy(desc(questionnaire.updatedAt), asc(questionnaire.title));

export const latestVersion = async (db: Db, familyId: string) =>
  (await db.select({ v: sql<number>`coalesce(max(${questionnaire.version}), 0)`.mapWith(Number) }).from(questionnaire).where(eq(questionnaire.familyId, familyId)))[0]?.v ?? 0;

export const versionsOf = (db: Db, familyId: string) =>
  db.select({ id: questionnaire.id, version: questionnaire.version, createdAt: questionnaire.createdAt }).from(questionnaire).where(eq(questionnaire.familyId, familyId)).orderBy(desc(questionnaire.version));

/** The pemda's default mapping questionnaire (its latest version), if it has one. */
export const defaultOfTenant = async (db: Db, tenantId: string) => (await latestOfTenant(db, tenantId)).find((q) => q.isDefault);

/** A version is frozen as soon as any OPD has answered it (even a draft). */
export const answerCount = async (db: Db, questionnaireId: string) =>
  (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(answer).where(eq(answer.questionnaireId, questionnaireId)))[0]?.n ?? 0;

export const updateQuestionnaire = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof questionnaire.$inferInsert>) =>
  (
    await db
      .update(questionnaire)
      .set({ ...patch, rowVersion: sql`${questionnaire.rowVersion} + 1` })
      .where(and(eq(questionnaire.id, id), eq(questionnaire.rowVersion, expectedVersion)))
      .returning()
  )[0];
