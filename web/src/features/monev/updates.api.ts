import { api, unwrap, type Schemas } from '../../lib/api';

export type UpdateList = Schemas['ProgressUpdateList'];
export type ProgressUpdate = Schemas['ProgressUpdate'];
export type UpdateContent = Schemas['ProgressUpdateCreate'];
export type UpdateQueue = Schemas['ProgressUpdateQueue'];
export type UpdateStatus = ProgressUpdate['status'];

export const updatesKey = (id: string) => ['cooperations', 'updates', id] as const;
export const queueKey = (status: string, offset: number) => ['progress-updates', status, offset] as const;

export const fetchUpdates = (id: string) => unwrap(api.GET('/api/cooperations/{id}/updates', { params: { path: { id } } }));
export const createUpdate = (id: string, body: UpdateContent) => unwrap(api.POST('/api/cooperations/{id}/updates', { params: { path: { id } }, body }));
export const reworkUpdate = (id: string, updateId: string, body: Schemas['ProgressUpdateRework']) =>
  unwrap(api.PUT('/api/cooperations/{id}/updates/{updateId}', { params: { path: { id, updateId } }, body }));
export const reviseUpdate = (id: string, updateId: string, body: Schemas['ProgressUpdateRevise']) =>
  unwrap(api.POST('/api/cooperations/{id}/updates/{updateId}/revisions', { params: { path: { id, updateId } }, body }));
export const approveUpdate = (id: string, updateId: string, expectedVersion: number) =>
  unwrap(api.POST('/api/cooperations/{id}/updates/{updateId}/approve', { params: { path: { id, updateId } }, body: { expectedVersion } }));
export const returnUpdate = (id: string, updateId: string, expectedVersion: number, comment: string) =>
  unwrap(api.POST('/api/cooperations/{id}/updates/{updateId}/return', { params: { path: { id, updateId } }, body: { expectedVersion, comment } }));
export const fetchQueue = (status: 'SUBMITTED' | 'RETURNED' | 'APPROVED', offset: number, limit = 25) =>
  unwrap(api.GET('/api/progress-updates', { params: { query: { status, offset, limit } } }));
