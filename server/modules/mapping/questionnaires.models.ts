import { z } from '@hono/zod-openapi';

/**
 * A questionnaire definition: ordered sections of ordered questions. Ids are stable keys the
 * answers are stored under, so a later version keeps answers comparable. A repeatable section is
 * answered as a list of items (an OPD lists several potentials or needs); its itemKind and the
 * questions' `maps` make those items machine-readable for the register of potentials.
 */
export const QUESTION_TYPES = ['TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'RUPIAH', 'REGION', 'URUSAN', 'STRATEGIC_ISSUE', 'FILE'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const CHOICE_TYPES: readonly QuestionType[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'];

/** What an item of a repeatable section is, for the register (issue 5 item 4). */
export const ITEM_KINDS = ['POTENSI', 'KEBUTUHAN', 'PERMASALAHAN'] as const;
/** Which register field a question fills. */
export const REGISTER_FIELDS = ['title', 'description', 'urusanCodes', 'issueIds', 'locationCodes', 'candidatePartners', 'expectedBenefit', 'costEstimateIdr', 'kind'] as const;

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _');
const label = z.string().trim().min(1).max(300);

export const QuestionSchema = z
  .strictObject({
    id: key,
    type: z.enum(QUESTION_TYPES),
    label,
    help: z.string().trim().max(1000).optional(),
    required: z.boolean().default(false),
    options: z.array(z.strictObject({ value: key, label })).max(50).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    maps: z.enum(REGISTER_FIELDS).optional(),
  })
  .superRefine((q, ctx) => {
    const choice = CHOICE_TYPES.includes(q.type);
    if (choice && (q.options?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least two options' });
    if (!choice && q.options !== undefined) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must be unique' });
    if ((q.min !== undefined || q.max !== undefined) && q.type !== 'NUMBER') ctx.addIssue({ code: 'custom', path: ['min'], message: 'min and max are for number questions' });
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max below min' });
  });
export type Question = z.infer<typeof QuestionSchema>;

export const SectionSchema = z
  .strictObject({
    id: key,
    title: label,
    description: z.string().trim().max(1000).optional(),
    repeatable: z.boolean().default(false),
    itemKind: z.enum(ITEM_KINDS).optional(),
    maxItems: z.number().int().min(1).max(100).optional(),
    questions: z.array(QuestionSchema).min(1).max(60),
  })
  .superRefine((s, ctx) => {
    if (!s.repeatable && (s.itemKind !== undefined || s.maxItems !== undefined)) ctx.addIssue({ code: 'custom', path: ['repeatable'], message: 'itemKind and maxItems are for repeatable sections' });
  });
export type Section = z.infer<typeof SectionSchema>;

export const DefinitionSchema = z
  .strictObject({ sections: z.array(SectionSchema).min(1).max(30) })
  .superRefine((d, ctx) => {
    const sections = new Set<string>();
    d.sections.forEach((s, i) => {
      if (sections.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: 'duplicate section id' });
      sections.add(s.id);
      // Unique within the section: answers live under section id, item and question id.
      const questions = new Set<string>();
      s.questions.forEach((q, j) => {
        if (questions.has(q.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'questions', j, 'id'], message: 'duplicate question id' });
        questions.add(q.id);
      });
    });
  });
export type Definition = z.infer<typeof DefinitionSchema>;

/** Definitions are equal when their canonical JSON is (an edit that changes nothing makes no version). */
export const sameDefinition = (a: Definition, b: Definition) => JSON.stringify(a) === JSON.stringify(b);
