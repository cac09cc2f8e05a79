import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { longDate, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from '../audit/index.js';
import { jakartaDay, listInForceCooperations, quietSince, rulesResolver, type InForceCooperation, type Rules } from '../cooperations/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify, type Recipient } from '../notifications/index.js';
import { addDays, addMonths, reminderStatus } from './dormancy.policy.js';
import { bake } from './dormancy.usecases.js';
import * as repo from './reminders.repository.js';
import type { ReminderItemKind, ReminderStatus } from './reminders.tables.js';

/** Who a reminder is for: the people of an OPD (staff, liaison, head), a partner's users, or a pemda's secretariat. */
export type Audience = { kind: 'OPD'; orgId: string; tenantId: string } | { kind: 'PARTNER'; orgId: string } | { kind: 'SECRETARIAT'; tenantId: string };

export type ReminderItem = {
  cooperation: InForceCooperation;
  itemKind: ReminderItemKind;
  itemKey: string;
  name: string;
  dueDate: string;
  status: ReminderStatus;
  audiences: Audience[];
};

export type SourceContext = { db: Db; today: string; cooperations: readonly InForceCooperation[]; rulesFor: (tenantId: string | null) => Rules };

/** A kind of thing that comes due. One more (report deadlines) is one more entry in REMINDER_SOURCES. */
export type ReminderSource = (ctx: SourceContext) => Promise<ReminderItem[]>;

/** The lead OPD of each party pemda, or the pemda's secretariat when a party names none. */
const leadOpds = (c: InForceCooperation): Audience[] =>
  c.parties.map((p) => (p.leadOpdId ? { kind: 'OPD', orgId: p.leadOpdId, tenantId: p.tenantId } : { kind: 'SECRETARIAT', tenantId: p.tenantId }));

const windowEnd = (ctx: SourceContext, c: InForceCooperation) => addDays(ctx.today, ctx.rulesFor(c.tenantId).monevReminders.dueSoonDays);

const byId = (ctx: SourceContext) => new Map(ctx.cooperations.map((c) => [c.id, c]));
const maxWindow = (ctx: SourceContext) => addDays(ctx.today, Math.max(0, ...ctx.cooperations.map((c) => ctx.rulesFor(c.tenantId).monevReminders.dueSoonDays)));

const item = (ctx: SourceContext, c: InForceCooperation, x: Omit<ReminderItem, 'cooperation' | 'status'>): ReminderItem[] => {
  const status = reminderStatus(x.dueDate, ctx.today, ctx.rulesFor(c.tenantId).monevReminders.dueSoonDays);

  return status && x.dueDate <= windowEnd(ctx, c) ? [{ ...x, cooperation: c, status }] : [];
};

export const milestoneReminders: ReminderSource = async (ctx) => {
  const coops = byId(ctx);
  const rows = await repo.openMilestonesDueBy(ctx.db, [...coops.keys()], maxWindow(ctx));

  return rows.flatMap((m) => {
    const c = coops.get(m.cooperationId)!;
    const party = c.parties.find((p) => p.leadOpdId === m.responsibleOpdId);
    const audiences: Audience[] = m.responsibleOpdId && party ? [{ kind: 'OPD', orgId: m.responsibleOpdId, tenantId: party.tenantId }] : leadOpds(c);

    return item(ctx, c, { itemKind: 'MILESTONE', itemKey: m.id, name: m.name, dueDate: m.dueDate, audiences });
  });
};

export const obligationReminders: ReminderSource = async (ctx) => {
  const coops = byId(ctx);
  const rows = await repo.openObligationsDueBy(ctx.db, [...coops.keys()], maxWindow(ctx));

  return rows.flatMap((o) => {
    const c = coops.get(o.cooperationId)!;
    // A pemda's organisation id is its tenant id: the pemda's own obligation goes to its lead OPD, a partner's to its users.
    const party = c.parties.find((p) => p.tenantId === o.partyOrgId);
    const audiences: Audience[] = party ? leadOpds({ ...c, parties: [party] }) : [{ kind: 'PARTNER', orgId: o.partyOrgId }];

    return item(ctx, c, { itemKind: 'OBLIGATION', itemKey: o.id, name: o.description, dueDate: o.dueDate, audiences });
  });
};

/** A progress update is due `updateEveryMonths` after the last monitoring (or signing). */
export const updateReminders: ReminderSource = async (ctx) =>
  ctx.cooperations.flatMap((c) =>
    item(ctx, c, { itemKind: 'UPDATE', itemKey: 'update', name: c.title, dueDate: addMonths(quietSince(c), ctx.rulesFor(c.tenantId).monevReminders.updateEveryMonths), audiences: leadOpds(c) }),
  );

/** An evaluation is due `evaluationEveryMonths` after the last finalised one, or after signing. */
export const evaluationReminders: ReminderSource = async (ctx) => {
  const last = await repo.lastFinalisedEvaluations(ctx.db, ctx.cooperations.map((c) => c.id));

  return ctx.cooperations.flatMap((c) => {
    const finalised = last.get(c.id);
    const from = finalised ? jakartaDay(finalised) : (c.signedAt ?? jakartaDay(c.stateChangedAt));
    const audiences: Audience[] = c.parties.map((p) => ({ kind: 'SECRETARIAT', tenantId: p.tenantId }));

    return item(ctx, c, { itemKind: 'EVALUATION', itemKey: 'evaluation', name: c.title, dueDate: addMonths(from, ctx.rulesFor(c.tenantId).monevReminders.evaluationEveryMonths), audiences });
  });
};

export const REMINDER_SOURCES: readonly ReminderSource[] = [milestoneReminders, obligationReminders, updateReminders, evaluationReminders];

const TEXT: Record<ReminderItemKind, { group: Message; DUE_SOON: Message; OVERDUE: Message }> = {
  MILESTONE: {
    group: { id: 'Tonggak capaian', en: 'Milestones' },
    DUE_SOON: { id: 'Tonggak “{name}” jatuh tempo {due}', en: 'Milestone “{name}” is due {due}' },
    OVERDUE: { id: 'Tonggak “{name}” terlambat sejak {due}', en: 'Milestone “{name}” overdue since {due}' },
  },
  OBLIGATION: {
    group: { id: 'Kewajiban para pihak', en: 'Obligations' },
    DUE_SOON: { id: 'Kewajiban “{name}” jatuh tempo {due}', en: 'Obligation “{name}” is due {due}' },
    OVERDUE: { id: 'Kewajiban “{name}” terlambat sejak {due}', en: 'Obligation “{name}” overdue since {due}' },
  },
  UPDATE: {
    group: { id: 'Pembaruan kemajuan', en: 'Progress updates' },
    DUE_SOON: { id: 'Pembaruan kemajuan {code} jatuh tempo {due}', en: 'Progress update for {code} is due {due}' },
    OVERDUE: { id: 'Pembaruan kemajuan {code} terlambat sejak {due}', en: 'Progress update for {code} overdue since {due}' },
  },
  EVALUATION: {
    group: { id: 'Evaluasi', en: 'Evaluations' },
    DUE_SOON: { id: 'Evaluasi {code} jatuh tempo {due}', en: 'Evaluation of {code} is due {due}' },
    OVERDUE: { id: 'Evaluasi {code} terlambat sejak {due}', en: 'Evaluation of {code} overdue since {due}' },
  },
};
const BODY: Message = { id: 'Kerja sama {code} “{title}”.', en: 'Cooperation {code} “{title}”.' };

const peopleOf = async (db: Db, today: string, a: Audience): Promise<{ tenantId: string | null; people: Recipient[] }> => {
  if (a.kind === 'OPD') return { tenantId: a.tenantId, people: await findRoleHolders({ db, onDate: today, orgIds: [a.orgId], roles: ['OPD_STAFF', 'PPKSD', 'OPD_HEAD'] }) };
  if (a.kind === 'PARTNER') return { tenantId: null, people: await findRoleHolders({ db, onDate: today, orgIds: [a.orgId], roles: ['PARTNER_USER'] }) };

  return { tenantId: a.tenantId, people: await findRoleHolders({ db, onDate: today, tenantIds: [a.tenantId], roles: ['KSD_SECRETARIAT_ADMIN'] }) };
};

/**
 * The daily reminder run: every item of every source that is due soon or overdue reminds its
 * people once per state and due date, as digest notices (one e-mail a day per person).
 */
export const runMonevReminders = async ({ db, clock, publicUrl, sources = REMINDER_SOURCES }: { db: Db; clock: Clock; publicUrl: string; sources?: readonly ReminderSource[] }) => {
  const today = jakartaDay(clock.now());
  const cooperations = await listInForceCooperations(db);
  const rulesFor = await rulesResolver({ db, tenantIds: [...new Set(cooperations.map((c) => c.tenantId).filter((t): t is string => t !== null))], onDate: today });
  const ctx: SourceContext = { db, today, cooperations, rulesFor };
  let reminded = 0;
  for (const source of sources) {
    for (const r of await source(ctx)) {
      const sent = await db.transaction(async (tx) => {
        const claimed = await repo.claimReminder(tx, { cooperationId: r.cooperation.id, itemKind: r.itemKind, itemKey: r.itemKey, dueDate: r.dueDate, status: r.status, sentAt: clock.now() });
        if (!claimed) return false;
        const params = (l: Lang) => ({ name: r.name, code: r.cooperation.code, title: r.cooperation.title, due: longDate(r.dueDate, l) });
        let recipients = 0;
        for (const audience of r.audiences) {
          const { tenantId, people } = await peopleOf(tx, today, audience);
          recipients += await notify({
            db: tx,
            clock,
            publicUrl,
            recipients: people,
            notice: {
              kind: `monev.reminder.${r.itemKind.toLowerCase()}`,
              title: bake(TEXT[r.itemKind][r.status], params),
              body: bake(BODY, params),
              link: `/app/kerja-sama/${r.cooperation.id}`,
              tenantId: tenantId ?? r.cooperation.tenantId,
              email: 'digest',
              digestGroup: TEXT[r.itemKind].group,
            },
          });
        }
        await recordAudit({
          tx,
          clock,
          context: SYSTEM_AUDIT_CONTEXT,
          entry: {
            action: 'monev.reminder_sent',
            entityType: 'cooperation',
            entityId: r.cooperation.id,
            tenantId: r.cooperation.tenantId,
            diff: { item: r.itemKind, key: r.itemKey, dueDate: r.dueDate, status: r.status, recipients },
          },
        });

        return true;
      });
      if (sent) reminded += 1;
    }
  }

  return { reminded };
};
