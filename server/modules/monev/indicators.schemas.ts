import { z } from '@hono/zod-openapi';
import { DIRECTIONS, FREQUENCIES } from './indicators.tables.js';

/** An exact decimal sent as a string (up to four decimals), so no float rounds a recorded figure. */
const figure = z.string().trim().regex(/^-?\d{1,14}(\.\d{1,4})?$/).openapi({ example: '12.5', description: 'Exact decimal, as a string' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const CooperationParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const IndicatorParamSchema = CooperationParamSchema.extend({ indicatorId: z.uuid().openapi({ param: { name: 'indicatorId', in: 'path' } }) });

const indicatorFields = {
  activityId: z.uuid().nullable().openapi({ description: 'An activity of the same cooperation the indicator measures; null counts for the cooperation directly' }),
  name: text(300),
  unit: text(60).openapi({ example: 'rumah tangga', description: 'Free text: "km", "rumah tangga", "%"' }),
  baseline: figure,
  target: figure.openapi({ description: 'Not below the baseline when INCREASE, not above it when DECREASE' }),
  direction: z.enum(DIRECTIONS),
  frequency: z.enum(FREQUENCIES).openapi({ description: 'How often a value is recorded; fixes the period labels' }),
  byRegion: z.boolean().openapi({ description: 'Values are recorded per region code' }),
  weight: z.number().positive().max(1000).openapi({ description: 'Share in the roll-up (default 1)' }),
};

export const IndicatorCreateSchema = z
  .strictObject({
    ...indicatorFields,
    activityId: indicatorFields.activityId.optional(),
    direction: indicatorFields.direction.default('INCREASE'),
    frequency: indicatorFields.frequency.default('QUARTERLY'),
    byRegion: indicatorFields.byRegion.default(false),
    weight: indicatorFields.weight.default(1),
  })
  .openapi('IndicatorCreate');
export type IndicatorCreateInput = z.infer<typeof IndicatorCreateSchema>;

export const IndicatorUpdateSchema = z
  .strictObject(indicatorFields)
  .partial()
  .extend({ expectedVersion: z.number().int().positive().openapi({ description: 'The rowVersion the change is based on; a newer one answers 409' }) })
  .openapi('IndicatorUpdate');
export type IndicatorUpdateInput = z.infer<typeof IndicatorUpdateSchema>;

export const IndicatorDeleteQuerySchema = z.strictObject({
  expectedVersion: z.coerce.number().int().positive().openapi({ param: { name: 'expectedVersion', in: 'query' }, description: 'The rowVersion the deletion is based on' }),
});

export const IndicatorValueInputSchema = z
  .strictObject({
    period: text(7).openapi({ example: '2026-Q1', description: '"2026-03", "2026-Q1", "2026-S1" or "2026", matching the frequency' }),
    regionCode: z.string().trim().min(2).max(13).nullable().optional().openapi({ example: '63.06', description: 'Only, and always, when the indicator is broken down by region' }),
    target: figure.nullable().optional().openapi({ description: "The period's own target; empty means the indicator's" }),
    actual: figure,
    note: z.string().trim().max(2000).default(''),
  })
  .openapi('IndicatorValueInput');
export type IndicatorValueInput = z.infer<typeof IndicatorValueInputSchema>;

const IndicatorValueSchema = z
  .object({
    period: z.string(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable().openapi({ description: 'The region\'s name (Kemendagri), for regionCode' }),
    target: z.string().nullable(),
    actual: z.string(),
    note: z.string(),
    achievement: z.number().openapi({ description: '0–100 against the period target (or the indicator target)' }),
    recordedAt: z.string(),
  })
  .openapi('IndicatorValue');

export const IndicatorSchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    activity: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    name: z.string(),
    unit: z.string(),
    baseline: z.string(),
    target: z.string(),
    direction: z.enum(DIRECTIONS),
    frequency: z.enum(FREQUENCIES),
    byRegion: z.boolean(),
    weight: z.number(),
    values: z.array(IndicatorValueSchema).openapi({ description: 'Oldest period first' }),
    latest: z
      .object({ period: z.string(), actual: z.number(), target: z.number(), achievement: z.number() })
      .nullable()
      .openapi({ description: 'The latest period with a value, regions summed; null while nothing is recorded' }),
    rowVersion: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Indicator');
export type IndicatorDto = z.infer<typeof IndicatorSchema>;

export const IndicatorListSchema = z
  .object({
    indicators: z.array(IndicatorSchema),
    rollUp: z.number().nullable().openapi({ description: 'Weighted roll-up 0–100 (indicator → activity → cooperation), one decimal; null while nothing is measured' }),
    canEdit: z.boolean(),
    activities: z.array(z.object({ id: z.uuid(), name: z.string() })).openapi({ description: 'Work plan activities an indicator may be tied to' }),
  })
  .openapi('IndicatorList');
export type IndicatorListDto = z.infer<typeof IndicatorListSchema>;
