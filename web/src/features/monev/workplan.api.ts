import { api, unwrap, type Schemas } from '../../lib/api';

export type WorkPlan = Schemas['WorkPlan'];
export type Activity = Schemas['WorkPlanActivity'];
export type Obligation = Schemas['WorkPlanObligation'];
export type Milestone = Schemas['WorkPlanMilestone'];
export type ActivityInput = Schemas['WorkPlanActivityCreate'];
export type ObligationInput = Schemas['WorkPlanObligationCreate'];
export type MilestoneInput = Schemas['WorkPlanMilestoneCreate'];

export const ACTIVITY_STATUSES: Activity['status'][] = ['DIRENCANAKAN', 'BERJALAN', 'SELESAI', 'TERTUNDA', 'DIBATALKAN'];
export const OBLIGATION_STATUSES: Obligation['status'][] = ['BELUM_JATUH_TEMPO', 'DIPENUHI', 'SEBAGIAN', 'TIDAK_DIPENUHI'];
export const MILESTONE_STATUSES: Milestone['status'][] = ['TERJADWAL', 'TERCAPAI', 'TIDAK_TERCAPAI', 'TERCAPAI_SEBAGIAN'];

export const workPlanKey = (id: string) => ['cooperations', 'work-plan', id] as const;

export const fetchWorkPlan = (id: string) => unwrap(api.GET('/api/cooperations/{id}/work-plan', { params: { path: { id } } }));

export const createActivity = (id: string, body: ActivityInput) => unwrap(api.POST('/api/cooperations/{id}/activities', { params: { path: { id } }, body }));
export const updateActivity = (id: string, activityId: string, body: Schemas['WorkPlanActivityUpdate']) =>
  unwrap(api.PATCH('/api/cooperations/{id}/activities/{activityId}', { params: { path: { id, activityId } }, body }));
export const deleteActivity = (id: string, activityId: string) => unwrap(api.DELETE('/api/cooperations/{id}/activities/{activityId}', { params: { path: { id, activityId } } }));

export const createObligation = (id: string, body: ObligationInput) => unwrap(api.POST('/api/cooperations/{id}/obligations', { params: { path: { id } }, body }));
export const updateObligation = (id: string, obligationId: string, body: Schemas['WorkPlanObligationUpdate']) =>
  unwrap(api.PATCH('/api/cooperations/{id}/obligations/{obligationId}', { params: { path: { id, obligationId } }, body }));
export const deleteObligation = (id: string, obligationId: string) =>
  unwrap(api.DELETE('/api/cooperations/{id}/obligations/{obligationId}', { params: { path: { id, obligationId } } }));

export const createMilestone = (id: string, body: MilestoneInput) => unwrap(api.POST('/api/cooperations/{id}/milestones', { params: { path: { id } }, body }));
export const updateMilestone = (id: string, milestoneId: string, body: Schemas['WorkPlanMilestoneUpdate']) =>
  unwrap(api.PATCH('/api/cooperations/{id}/milestones/{milestoneId}', { params: { path: { id, milestoneId } }, body }));
export const deleteMilestone = (id: string, milestoneId: string) =>
  unwrap(api.DELETE('/api/cooperations/{id}/milestones/{milestoneId}', { params: { path: { id, milestoneId } } }));
