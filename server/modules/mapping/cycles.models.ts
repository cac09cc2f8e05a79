/**
 * Pure rules of the mapping cycle (ksd-domain §2.2 step 0, §8.3). The stages come from the source
 * articles, not from a regulation: who is responsible for each and how long it lasts are rule-pack
 * configuration (`mappingStages`); the order and the guards between them are here.
 */
export const STAGES = ['PERSIAPAN', 'PROSES_PEMETAAN', 'PENYUSUNAN_PEMBAHASAN', 'PENETAPAN', 'DITETAPKAN'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages that have a schedule; DITETAPKAN is the end state. */
export const WORK_STAGES = ['PERSIAPAN', 'PROSES_PEMETAAN', 'PENYUSUNAN_PEMBAHASAN', 'PENETAPAN'] as const;
export type WorkStage = (typeof WORK_STAGES)[number];

export type ScheduleItem = { stage: WorkStage; plannedStart: string; plannedEnd: string; responsibleRoles: string[]; startedAt: string | null; endedAt: string | null };

/** The named actions that move a cycle forward, each from exactly one stage. */
export const CYCLE_ACTIONS = {
  start_mapping: { from: 'PERSIAPAN', to: 'PROSES_PEMETAAN' },
  start_discussion: { from: 'PROSES_PEMETAAN', to: 'PENYUSUNAN_PEMBAHASAN' },
  start_determination: { from: 'PENYUSUNAN_PEMBAHASAN', to: 'PENETAPAN' },
  determine: { from: 'PENETAPAN', to: 'DITETAPKAN' },
} as const satisfies Record<string, { from: WorkStage; to: Stage }>;
export type CycleAction = keyof typeof CYCLE_ACTIONS;
export const CYCLE_ACTION_NAMES = ['start_mapping', 'start_discussion', 'start_determination', 'determine'] as const satisfies readonly CycleAction[];

export const actionFrom = (stage: Stage): CycleAction | null => CYCLE_ACTION_NAMES.find((a) => CYCLE_ACTIONS[a].from === stage) ?? null;

/** OPDs draft and submit while the mapping runs and during discussion (late corrections); never once it is being determined. */
export const isAnswering = (stage: Stage) => stage === 'PROSES_PEMETAAN' || stage === 'PENYUSUNAN_PEMBAHASAN';
/** Schedule, participants, deadline and questionnaire change until the discussion starts. */
export const isEditable = (stage: Stage) => stage === 'PERSIAPAN' || stage === 'PROSES_PEMETAAN';

export type StageConfig = Record<WorkStage, { responsibleRoles: readonly string[]; advanceRoles: readonly string[]; defaultDays: number }>;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A new cycle's schedule: the stages back to back from the start day, each its configured length. */
export const defaultSchedule = (config: StageConfig, start: string): ScheduleItem[] => {
  let from = start;

  return WORK_STAGES.map((stage) => {
    const end = addDays(from, config[stage].defaultDays - 1);
    const item: ScheduleItem = { stage, plannedStart: from, plannedEnd: end, responsibleRoles: [...config[stage].responsibleRoles], startedAt: null, endedAt: null };
    from = addDays(end, 1);

    return item;
  });
};

/** The deadline of the mapping: the planned end of PROSES_PEMETAAN. */
export const mappingEnd = (schedule: readonly ScheduleItem[]) => schedule.find((s) => s.stage === 'PROSES_PEMETAAN')!.plannedEnd;

/** Schedule problems: every work stage once, in order, each ending no earlier than it starts and starting no earlier than the previous one. */
export const scheduleProblems = (schedule: readonly Pick<ScheduleItem, 'stage' | 'plannedStart' | 'plannedEnd'>[]) => {
  const out: { path: string; code: 'stage_order' | 'period' | 'overlap' }[] = [];
  if (schedule.length !== WORK_STAGES.length || schedule.some((s, i) => s.stage !== WORK_STAGES[i])) return [{ path: 'schedule', code: 'stage_order' as const }];
  schedule.forEach((s, i) => {
    if (s.plannedEnd < s.plannedStart) out.push({ path: `schedule.${i}.plannedEnd`, code: 'period' });
    else if (i > 0 && s.plannedStart < schedule[i - 1]!.plannedStart) out.push({ path: `schedule.${i}.plannedStart`, code: 'overlap' });
  });

  return out;
};

export type ParticipantStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
export type ParticipantFacts = { orgId: string; status: ParticipantStatus; deadline: string };

/** The deadline that binds one OPD: its reopened deadline, else the cycle's. */
export const effectiveDeadline = (cycleDeadline: string, participantDeadline: string | null) => participantDeadline ?? cycleDeadline;

/** Answered means handed in: submitted or accepted. */
export const hasAnswered = (status: ParticipantStatus) => status === 'SUBMITTED' || status === 'ACCEPTED';
/** Late: the deadline (WIB day) has passed and the OPD has not handed its answer in. */
export const isLate = (p: Pick<ParticipantFacts, 'status' | 'deadline'>, today: string) => !hasAnswered(p.status) && p.deadline < today;

export type GuardFacts = {
  today: string;
  participants: readonly ParticipantFacts[];
  decree?: { number: string; date: string } | undefined;
  /** Whether the TKKSD plenary has decided the priority list. */
  plenaryDecided?: boolean;
};

export type GuardBlock =
  | { code: 'no_participants' }
  | { code: 'deadline_passed' }
  | { code: 'answers_outstanding'; orgIds: string[] }
  | { code: 'reviews_pending'; orgIds: string[] }
  | { code: 'nothing_accepted' }
  | { code: 'plenary_missing' }
  | { code: 'decree_missing' };

/**
 * What keeps a cycle where it is (null: the action may run):
 * - start_mapping: at least one participating OPD, and the answer deadline still ahead (or today);
 * - start_discussion: every participating OPD has answered (submitted or accepted), or its
 *   deadline has passed — the TKKSD does not wait forever, and a late OPD is visible as late;
 * - start_determination: no answer is waiting for review, and at least one was accepted;
 * - determine: the TKKSD plenary's decided priority list, then the number and date of the
 *   Keputusan Kepala Daerah that adopts it.
 */
export const guardBlock = (action: CycleAction, f: GuardFacts & { answerDeadline: string }): GuardBlock | null => {
  switch (action) {
    case 'start_mapping':
      if (f.participants.length === 0) return { code: 'no_participants' };

      return f.answerDeadline < f.today ? { code: 'deadline_passed' } : null;
    case 'start_discussion': {
      const waiting = f.participants.filter((p) => !hasAnswered(p.status) && p.deadline >= f.today).map((p) => p.orgId);

      return waiting.length ? { code: 'answers_outstanding', orgIds: waiting } : null;
    }
    case 'start_determination': {
      const pending = f.participants.filter((p) => p.status === 'SUBMITTED').map((p) => p.orgId);
      if (pending.length) return { code: 'reviews_pending', orgIds: pending };

      return f.participants.some((p) => p.status === 'ACCEPTED') ? null : { code: 'nothing_accepted' };
    }
    case 'determine':
      if (!f.plenaryDecided) return { code: 'plenary_missing' };

      return f.decree && f.decree.number.trim() && f.decree.date ? null : { code: 'decree_missing' };
  }
};

/** Whether the actor's roles in the pemda allow the action (the rule pack's advanceRoles of the stage it leaves). */
export const mayAdvance = (roles: readonly string[], config: StageConfig, action: CycleAction) => config[CYCLE_ACTIONS[action].from].advanceRoles.some((r) => roles.includes(r));
