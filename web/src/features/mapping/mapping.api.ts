import { api, unwrap, type Schemas } from '../../lib/api';

export type Cycle = Schemas['MappingCycle'];
export type CycleList = Schemas['MappingCycleList'];
export type Answer = Schemas['MappingAnswer'];
export type AnswerHistory = Schemas['MappingAnswerHistory'];
export type Questionnaire = Schemas['MappingQuestionnaire'];
export type Definition = Questionnaire['definition'];
export type Section = Definition['sections'][number];
export type Question = Section['questions'][number];
export type Answers = Answer['answers'];
export type CycleAction = NonNullable<Cycle['nextAction']>;

export const cyclesKey = ['mapping', 'cycles'] as const;
export const cycleKey = (id: string) => ['mapping', 'cycle', id] as const;
export const answerKey = (id: string, orgId: string) => ['mapping', 'answer', id, orgId] as const;
export const questionnairesKey = ['mapping', 'questionnaires'] as const;
export const questionnaireKey = (id: string) => ['mapping', 'questionnaire', id] as const;

export const fetchCycles = () => unwrap(api.GET('/api/mapping/cycles', { params: { query: {} } }));
export const fetchCycle = (id: string) => unwrap(api.GET('/api/mapping/cycles/{id}', { params: { path: { id } } }));
export const createCycle = (year: number) => unwrap(api.POST('/api/mapping/cycles', { body: { year } }));
export const updateCycle = (id: string, body: Schemas['MappingCycleUpdate']) => unwrap(api.PATCH('/api/mapping/cycles/{id}', { params: { path: { id } }, body }));
export const advanceCycle = (id: string, body: Schemas['MappingCycleAdvance']) => unwrap(api.POST('/api/mapping/cycles/{id}/advance', { params: { path: { id } }, body }));

const answerPath = (id: string, orgId: string) => ({ params: { path: { id, orgId } } });
export const fetchAnswer = (id: string, orgId: string) => unwrap(api.GET('/api/mapping/cycles/{id}/answers/{orgId}', answerPath(id, orgId)));
export const fetchAnswerHistory = (id: string, orgId: string) => unwrap(api.GET('/api/mapping/cycles/{id}/answers/{orgId}/history', answerPath(id, orgId)));
export const saveAnswer = (id: string, orgId: string, body: Schemas['MappingAnswerSave']) => unwrap(api.PUT('/api/mapping/cycles/{id}/answers/{orgId}', { ...answerPath(id, orgId), body }));
export const returnAnswer = (id: string, orgId: string, body: Schemas['MappingAnswerReturn']) =>
  unwrap(api.POST('/api/mapping/cycles/{id}/answers/{orgId}/return', { ...answerPath(id, orgId), body }));
export const acceptAnswer = (id: string, orgId: string, expectedVersion: number) =>
  unwrap(api.POST('/api/mapping/cycles/{id}/answers/{orgId}/accept', { ...answerPath(id, orgId), body: { expectedVersion } }));
export const reopenAnswer = (id: string, orgId: string, body: Schemas['MappingAnswerReopen']) =>
  unwrap(api.POST('/api/mapping/cycles/{id}/answers/{orgId}/reopen', { ...answerPath(id, orgId), body }));

export const fetchQuestionnaires = () => unwrap(api.GET('/api/mapping/questionnaires'));
export const fetchQuestionnaire = (id: string) => unwrap(api.GET('/api/mapping/questionnaires/{id}', { params: { path: { id } } }));
export const saveQuestionnaire = (id: string, body: Schemas['MappingQuestionnaireUpdate']) =>
  unwrap(api.PUT('/api/mapping/questionnaires/{id}', { params: { path: { id } }, body }));
