import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Lang, Message } from '../../platform/i18n/i18n.js';
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from '../audit/index.js';
import { jakartaDay, rulesResolver } from '../cooperations/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { meetingLink } from './meetings.access.js';
import { actionReminderStatus } from './meetings.models.js';
import * as repo from './meetings.repository.js';

const TEXT: Record<'DUE_SOON' | 'OVERDUE', Message> = {
  DUE_SOON: { id: 'Tindak lanjut “{name}” jatuh tempo {due}', en: 'Follow-up action “{name}” is due {due}' },
  OVERDUE: { id: 'Tindak lanjut “{name}” terlambat sejak {due}', en: 'Follow-up action “{name}” overdue since {due}' },
};
const BODY: Message = { id: 'Dari rapat “{meeting}”.', en: 'From the meeting “{meeting}”.' };
const GROUP: Message = { id: 'Tindak lanjut rapat', en: 'Meeting follow-up actions' };

const longDate = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The texts in both languages with the parameters filled, so each recipient reads their own. */
const bake = (m: Message, params: (l: Lang) => Record<string, string>): Message => ({
  id: m.id.replace(/\{(\w+)\}/g, (_, k: string) => params('id')[k] ?? ''),
  en: m.en.replace(/\{(\w+)\}/g, (_, k: string) => params('en')[k] ?? ''),
});

/**
 * The daily run: each open follow-up action of a held meeting that is due soon (within the rule
 * pack's monevReminders.dueSoonDays, the same window as monitoring items) or overdue reminds its
 * owner once per state and due date, in-app and in their one daily digest e-mail.
 */
export const runActionReminders = async ({ db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) => {
  const today = jakartaDay(clock.now());
  const tenantIds = await repo.tenantsWithOpenActions(db);
  const rulesFor = await rulesResolver({ db, tenantIds, onDate: today });
  const window = Math.max(0, ...tenantIds.map((t) => rulesFor(t).monevReminders.dueSoonDays));
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + window * 86_400_000).toISOString().slice(0, 10);
  const candidates = await repo.openActionsDueBy(db, until);
  let reminded = 0;
  for (const a of candidates) {
    const status = actionReminderStatus(a.dueDate, today, rulesFor(a.tenantId).monevReminders.dueSoonDays);
    if (!status) continue;
    const sent = await db.transaction(async (tx) => {
      if (!(await repo.claimReminder(tx, { actionId: a.id, dueDate: a.dueDate, status, sentAt: clock.now() }))) return false;
      const owners = await findRoleHolders({ db: tx, onDate: today, tenantIds: [a.tenantId], userIds: [a.ownerId] });
      const params = (l: Lang) => ({ name: a.title, due: longDate(a.dueDate, l), meeting: a.meetingTitle });
      const recipients = await notify({
        db: tx,
        clock,
        publicUrl,
        recipients: owners,
        notice: { kind: 'meetings.reminder.action', title: bake(TEXT[status], params), body: bake(BODY, params), link: meetingLink(a.meetingId), tenantId: a.tenantId, email: 'digest', digestGroup: GROUP },
      });
      await recordAudit({
        tx,
        clock,
        context: SYSTEM_AUDIT_CONTEXT,
        entry: { action: 'meetings.reminder_sent', entityType: 'meeting', entityId: a.meetingId, tenantId: a.tenantId, diff: { actionId: a.id, dueDate: a.dueDate, status, recipients } },
      });

      return true;
    });
    if (sent) reminded += 1;
  }

  return { reminded };
};
