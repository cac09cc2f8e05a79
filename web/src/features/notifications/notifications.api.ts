import { api, unwrap } from '../../lib/api';

export const fetchInbox = (before: string | undefined) => unwrap(api.GET('/api/notifications', { params: { query: { limit: 20, ...(before ? { before } : {}) } } }));

export const fetchUnread = () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 1, unread: 'true' } } }));

export const markRead = (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));

export const markAllRead = () => unwrap(api.POST('/api/notifications/read-all'));

/** Notices link into the app as "/app/…"; the router works below that base. */
export const appLink = (link: string | null) => (link ? link.replace(/^\/app(?=\/|$)/, '') || '/' : null);
