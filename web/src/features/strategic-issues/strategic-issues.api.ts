import { api, unwrap, type Schemas } from '../../lib/api';

export type StrategicIssue = Schemas['StrategicIssue'];
export type StrategicIssueCreate = Schemas['StrategicIssueCreate'];
export type StrategicIssueUpdate = Schemas['StrategicIssueUpdate'];

export const issuesQueryKey = ['strategic-issues', 'all'] as const;

export const fetchAllIssues = () => unwrap(api.GET('/api/strategic-issues', { params: { query: { includeInactive: 'true' } } }));

export const createIssue = (body: StrategicIssueCreate) => unwrap(api.POST('/api/strategic-issues', { body }));

export const updateIssue = (id: string, body: StrategicIssueUpdate) => unwrap(api.PATCH('/api/strategic-issues/{id}', { params: { path: { id } }, body }));

/** Sort numbers after moving one issue: spaced by ten, only the issues whose number changes. */
export const reorderPatches = (items: readonly StrategicIssue[], from: number, to: number): { id: string; sort: number }[] => {
  const order = [...items];
  const [moved] = order.splice(from, 1);
  if (!moved) return [];
  order.splice(to, 0, moved);

  return order.map((item, i) => ({ id: item.id, sort: (i + 1) * 10, before: item.sort })).filter((p) => p.sort !== p.before).map(({ id, sort }) => ({ id, sort }));
};
