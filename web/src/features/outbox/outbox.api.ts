import { api, unwrap, type Schemas } from '../../lib/api';

export type OutboxItem = Schemas['OutboxItem'];
export type OutboxStatus = OutboxItem['status'];

export const fetchOutbox = (status: OutboxStatus | '', before: string | undefined) =>
  unwrap(api.GET('/api/admin/outbox', { params: { query: { ...(status ? { status } : {}), ...(before ? { before } : {}), limit: 50 } } }));

export const fetchOutboxMessage = (id: string) => unwrap(api.GET('/api/admin/outbox/{id}', { params: { path: { id } } }));
