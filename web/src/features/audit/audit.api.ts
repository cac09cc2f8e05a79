import { api, unwrap, type Schemas } from '../../lib/api';

export type AuditEntry = Schemas['AuditEntry'];

export type AuditFilters = { action: string; entityType: string; actorUserId: string; from: string; to: string };

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: '', entityType: '', actorUserId: '', from: '', to: '' };

/** Calendar days are WIB days: "from 1 March" starts at 00:00 WIB, "to 31 March" includes that whole day. */
export const wibDayStart = (day: string) => `${day}T00:00:00+07:00`;
export const wibDayEnd = (day: string) => {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);

  return `${next.toISOString().slice(0, 10)}T00:00:00+07:00`;
};

export const fetchAudit = (filters: AuditFilters, before: number | undefined) => {
  const query = {
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.entityType.trim() ? { entityType: filters.entityType.trim() } : {}),
    ...(filters.actorUserId.trim() ? { actorUserId: filters.actorUserId.trim() } : {}),
    ...(filters.from ? { from: wibDayStart(filters.from) } : {}),
    ...(filters.to ? { to: wibDayEnd(filters.to) } : {}),
    ...(before !== undefined ? { before } : {}),
    limit: 50,
  };

  return unwrap(api.GET('/api/audit', { params: { query } }));
};

/** Splits a change record into what it was and what it became; other shapes are shown whole. */
export const splitDiff = (diff: Record<string, unknown>): { before: unknown; after: unknown } | undefined =>
  'before' in diff || 'after' in diff ? { before: diff.before ?? null, after: diff.after ?? null } : undefined;
