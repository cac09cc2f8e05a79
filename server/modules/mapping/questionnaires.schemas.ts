import { z } from '@hono/zod-openapi';
import { DefinitionSchema } from './questionnaires.models.js';

export const QuestionnaireParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const content = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  definition: DefinitionSchema.openapi({ description: 'Ordered sections of ordered questions (ids are the keys answers are stored under)' }),
};

export const QuestionnaireCreateSchema = z
  .strictObject({ ...content, tenantId: z.uuid().optional().openapi({ description: 'The pemda; defaults to the one the actor runs the mapping for' }) })
  .openapi('MappingQuestionnaireCreate');
export type QuestionnaireCreateInput = z.infer<typeof QuestionnaireCreateSchema>;

export const QuestionnaireUpdateSchema = z
  .strictObject({ ...content, expectedVersion: z.number().int().positive().openapi({ description: 'The rowVersion the change is based on' }) })
  .openapi('MappingQuestionnaireUpdate', { description: 'Edits the latest version in place while nobody has answered it; otherwise saves the edit as the next version' });
export type QuestionnaireUpdateInput = z.infer<typeof QuestionnaireUpdateSchema>;

export const QuestionnaireSchema = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    familyId: z.uuid(),
    version: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    definition: DefinitionSchema,
    isDefault: z.boolean(),
    answerCount: z.number().int(),
    frozen: z.boolean().openapi({ description: 'Answers exist for this version: an edit makes a new version' }),
    latest: z.boolean(),
    versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), createdAt: z.string() })),
    rowVersion: z.number().int(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  })
  .openapi('MappingQuestionnaire');
export type QuestionnaireDto = z.infer<typeof QuestionnaireSchema>;

export const QuestionnaireListSchema = z
  .object({
    items: z.array(z.object({ id: z.uuid(), familyId: z.uuid(), version: z.number().int(), title: z.string(), isDefault: z.boolean(), updatedAt: z.string() })),
    canCreate: z.boolean(),
  })
  .openapi('MappingQuestionnaireList');
export type QuestionnaireListDto = z.infer<typeof QuestionnaireListSchema>;
