import { z } from '@hono/zod-openapi';
import { appointmentShape, decree, person, term } from './tkksd.schemas.js';

export const LiaisonParamSchema = z.strictObject({ liaisonId: z.uuid().openapi({ param: { name: 'liaisonId', in: 'path' } }) });

export const LiaisonCreateSchema = z
  .strictObject({ opdId: z.uuid().openapi({ description: 'The OPD the liaison serves' }), ...person, ...decree, ...term })
  .openapi('LiaisonCreate', { description: 'Appoints a liaison (PPKSD / PIC) of an OPD by decree for a period' });
export type LiaisonCreateInput = z.infer<typeof LiaisonCreateSchema>;

export const LiaisonSchema = z
  .object({ ...appointmentShape, opdId: z.uuid(), decreeNumber: z.string(), decreeDate: z.string(), decreeFileId: z.uuid().nullable() })
  .openapi('Liaison');
export type LiaisonDto = z.infer<typeof LiaisonSchema>;

export const LiaisonListSchema = z
  .object({
    today: z.string(),
    minLiaisonsPerOpd: z.number().int().openapi({ description: 'From the rule pack in force today' }),
    warnings: z.number().int().openapi({ description: 'OPD below the minimum' }),
    opds: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        activeCount: z.number().int(),
        belowMinimum: z.boolean(),
        liaisons: z.array(LiaisonSchema).openapi({ description: 'Active, future and past appointments' }),
      }),
    ),
    canManage: z.boolean(),
  })
  .openapi('LiaisonList');
export type LiaisonListDto = z.infer<typeof LiaisonListSchema>;
