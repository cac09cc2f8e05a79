import { api, unwrap, type Schemas } from '../../lib/api';

export type Team = Schemas['TkksdTeam'];
export type Period = NonNullable<Schemas['TkksdPeriod']>;
export type Member = Schemas['TkksdMember'];
export type LiaisonList = Schemas['LiaisonList'];
export type Liaison = Schemas['Liaison'];
export type Position = Member['position'];
export const POSITIONS: readonly Position[] = ['KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'ANGGOTA'];

export const teamKey = ['tkksd'] as const;
export const liaisonsKey = ['tkksd', 'liaisons'] as const;
export const pemdaUsersKey = ['tkksd', 'users'] as const;

export const fetchTeam = () => unwrap(api.GET('/api/tkksd'));
export const fetchLiaisons = () => unwrap(api.GET('/api/liaisons'));
/** Active people of the reader's pemda, for choosing a member, liaison or successor. */
export const fetchPemdaUsers = () => unwrap(api.GET('/api/users', { params: { query: { status: 'ACTIVE', limit: 100, offset: 0 } } }));

export const createPeriod = (body: Schemas['TkksdPeriodCreate']) => unwrap(api.POST('/api/tkksd/periods', { body }));
export const createMember = (periodId: string, body: Schemas['TkksdMemberCreate']) => unwrap(api.POST('/api/tkksd/periods/{periodId}/members', { params: { path: { periodId } }, body }));
export const appointLiaison = (body: Schemas['LiaisonCreate']) => unwrap(api.POST('/api/liaisons', { body }));
export const endAppointment = (kind: 'member' | 'liaison', id: string, body: Schemas['AppointmentEnd']) =>
  kind === 'member'
    ? unwrap(api.POST('/api/tkksd/members/{memberId}/end', { params: { path: { memberId: id } }, body }))
    : unwrap(api.POST('/api/liaisons/{liaisonId}/end', { params: { path: { liaisonId: id } }, body }));
export const handOver = (kind: 'member' | 'liaison', id: string, body: Schemas['AppointmentHandOver']) =>
  kind === 'member'
    ? unwrap(api.POST('/api/tkksd/members/{memberId}/handover', { params: { path: { memberId: id } }, body }))
    : unwrap(api.POST('/api/liaisons/{liaisonId}/handover', { params: { path: { liaisonId: id } }, body }));
