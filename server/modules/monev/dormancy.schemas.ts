import { z } from '@hono/zod-openapi';

const day = z.iso.date();

const StepSchema = z
  .strictObject({
    step: z.number().int().min(0).openapi({ description: '0-based position on the rule pack ladder' }),
    role: z.string().openapi({ example: 'PPKSD' }),
    notifiedAt: z.iso.datetime(),
    skipped: z.boolean().openapi({ description: 'Reached while no run was made (a late run told only the highest step)' }),
    recipients: z.number().int().min(0),
  })
  .openapi('DormancyStep');

export const DormancySchema = z
  .strictObject({
    dormant: z.boolean().openapi({ description: '"Tidak aktif": in force and not monitored for dormantAfterMonths' }),
    dormantAfterMonths: z.number().int(),
    quietSince: day.openapi({ description: 'Last monitoring (WIB day), or signing before any' }),
    dormantSince: day.nullable().openapi({ description: 'Start of the current escalation episode' }),
    everyDays: z.number().int(),
    ladder: z.array(z.string()).openapi({ description: 'Roles told step by step (rule pack)' }),
    currentStep: z.strictObject({ step: z.number().int(), role: z.string(), notifiedAt: z.iso.datetime() }).nullable(),
    nextStep: z.strictObject({ step: z.number().int(), role: z.string(), on: day }).nullable(),
    steps: z.array(StepSchema),
  })
  .openapi('Dormancy');
