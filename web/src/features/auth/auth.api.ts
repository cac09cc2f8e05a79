import { api, unwrap, type Schemas } from '../../lib/api';

export type Me = Schemas['Me'];
export type LoginRequest = Schemas['LoginRequest'];

export const meQueryKey = ['me'] as const;

export const fetchMe = () => unwrap(api.GET('/api/me'));

export const login = (body: LoginRequest) => unwrap(api.POST('/api/auth/login', { body }));

export const logout = () => unwrap(api.POST('/api/auth/logout'));
