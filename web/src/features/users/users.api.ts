import { api, unwrap, type Schemas } from '../../lib/api';

export type User = Schemas['User'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];
export type RoleAssignment = Schemas['RoleAssignment'];
export type RoleGrant = Schemas['RoleGrant'];
export type RoleCode = RoleGrant['role'];

export type UserQuery = { q?: string | undefined; status?: User['status'] | undefined; limit: number; offset: number };

export const fetchUsers = (query: UserQuery) =>
  unwrap(api.GET('/api/users', { params: { query: { ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), limit: query.limit, offset: query.offset } } }));

export const fetchUser = (id: string) => unwrap(api.GET('/api/users/{id}', { params: { path: { id } } }));

export const createUser = (body: UserCreate) => unwrap(api.POST('/api/users', { body }));

export const updateUser = (id: string, body: UserUpdate) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));

export const resetUserTwoFactor = (id: string) => unwrap(api.POST('/api/users/{id}/reset-two-factor', { params: { path: { id } } }));
export const resetUserPassword = (id: string, newPassword: string) => unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { newPassword } }));

export const fetchUserRoles = (id: string) => unwrap(api.GET('/api/users/{id}/roles', { params: { path: { id } } }));

export const grantRole = (userId: string, body: RoleGrant) => unwrap(api.POST('/api/users/{id}/roles', { params: { path: { id: userId } }, body }));

export const endRole = (assignmentId: string, validTo: string) => unwrap(api.POST('/api/role-assignments/{id}/end', { params: { path: { id: assignmentId } }, body: { validTo } }));

export const revokeRole = (assignmentId: string) => unwrap(api.POST('/api/role-assignments/{id}/revoke', { params: { path: { id: assignmentId } } }));

export const rolesQuery = { queryKey: ['roles'] as const, queryFn: () => unwrap(api.GET('/api/roles')), staleTime: 5 * 60_000 };

/** Today's calendar date in WIB, the default first day of a new role. */
export const todayWib = (now: Date = new Date()) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
