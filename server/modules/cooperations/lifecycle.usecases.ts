import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { longDateParam } from '../../platform/i18n/i18n.js';
import { defineJob, type JobDefinition, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { SYSTEM_AUDIT_CONTEXT } from '../audit/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify, type Notice } from '../notifications/index.js';
import { recordCooperationEvent } from './cooperations.access.js';
import { EXPIRE } from './cooperations.machine.js';
import * as repo from './cooperations.repository.js';
import * as life from './lifecycle.repository.js';
import { jakartaDay, rulesResolver } from './rulepack.usecases.js';

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The secretariat of each party pemda and the people of its lead OPD: who hears about expiry. */
const recipientsFor = async (db: Db, today: string, cooperationId: string, tenantIds: readonly string[]) => {
  const parties = (await repo.listParties(db, cooperationId)).filter((p) => p.tenantId && tenantIds.includes(p.tenantId));
  const secretariat = await findRoleHolders({ db, onDate: today, tenantIds, roles: ['KSD_SECRETARIAT_ADMIN'] });
  const leadOpds = parties.map((p) => p.leadOpdId).filter((x): x is string => x !== null);
  const opdPeople = leadOpds.length ? await findRoleHolders({ db, onDate: today, orgIds: leadOpds, roles: ['OPD_HEAD', 'OPD_STAFF', 'PPKSD'] }) : [];

  return [...secretariat, ...opdPeople];
};

const REMINDER: Pick<Notice, 'title' | 'body'> = {
  title: { id: 'Kerja sama {code} berakhir dalam {days} hari', en: 'Cooperation {code} ends in {days} days' },
  body: {
    id: '“{title}” berakhir pada {endDate}. Putuskan sekarang: perpanjangan (prosedur lengkap diulang), pengakhiran, atau biarkan berakhir.',
    en: '“{title}” ends on {endDate}. Decide now: an extension (the full procedure runs again), termination, or letting it end.',
  },
};

const EXPIRED: Pick<Notice, 'title' | 'body'> = {
  title: { id: 'Kerja sama {code} telah berakhir', en: 'Cooperation {code} has ended' },
  body: { id: '“{title}” berakhir pada {endDate} dan kini tercatat “Berakhir”.', en: '“{title}” ended on {endDate} and is now recorded as ended.' },
};

/**
 * The daily run: every cooperation in force whose end date has passed becomes "berakhir", and
 * every one approaching its end reminds its parties at the rule pack's offsets (each offset once
 * per end date; a late start sends only the nearest offset, not a burst of old ones).
 */
export const runDailyLifecycle = async ({ db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) => {
  const today = jakartaDay(clock.now());
  let expired = 0;
  let reminded = 0;

  for (const id of await life.idsToExpire(db, EXPIRE.from, today)) {
    const done = await db.transaction(async (tx) => {
      const row = await repo.lockCooperation(tx, id);
      if (!row || !EXPIRE.from.includes(row.state as never) || !row.endDate || row.endDate >= today) return false;
      await repo.updateCooperation(tx, id, { state: EXPIRE.to, stateChangedAt: clock.now(), stateDueAt: null, pendingAmendment: null, updatedAt: clock.now() });
      await recordCooperationEvent({
        tx,
        clock,
        audit: SYSTEM_AUDIT_CONTEXT,
        event: { cooperationId: id, tenantId: row.tenantId, kind: 'TRANSITION', action: 'expire', fromState: row.state, toState: EXPIRE.to, data: { endDate: row.endDate } },
      });
      const recipients = await recipientsFor(tx, today, id, row.partyTenantIds);
      await notify({
        db: tx,
        clock,
        publicUrl,
        recipients,
        notice: { ...EXPIRED, kind: 'cooperation.expired', params: { code: row.code, title: row.title, endDate: longDateParam(row.endDate) }, link: `/app/kerja-sama/${id}`, tenantId: row.tenantId, email: true },
      });

      return true;
    });
    if (done) expired += 1;
  }

  const candidates = await life.inForceEndingBy(db, EXPIRE.from, today, await life.maxReminderOffset(db));
  const rulesFor = await rulesResolver({ db, tenantIds: [...new Set(candidates.flatMap((c) => c.partyTenantIds))], onDate: today });
  for (const c of candidates) {
    const left = daysBetween(today, c.endDate);
    const sent = new Set(c.sentOffsets);
    const dueByTenant = c.partyTenantIds
      .map((tenantId) => ({ tenantId, due: rulesFor(tenantId).expiryReminderDays.filter((d) => left <= d && !sent.has(d)).sort((a, b) => a - b) }))
      .filter((x) => x.due.length > 0);
    if (dueByTenant.length === 0) continue;
    await db.transaction(async (tx) => {
      for (const { tenantId, due } of dueByTenant) {
        for (const d of due.filter((x) => !sent.has(x))) {
          await life.markSent(tx, { cooperationId: c.id, endDate: c.endDate, offsetDays: d, sentAt: clock.now() });
          sent.add(d);
        }
        const recipients = await recipientsFor(tx, today, c.id, [tenantId]);
        await notify({
          db: tx,
          clock,
          publicUrl,
          recipients,
          notice: {
            ...REMINDER,
            kind: 'cooperation.expiry_reminder',
            params: { code: c.code, title: c.title, days: left, endDate: longDateParam(c.endDate) },
            link: `/app/kerja-sama/${c.id}`,
            tenantId,
            // A reminder: in the daily digest, not an e-mail of its own.
            email: 'digest',
            digestGroup: { id: 'Kerja sama akan berakhir', en: 'Cooperations ending soon' },
          },
        });
        await recordCooperationEvent({
          tx,
          clock,
          audit: SYSTEM_AUDIT_CONTEXT,
          event: { cooperationId: c.id, tenantId, kind: 'REMINDER', action: 'expiry_reminder', data: { daysLeft: left, offsets: due, recipients: recipients.length }, privateTenantId: tenantId },
        });
        reminded += 1;
      }
    });
  }

  return { expired, reminded };
};

export const LIFECYCLE_JOB = 'cooperations.daily_lifecycle';

export const cooperationJobs = (settings: { publicUrl: string }): JobDefinition[] => [
  defineJob({
    name: LIFECYCLE_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const result = await runDailyLifecycle({ db: ctx.db, clock: ctx.clock, publicUrl: settings.publicUrl });
      ctx.logger.info(result, 'cooperation lifecycle run');
    },
  }),
];

/** Shortly after midnight WIB, so a cooperation ends on the Indonesian calendar day after its end date. */
export const cooperationSchedules: readonly ScheduleDefinition[] = [
  { name: 'cooperations.daily', cron: '5 0 * * *', timezone: 'Asia/Jakarta', jobName: LIFECYCLE_JOB, payload: {} },
];
