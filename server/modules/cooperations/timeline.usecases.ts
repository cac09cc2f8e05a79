import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { findRoleHolders, inviteUser } from '../identity/index.js';
import { orgFacts } from './parties.repository.js';
import { recordCooperationEvent } from './cooperations.access.js';
import { notify } from '../notifications/index.js';
import { loadForParticipant, loadVisible } from './cooperations.access.js';
import { cooperationErrors } from './cooperations.errors.js';
import { actingTenants } from './cooperations.policy.js';
import * as repo from './timeline.repository.js';
import { jakartaDay } from './rulepack.usecases.js';

/** The pemda and partner organisations whose private entries this reader may see. */
const ownSides = (actor: Actor, row: { partyTenantIds: string[]; partyOrgIds: string[] }) => [
  ...actingTenants(actor, row).keys(),
  ...actor.scope.orgIds.filter((o) => row.partyOrgIds.includes(o) && !row.partyTenantIds.includes(o)),
];

export type TimelineEntry =
  | { type: 'event'; seq: number; id: string; at: string; kind: string; action: string | null; fromState: string | null; toState: string | null; reason: string | null; data: Record<string, unknown>; actorName: string; private: boolean }
  | { type: 'comment'; seq: number; id: string; at: string; authorName: string; authorUserId: string; body: string; mentionUserIds: string[]; private: boolean };

/** Every event and comment the reader may see, oldest first: the cooperation's story in one list. */
export const getTimeline = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  const row = await loadVisible({ db, actor, id });
  const own = ownSides(actor, row);
  const [events, comments] = await Promise.all([repo.listEvents(db, id, own), repo.listComments(db, id, own)]);
  const entries: TimelineEntry[] = [
    ...events.map((e) => ({
      type: 'event' as const,
      seq: e.seq,
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      data: e.data,
      actorName: e.actorName,
      private: e.privateTenantId !== null,
    })),
    ...comments.map((c) => ({
      type: 'comment' as const,
      seq: c.seq,
      id: c.id,
      at: c.createdAt.toISOString(),
      authorName: c.authorName,
      authorUserId: c.authorUserId,
      body: c.body,
      mentionUserIds: c.mentionUserIds,
      private: c.privateTenantId !== null,
    })),
  ];

  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq).map(({ seq: _seq, ...entry }) => entry);
};

/** People who work on the cooperation today: whom a comment may mention. */
export const listParticipants = async ({ db, clock, actor, id }: { db: Db; clock: Clock; actor: Actor; id: string }) => {
  const { cooperation: row } = await loadForParticipant({ db, actor, id });
  const people = await findRoleHolders({ db, onDate: jakartaDay(clock.now()), tenantIds: row.partyTenantIds, orgIds: row.partyOrgIds });

  return people.map((p) => ({ id: p.id, name: p.name, orgName: p.orgName }));
};

/**
 * A comment, public to every party or private to the author's side. Mentioned people must work on
 * the cooperation (and, for a private note, on the author's side); each gets a notice.
 */
