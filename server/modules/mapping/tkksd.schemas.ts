import { z } from '@hono/zod-openapi';
import { POSITIONS } from './tkksd.tables.js';

/** Shared by the TKKSD and liaison routes: a day, a decree, a person, an end, a hand-over. */
export const day = z.iso.date().openapi({ example: '2026-01-01' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const decree = {
  decreeNumber: text(120).openapi({ example: '100.3.3.2/12/2026', description: 'Nomor SK (Keputusan Kepala Daerah or of the OPD head)' }),
  decreeDate: day.openapi({ description: 'Tanggal SK' }),
  decreeFileId: z.uuid().nullable().optional().openapi({ description: 'The signed decree, uploaded via POST /api/files by the pemda' }),
};

export const person = {
  userId: z.uuid().nullable().optional().openapi({ description: 'A user of the pemda; their role assignment then follows the appointment' }),
  personName: z.string().trim().max(200).nullable().optional().openapi({ description: 'Name of someone without an account (ignored with userId)' }),
  personTitle: z.string().trim().max(200).nullable().optional().openapi({ example: 'Sekretaris Daerah', description: 'Jabatan' }),
};

export const term = { validFrom: day, validTo: day.nullable().optional().openapi({ description: 'Last day; omitted or null until ended' }) };

export const PeriodParamSchema = z.strictObject({ periodId: z.uuid().openapi({ param: { name: 'periodId', in: 'path' } }) });
export const MemberParamSchema = z.strictObject({ memberId: z.uuid().openapi({ param: { name: 'memberId', in: 'path' } }) });

export const PeriodCreateSchema = z
  .strictObject({ title: text(300).openapi({ example: 'Pembentukan Tim Koordinasi Kerja Sama Daerah Kabupaten Jayawijaya Tahun 2026' }), ...decree, ...term })
  .openapi('TkksdPeriodCreate', { description: 'A decree period of the TKKSD; periods of one pemda may not overlap' });
export type PeriodCreateInput = z.infer<typeof PeriodCreateSchema>;

export const MemberCreateSchema = z
  .strictObject({
    position: z.enum(POSITIONS),
    ...person,
    orgId: z.uuid().openapi({ description: 'The OPD or unit of the pemda the member represents' }),
    validFrom: day.optional().openapi({ description: 'Defaults to the start of the period' }),
    validTo: day.nullable().optional().openapi({ description: 'Defaults to the end of the period' }),
  })
  .openapi('TkksdMemberCreate');
export type MemberCreateInput = z.infer<typeof MemberCreateSchema>;

export const EndSchema = z
  .strictObject({ endDate: day.openapi({ description: 'The last day of the appointment' }), reason: z.string().trim().max(500).nullable().optional() })
  .openapi('AppointmentEnd');
export type EndInput = z.infer<typeof EndSchema>;

export const HandOverSchema = z
  .strictObject({
    endDate: day.openapi({ description: 'The last day of the departing person' }),
    successorUserId: z.uuid().openapi({ description: 'An active user of the pemda who takes over the open items' }),
    appointSuccessor: z.boolean().default(false).openapi({ description: 'Also appoint the successor to the same position from the next day until the end of the term' }),
    reason: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('AppointmentHandOver');
export type HandOverInput = z.infer<typeof HandOverSchema>;

const appointment = {
  id: z.uuid(),
  personName: z.string(),
  personTitle: z.string().nullable(),
  hasAccount: z.boolean().openapi({ description: 'Whether a user account holds it (and the matching role)' }),
  userId: z.uuid().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  active: z.boolean().openapi({ description: 'Valid today' }),
  endedReason: z.string().nullable(),
};

export const MemberSchema = z
  .object({ ...appointment, periodId: z.uuid(), position: z.enum(POSITIONS), org: z.object({ id: z.uuid(), name: z.string() }) })
  .openapi('TkksdMember');
export type MemberDto = z.infer<typeof MemberSchema>;

export const PeriodSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    decreeNumber: z.string(),
    decreeDate: z.string(),
    decreeFileId: z.uuid().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    current: z.boolean().openapi({ description: 'The period valid today' }),
    members: z.array(MemberSchema).openapi({ description: 'Ketua first, then wakil ketua, sekretaris and anggota' }),
  })
  .openapi('TkksdPeriod');
export type PeriodDto = z.infer<typeof PeriodSchema>;

export const UnitSchema = z.object({ id: z.uuid(), name: z.string(), type: z.string() });

export const TeamSchema = z
  .object({
    tenant: z.object({ id: z.uuid(), name: z.string() }),
    today: z.string(),
    current: PeriodSchema.nullable(),
    periods: z.array(PeriodSchema).openapi({ description: 'Every period, newest first' }),
    units: z.array(UnitSchema).openapi({ description: 'The pemda and its units, for choosing what a member represents' }),
    minLiaisonsPerOpd: z.number().int(),
    liaisonWarnings: z.number().int().openapi({ description: 'OPD with fewer active liaisons today than the rule pack’s minimum' }),
    canManage: z.boolean(),
  })
  .openapi('TkksdTeam');
export type TeamDto = z.infer<typeof TeamSchema>;

export const HandOverResultSchema = z
  .object({
    endedId: z.uuid(),
    successor: z.object({ id: z.uuid(), name: z.string() }),
    successorAppointmentId: z.uuid().nullable(),
    moved: z.object({ progressUpdates: z.number().int(), periodicReports: z.number().int() }).openapi({ description: 'Open items moved to the successor, per kind' }),
  })
  .openapi('AppointmentHandOverResult');
export type HandOverResultDto = z.infer<typeof HandOverResultSchema>;

export { appointment as appointmentShape };
