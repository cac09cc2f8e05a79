import { z } from '@hono/zod-openapi';
import { DASHBOARD_LEVELS } from './dashboards.models.js';

const KAB_KOTA_OR_PROVINCE = /^\d{2}(\.\d{2})?$/;

export const DashboardQuerySchema = z
  .strictObject({
    scope: z.enum(DASHBOARD_LEVELS).optional().openapi({ description: "pemda, province or nation; default: the caller's natural scope" }),
    region: z
      .string()
      .regex(KAB_KOTA_OR_PROVINCE)
      .optional()
      .openapi({ example: '63.06', description: 'Province code ("63") for scope=province, pemda region code ("63.06" or "63") for scope=pemda; not with scope=nation' }),
  })
  .superRefine((q, ctx) => {
    if (q.region === undefined) return;
    const issue = (path: string, code: string, id: string, en: string) => ctx.addIssue({ code: 'custom', path: [path], message: en, params: { code, id, en } });
    if (q.scope === 'nation') issue('region', 'region_not_allowed', 'Cakupan nasional tidak memakai wilayah.', 'The national scope takes no region.');
    if (q.scope === 'province' && q.region.includes('.')) issue('region', 'not_a_province', 'Kode provinsi terdiri dari dua angka, mis. 63.', 'A province code has two digits, e.g. 63.');
    if (q.scope === undefined) issue('scope', 'scope_required', 'Sebutkan cakupan wilayah ini (pemda atau province).', 'Name the scope of this region (pemda or province).');
  });
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

const count = z.number().int().nonnegative();
const amount = z.string().openapi({ example: '1500000.00', description: 'Exact IDR amount, as a string' });
const bucket = z.object({ key: z.string(), count });
const place = z.object({ code: z.string(), name: z.string() });
const listItem = z.object({ id: z.uuid(), code: z.string(), title: z.string(), date: z.string().openapi({ example: '2026-05-31' }) });

export const DashboardSchema = z
  .object({
    scope: z.object({
      level: z.enum(DASHBOARD_LEVELS),
      region: z.string().nullable().openapi({ description: 'Province or pemda region code; null for the nation' }),
      name: z.string().nullable().openapi({ description: 'Province or pemda name; null for the nation' }),
    }),
    choices: z
      .object({ nation: z.boolean(), provinces: z.array(place), pemda: z.array(place) })
      .openapi({ description: 'Scopes the caller may switch to (pemda: only their own; Kemendagri may also ask for any pemda by region)' }),
    today: z.string().openapi({ description: 'The Jakarta calendar day the figures are computed for' }),
    expiringWithinDays: count,
    figures: z.object({
      total: count,
      inForce: count.openapi({ description: 'BERLAKU, DIADENDUM or SENGKETA' }),
      inProcess: count.openapi({ description: 'Not yet signed and not rejected or cancelled' }),
      ended: count.openapi({ description: 'BERAKHIR or DIAKHIRI' }),
      dormant: count.openapi({ description: "In force and not monitored for the owner's rule-pack dormantAfterMonths" }),
      expiring: count.openapi({ description: 'In force and ending within expiringWithinDays' }),
      meanProgress: z.number().nullable().openapi({ description: 'Mean progress (0–100) of those in force; null when none' }),
      budget: amount.openapi({ description: 'Sum of the work-plan activity budgets' }),
      realisation: amount.openapi({ description: 'Sum of the work-plan activity realisations' }),
      indicators: count,
      indicatorsAchieved: count.openapi({ description: "Indicators whose latest period's actual reached the period target" }),
    }),
    byUrusan: z.array(bucket.extend({ name: z.string().nullable() })).openapi({ description: 'A cooperation counts once under each of its urusan' }),
    byKind: z.array(bucket),
    byState: z.array(bucket),
    byYear: z.array(bucket).openapi({ description: 'Year the cooperation was signed, or created when not signed (Jakarta time)' }),
    expiringSoon: z.array(listItem).openapi({ description: 'The soonest-ending in force; date = end date' }),
    longestDormant: z.array(listItem).openapi({ description: 'Dormant the longest; date = last monitored, else signed' }),
  })
  .openapi('Dashboard');
export type Dashboard = z.infer<typeof DashboardSchema>;