export const addComment = async ({
  db,
  clock,
  audit,
  actor,
  publicUrl,
  id,
  input,
}: {
  db: Db;
  clock: Clock;
  audit: AuditContext;
  actor: Actor;
  publicUrl: string;
  id: string;
  input: { body: string; mentionUserIds: string[]; private: boolean };
}) =>
  db.transaction(async (tx) => {
    const { cooperation: row, actingTenantId } = await loadForParticipant({ db: tx, actor, id });
    const side = actingTenantId ?? ownSides(actor, row)[0]!;
    const scope = input.private ? { tenantIds: row.partyTenantIds.includes(side) ? [side] : [], orgIds: row.partyTenantIds.includes(side) ? [] : [side] } : { tenantIds: row.partyTenantIds, orgIds: row.partyOrgIds };
    const mentioned = input.mentionUserIds.length
      ? await findRoleHolders({ db: tx, onDate: jakartaDay(clock.now()), ...scope, userIds: input.mentionUserIds })
      : [];
    if (mentioned.length !== new Set(input.mentionUserIds).size) throw cooperationErrors.partyInvalid({ reason: 'mention' });
    const comment = await repo.insertComment(tx, {
      cooperationId: id,
      authorUserId: actor.userId,
      authorName: actor.name,
      authorOrgId: actor.orgId,
      body: input.body,
      mentionUserIds: mentioned.map((m) => m.id),
      privateTenantId: input.private ? side : null,
      createdAt: clock.now(),
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'cooperation.comment', entityType: 'cooperation', entityId: id, tenantId: actingTenantId, diff: { commentId: comment.id, private: input.private, mentions: comment.mentionUserIds } },
    });
    const others = mentioned.filter((m) => m.id !== actor.userId);
    if (others.length)
      await notify({
        db: tx,
        clock,
        publicUrl,
        recipients: others,
        notice: {
          kind: 'cooperation.mention',
          title: { id: '{author} menyebut Anda di {code}', en: '{author} mentioned you on {code}' },
          body: { id: '{title}: “{excerpt}”', en: '{title}: “{excerpt}”' },
          params: { author: actor.name, code: row.code, title: row.title, excerpt: input.body.length > 200 ? `${input.body.slice(0, 200)}…` : input.body },
          link: `/app/kerja-sama/${id}`,
          tenantId: actingTenantId,
          email: true,
        },
      });

    return comment;
  });

export const listSavedFilters = async ({ db, actor }: { db: Db; actor: Actor }) => repo.listSavedFilters(db, actor.userId);

export const saveFilter = async ({ db, clock, actor, input }: { db: Db; clock: Clock; actor: Actor; input: { name: string; query: Record<string, unknown> } }) =>
  db.transaction(async (tx) => {
    if (await repo.findSavedFilterByName(tx, actor.userId, input.name)) throw cooperationErrors.savedFilterExists({ name: input.name });

    return repo.insertSavedFilter(tx, { userId: actor.userId, name: input.name, query: input.query, createdAt: clock.now() });
  });

export const deleteSavedFilter = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  if ((await repo.deleteSavedFilter(db, actor.userId, id)) === 0) throw cooperationErrors.notFound();
};

/** Who may invite a partner's contact: a party pemda's secretariat or TKKSD secretary. */
const INVITING_ROLES = ['KSD_SECRETARIAT_ADMIN', 'TKKSD_SEKRETARIS', 'TKKSD_KETUA'];

/**
 * Invites the contact person of a party that is not a pemda (a company, university, foreign
 * partner, K/L) as a partner user: they will see, comment on and upload to the cooperations of
 * their organisation only. The invitation mail carries a one-time link to set a password.
 */
export const invitePartner = async ({
  db,
  clock,
  audit,
  actor,
  publicUrl,
  id,
  input,
}: {
  db: Db;
  clock: Clock;
  audit: AuditContext;
  actor: Actor;
  publicUrl: string;
  id: string;
  input: { orgId: string; email: string; name: string; locale: 'id' | 'en' };
}) =>
  db.transaction(async (tx) => {
    const { cooperation: row } = await loadForParticipant({ db: tx, actor, id, lock: true });
    const roles = [...actingTenants(actor, row).values()].flatMap((s) => [...s]);
    if (!roles.some((r) => INVITING_ROLES.includes(r))) throw cooperationErrors.notParticipant();
    const org = (await orgFacts(tx, [input.orgId]))[0];
    if (!org || !row.partyOrgIds.includes(org.id) || org.type === 'PEMDA') throw cooperationErrors.partyInvalid({ reason: 'orgId' });
    const result = await inviteUser({
      tx,
      clock,
      audit,
      publicUrl,
      input: { email: input.email, name: input.name, orgId: org.id, role: 'PARTNER_USER', locale: input.locale, invitedBy: actor.userId, about: `${row.code} — ${row.title}` },
    });
    await recordCooperationEvent({
      tx,
      clock,
      audit,
      event: { cooperationId: id, tenantId: row.tenantId, kind: 'EDIT', action: 'invite_partner', data: { orgId: org.id, orgName: org.name, userId: result.userId } },
    });

    return result;
  });
