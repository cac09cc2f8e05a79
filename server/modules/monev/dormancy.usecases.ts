import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { format, longDate, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from '../audit/index.js';
import {
  dormantSince,
  isDormant,
  jakartaDay,
  listInForceCooperations,
  loadVisibleCooperation,
  quietSince,
  rulesResolver,
  rulesForTenant,
  type InForceCooperation,
} from '../cooperations/index.js';
import { findRoleHolders, roleName, type Role } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import * as repo from './dormancy.repository.js';
import { daysBetween, planEscalation, stepDay } from './dormancy.policy.js';


const wibDay = (at: Date) => jakartaDay(at);

/** A message with its parameters filled in for each language. */
export const bake = (m: Message, params: (lang: Lang) => Record<string, string | number>): Message => ({ id: format(m, 'id', params('id')), en: format(m, 'en', params('en')) });

/** Liaison and OPD head belong to the lead OPD of each party pemda; the secretariat and Sekda to the pemda. */
const OPD_ROLES: ReadonlySet<Role> = new Set<Role>(['PPKSD', 'OPD_HEAD', 'OPD_STAFF']);

/** Holders of `role` for one party pemda of the cooperation (its lead OPD for OPD roles, if it names one). */
export const holdersFor = async (db: Db, today: string, party: { tenantId: string; leadOpdId: string | null }, role: Role) =>
  OPD_ROLES.has(role) && party.leadOpdId
    ? findRoleHolders({ db, onDate: today, orgIds: [party.leadOpdId], roles: [role] })
    : findRoleHolders({ db, onDate: today, tenantIds: [party.tenantId], roles: [role] });

const NOTICE: { title: Message; body: Message; group: Message } = {
  title: { id: 'Kerja sama {code} tidak aktif sejak {since}', en: 'Cooperation {code} inactive since {since}' },
  body: {
    id: '“{title}” belum dipantau selama {days} hari (terakhir {quiet}): tidak ada pembaruan kemajuan yang disetujui atau evaluasi. Eskalasi tahap {step} dari {steps}: {role}. {before}Catat pembaruan kemajuan atau evaluasi untuk menghentikan eskalasi.',
    en: '“{title}” has not been monitored for {days} days (last {quiet}): no approved progress update or evaluation. Escalation step {step} of {steps}: {role}. {before}Record a progress update or an evaluation to stop the escalation.',
  },
  group: { id: 'Kerja sama tidak aktif', en: 'Inactive cooperations' },
};

/** Both languages of "who was told before", since each recipient reads their own. */
const toldBefore = (steps: readonly repo.DormancyStepRow[]): { id: string; en: string } => {
  const told = steps.filter((s) => !s.skipped);
  if (told.length === 0) return { id: '', en: '' };
  const list = (lang: Lang) => told.map((s) => `${roleName(s.role, lang)} (${longDate(wibDay(s.notifiedAt), lang)})`).join(', ');

  return { id: `Sebelumnya telah diberi tahu: ${list('id')}. `, en: `Told before: ${list('en')}. ` };
};

/**
 * The daily escalation run: for every dormant cooperation, the highest step of the rule pack's
 * ladder reached today is told once per episode (a digest notice to that role's holders of each
 * party pemda), lower steps a late run jumped over are recorded as skipped. Monitoring moves
 * last_monitored_at, so the next quiet spell is a new episode with a new start day.
 */
export const runDormancyEscalation = async ({ db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) => {
  const today = wibDay(clock.now());
  const cooperations = await listInForceCooperations(db);
  const rulesFor = await rulesResolver({ db, tenantIds: [...new Set(cooperations.map((c) => c.tenantId).filter((t): t is string => t !== null))], onDate: today });
  const recorded = new Map<string, repo.DormancyStepRow[]>();
  for (const s of await repo.listSteps(db, cooperations.map((c) => c.id))) recorded.set(`${s.cooperationId}|${s.episodeStart}`, [...(recorded.get(`${s.cooperationId}|${s.episodeStart}`) ?? []), s]);
  let notified = 0;

  for (const c of cooperations) {
    const rules = rulesFor(c.tenantId);
    if (!isDormant(c, rules.dormantAfterMonths, today)) continue;
    const episodeStart = dormantSince(c, rules.dormantAfterMonths);
    const { everyDays, steps } = rules.dormancyEscalation;
    const before = recorded.get(`${c.id}|${episodeStart}`) ?? [];
    const plan = planEscalation({ episodeStart, today, everyDays, stepCount: steps.length, recorded: new Set(before.map((s) => s.step)) });
    if (!plan) continue;
    const sent = await db.transaction((tx) => escalate({ tx, clock, publicUrl, c, today, episodeStart, steps, plan, before }));
    if (sent) notified += 1;
  }

  return { notified };
};

const escalate = async ({
  tx,
  clock,
  publicUrl,
  c,
  today,
  episodeStart,
  steps,
  plan,
  before,
}: {
  tx: Db;
  clock: Clock;
  publicUrl: string;
  c: InForceCooperation;
  today: string;
  episodeStart: string;
  steps: readonly Role[];
  plan: { notify: number; skipped: number[] };
  before: readonly repo.DormancyStepRow[];
}) => {
  const now = clock.now();
  const role = steps[plan.notify]!;
  // The primary key is the lock: if another run recorded this step first, this one stops here.
  if (!(await repo.insertStep(tx, { cooperationId: c.id, episodeStart, step: plan.notify, role, notifiedAt: now, skipped: false, recipients: 0 }))) return false;
  for (const k of plan.skipped) await repo.insertStep(tx, { cooperationId: c.id, episodeStart, step: k, role: steps[k]!, notifiedAt: now, skipped: true, recipients: 0 });
  const told = toldBefore(before);
  const params = (l: Lang) => ({
    code: c.code,
    title: c.title,
    since: longDate(episodeStart, l),
    quiet: longDate(quietSince(c), l),
    days: daysBetween(quietSince(c), today),
    step: plan.notify + 1,
    steps: steps.length,
  });
  let recipients = 0;
  for (const party of c.parties) {
    const holders = await holdersFor(tx, today, party, role);
    if (holders.length === 0) continue;
    recipients += await notify({
      db: tx,
      clock,
      publicUrl,
      recipients: holders,
      notice: {
        kind: 'monev.dormancy_escalation',
        // Dates and role names differ by language, so each language is filled in here.
        title: bake(NOTICE.title, (l) => params(l)),
        body: bake(NOTICE.body, (l) => ({ ...params(l), role: roleName(role, l), before: told[l] })),
        link: `/app/kerja-sama/${c.id}`,
        tenantId: party.tenantId,
        email: 'digest',
        digestGroup: NOTICE.group,
      },
    });
  }
  await repo.setRecipients(tx, c.id, episodeStart, plan.notify, recipients);
  await recordAudit({
    tx,
    clock,
    context: SYSTEM_AUDIT_CONTEXT,
    entry: {
      action: 'monev.dormancy_escalated',
      entityType: 'cooperation',
      entityId: c.id,
      tenantId: c.tenantId,
      diff: { episodeStart, step: plan.notify, role, skipped: plan.skipped, recipients },
    },
  });

  return true;
};

/** Where a cooperation stands: dormant since when, which step of the ladder, who was told when. */
export const getDormancy = async ({ db, clock, actor, cooperationId }: { db: Db; clock: Clock; actor: Actor; cooperationId: string }) => {
  const row = await loadVisibleCooperation({ db, actor, id: cooperationId });
  const today = wibDay(clock.now());
  const rules = await rulesForTenant({ db, tenantId: row.tenantId, onDate: today });
  const dormant = isDormant(row, rules.dormantAfterMonths, today);
  const start = dormantSince(row, rules.dormantAfterMonths);
  const { everyDays, steps: ladder } = rules.dormancyEscalation;
  const steps = dormant ? await repo.listEpisodeSteps(db, row.id, start) : [];
  const told = steps.filter((s) => !s.skipped);
  const current = told[told.length - 1] ?? null;
  const nextIndex = current ? current.step + 1 : 0;

  return {
    dormant,
    dormantAfterMonths: rules.dormantAfterMonths,
    quietSince: quietSince(row),
    dormantSince: dormant ? start : null,
    everyDays,
    ladder: [...ladder],
    currentStep: current ? { step: current.step, role: current.role, notifiedAt: current.notifiedAt.toISOString() } : null,
    nextStep: dormant && nextIndex < ladder.length ? { step: nextIndex, role: ladder[nextIndex]!, on: stepDay(start, nextIndex, everyDays) } : null,
    steps: steps.map((s) => ({ step: s.step, role: s.role, notifiedAt: s.notifiedAt.toISOString(), skipped: s.skipped, recipients: s.recipients })),
  };
};
