import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { longDate, type Lang } from '../../platform/i18n/i18n.js';
import { renderDocx } from '../../platform/render/docx.js';
import { renderPdf } from '../../platform/render/pdf.js';
import { recordAudit } from '../audit/index.js';
import { jakartaDay, rulesForTenant } from '../cooperations/index.js';
import { meetingRecord, meetingsForCycle } from '../meetings/index.js';
import { getRegion, listUrusan } from '../reference/index.js';
import { cycleErrors, fieldErrors, type FieldProblem } from './cycles.errors.js';
import * as cyclePolicy from './cycles.policy.js';
import * as cycleRepo from './cycles.repository.js';
import type { CycleRow } from './cycles.tables.js';
import { loadVisibleCycle, type Deps } from './cycles.usecases.js';
import { beritaAcara, draftDecree, type RegionLevel } from './plenary.documents.js';
import { plenaryErrors } from './plenary.errors.js';
import * as m from './plenary.models.js';
import * as repo from './plenary.repository.js';
import type { DecisionInput, PlenaryDto, ScoresInput } from './plenary.schemas.js';
import type { PlenaryRow, PlenarySnapshot } from './plenary.tables.js';
import * as tkksdRepo from './tkksd.repository.js';
import { currentPeriod, isActiveOn } from './tkksd.models.js';

const scoringFor = async (db: Db, tenantId: string, today: string) => (await rulesForTenant({ db, tenantId, onDate: today })).plenaryScoring;

/** The cycle's items with their scores, ranked under the given weights. */
const ranked = async (db: Db, cycleId: string, scoring: m.Scoring) => {
  const items = await repo.rankableItems(db, cycleId);
  const scores = await repo.scoresOf(
    db,
    items.map((i) => i.id),
  );
  const byItem = new Map<string, m.Scores>();
  for (const s of scores) byItem.set(s.potentialId, { ...byItem.get(s.potentialId), [s.criterion]: s.score });

  return m.rank(
    scoring,
    items.map((i) => ({ ...i, scores: byItem.get(i.id) ?? {} })),
  );
};

const present = async (db: Db, actor: Actor, lang: Lang, c: CycleRow, today: string): Promise<PlenaryDto> => {
  const scoring = await scoringFor(db, c.tenantId, today);
  const items = await ranked(db, c.id, scoring);
  const decision = await repo.findPlenary(db, c.id);
  const chosen = new Set(decision?.snapshot.items.filter((i) => i.priority).map((i) => i.potentialId) ?? []);
  const meetings = await meetingsForCycle(db, c.tenantId, 'RAPAT_PLENO_TKKSD', c.id);
  const open = m.isPlenaryOpen(c.stage);

  return {
    cycleId: c.id,
    year: c.year,
    stage: c.stage,
    open,
    scoring: { note: scoring.note, scale: scoring.scale, criteria: scoring.criteria.map((k) => ({ key: k.key, weight: k.weight, label: k.label[lang] })) },
    items: items.map((i) => ({
      potentialId: i.id,
      title: i.title,
      kind: i.kind as PlenaryDto['items'][number]['kind'],
      status: i.status,
      orgName: i.orgName,
      urusanCodes: i.urusanCodes,
      costEstimateIdr: i.costEstimateIdr,
      scores: i.scores,
      total: i.total,
      complete: i.complete,
      rank: i.rank,
      priority: chosen.has(i.id),
    })),
    decision: decision
      ? {
          meetingId: decision.meetingId,
          meetingTitle: decision.snapshot.meeting.title,
          decidedAt: decision.decidedAt.toISOString(),
          decidedByName: decision.decidedByName,
          notes: decision.notes,
          present: decision.snapshot.attendance.filter((a) => a.attendance === 'PRESENT').length,
          criteria: decision.snapshot.scoring.criteria.map((k) => ({ key: k.key, weight: k.weight, label: k.label[lang] })),
          priorities: decision.snapshot.items.filter((i) => i.priority).map((i) => ({ potentialId: i.potentialId, title: i.title, rank: i.rank, total: i.total })),
        }
      : null,
    meetings: meetings.map((x) => ({ id: x.id, title: x.title, startsAt: x.startsAt.toISOString(), timeZone: x.timeZone, status: x.status })),
    canScore: open && cyclePolicy.canManage(actor, c.tenantId),
    rowVersion: decision?.rowVersion ?? 0,
  };
};

export const getPlenary = async ({ db, clock, actor, lang, id }: { db: Db; clock: Clock; actor: Actor; lang: Lang; id: string }) =>
  present(db, actor, lang, await loadVisibleCycle(db, actor, id), jakartaDay(clock.now()));

/** A cycle the actor runs, at a stage where the plenary sits. */
const loadOpen = async (deps: Deps, tx: Db, id: string) => {
  const c = await loadVisibleCycle(tx, deps.actor, id, true);
  if (!cyclePolicy.canManage(deps.actor, c.tenantId)) throw cycleErrors.manageForbidden();
  if (!m.isPlenaryOpen(c.stage)) throw plenaryErrors.notOpen();

  return c;
};

const audit = (deps: Deps, tx: Db, c: CycleRow, action: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action: `mapping.plenary.${action}`, entityType: 'mapping_cycle', entityId: c.id, tenantId: c.tenantId, diff: { year: c.year, ...diff } } });

/** The TKKSD records agreed scores (any number of items and criteria at once; null clears one). */
export const saveScores = (deps: Deps & { id: string; input: ScoresInput }) =>
  deps.db.transaction(async (tx) => {
    const c = await loadOpen(deps, tx, deps.id);
    const today = jakartaDay(deps.clock.now());
    const scoring = await scoringFor(tx, c.tenantId, today);
    const before = await ranked(tx, c.id, scoring);
    const problems: FieldProblem[] = m.scoreProblems(scoring, deps.input.items, new Set(before.map((i) => i.id)));
    if (problems.length) throw fieldErrors(problems, deps.lang, plenaryErrors.invalid);
    const rows = deps.input.items.flatMap((e) => Object.entries(e.scores).map(([criterion, score]) => ({ potentialId: e.potentialId, criterion, score })));
    await repo.writeScores(tx, rows, deps.actor.userId, deps.clock.now());
    const was = new Map(before.map((i) => [i.id, i.scores]));
    await audit(deps, tx, c, 'score', { changes: rows.map((r) => ({ ...r, before: was.get(r.potentialId)?.[r.criterion] ?? null })) });

    return present(tx, deps.actor, deps.lang, c, today);
  });

const DECISION_ERRORS = {
  meeting_not_plenary: () => plenaryErrors.meetingNotPlenary(),
  meeting_not_held: () => plenaryErrors.meetingNotHeld(),
  no_attendance: () => plenaryErrors.noAttendance(),
  unscored: (b: m.DecisionBlock) => plenaryErrors.unscored({ count: 'ids' in b ? b.ids.length : 0 }, { potentialIds: 'ids' in b ? b.ids : [] }),
} satisfies Record<m.DecisionBlock['code'], (b: m.DecisionBlock) => Error>;

/**
 * The plenary decides the priority list in a recorded meeting: the ranking, weights and
 * attendance are kept as decided (the documents print them), chosen items become DIPRIORITASKAN
 * and items an earlier decision chose but this one drops go back to DIUSULKAN. One transaction.
 */
export const decidePlenary = (deps: Deps & { id: string; input: DecisionInput }) =>
  deps.db.transaction(async (tx) => {
    const { input } = deps;
    const c = await loadOpen(deps, tx, deps.id);
    const today = jakartaDay(deps.clock.now());
    const previous = await repo.findPlenary(tx, c.id, true);
    if ((previous?.rowVersion ?? 0) !== input.expectedVersion) throw plenaryErrors.stale();
    const scoring = await scoringFor(tx, c.tenantId, today);
    const items = await ranked(tx, c.id, scoring);
    const byId = new Map(items.map((i) => [i.id, i]));
    const problems: FieldProblem[] = [];
    input.priorityIds.forEach((id, i) => {
      if (!byId.has(id)) problems.push({ path: `priorityIds.${i}`, code: 'not_found' });
      else if (input.priorityIds.indexOf(id) !== i) problems.push({ path: `priorityIds.${i}`, code: 'duplicate' });
    });
    const record = await meetingRecord(tx, input.meetingId);
    if (!record || record.meeting.tenantId !== c.tenantId) problems.push({ path: 'meetingId', code: 'not_found' });
    if (problems.length) throw fieldErrors(problems, deps.lang, plenaryErrors.invalid);
    const { meeting, invitees } = record!;
    const chosen = new Set(input.priorityIds);
    const block = m.decisionBlock({
      meeting,
      cycle: c,
      present: invitees.filter((x) => x.attendance === 'PRESENT').length,
      priorities: items.filter((i) => chosen.has(i.id)),
    });
    if (block) throw DECISION_ERRORS[block.code](block);

    const snapshot: PlenarySnapshot = {
      meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString(), timeZone: meeting.timeZone, place: meeting.place, mode: meeting.mode },
      scoring: { scale: scoring.scale, criteria: scoring.criteria },
      items: items.map((i) => ({
        potentialId: i.id,
        rank: i.rank,
        total: i.total,
        priority: chosen.has(i.id),
        title: i.title,
        kind: i.kind,
        orgName: i.orgName,
        urusanCodes: i.urusanCodes,
        costEstimateIdr: i.costEstimateIdr,
        scores: i.scores,
      })),
      attendance: invitees.map((x) => ({ name: x.name, organisation: x.organisation, attendance: x.attendance, walkIn: x.walkIn })),
      decisions: meeting.decisions,
    };
    const now = deps.clock.now();
    const saved = await repo.savePlenary(
      tx,
      { cycleId: c.id, tenantId: c.tenantId, meetingId: meeting.id, decidedAt: now, decidedBy: deps.actor.userId, decidedByName: deps.actor.name, notes: input.notes, snapshot },
      input.expectedVersion,
    );
    if (!saved) throw plenaryErrors.stale();
    const previouslyChosen = new Set(previous?.snapshot.items.filter((i) => i.priority).map((i) => i.potentialId) ?? []);
    const moves = m.statusMoves(items, chosen, previouslyChosen);
    const reason = `Rapat pleno TKKSD ${longDate(jakartaDay(meeting.startsAt), 'id')}: ${meeting.title}`;
    const prioritised = await repo.moveStatus(tx, moves.prioritise, 'DIUSULKAN', 'DIPRIORITASKAN', reason, now);
    const released = await repo.moveStatus(tx, moves.release, 'DIPRIORITASKAN', 'DIUSULKAN', reason, now);
    await audit(deps, tx, c, 'decide', {
      meetingId: meeting.id,
      priorityIds: input.priorityIds,
      prioritised,
      released,
      weights: scoring.criteria.map((k) => ({ key: k.key, weight: k.weight })),
      replaced: previous ? previous.rowVersion : null,
    });

    return present(tx, deps.actor, deps.lang, c, today);
  });

/** Whether the cycle's plenary has decided (the determination needs it). */
export const plenaryOf = (db: Db, cycleId: string) => repo.findPlenary(db, cycleId);

/** On determination: the decided priorities still DIPRIORITASKAN become DITETAPKAN by the decree. */
export const adoptPriorities = async (tx: Db, plenary: PlenaryRow, decree: { number: string; date: string }, at: Date) =>
  repo.moveStatus(
    tx,
    plenary.snapshot.items.filter((i) => i.priority).map((i) => i.potentialId),
    'DIPRIORITASKAN',
    'DITETAPKAN',
    `Keputusan Kepala Daerah Nomor ${decree.number} tanggal ${longDate(decree.date, 'id')}`,
    at,
  );

/** The chair and secretary of the TKKSD on the day of the plenary, for the signature block. */
const signatories = async (db: Db, tenantId: string, day: string) => {
  const period = currentPeriod(await tkksdRepo.listPeriods(db, tenantId), day);
  const members = period ? (await tkksdRepo.membersOf(db, [period.id])).filter((x) => isActiveOn(x, day)) : [];
  const person = (position: string) => {
    const x = members.find((y) => y.position === position);

    return x ? { name: x.personName, position: x.personTitle ?? '' } : null;
  };

  return { ketua: person('KETUA'), sekretaris: person('SEKRETARIS') };
};

const MEDIA = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/**
 * The Berita Acara of the plenary or the draft Keputusan Kepala Daerah, rendered from the decision
 * as it was taken (a later change of weights, items or meeting does not alter them); the decree's
 * number and date are filled once the cycle records them.
 */
export const plenaryDocument = async ({ db, clock, actor, id, document, format }: { db: Db; clock: Clock; actor: Actor; id: string; document: 'berita-acara' | 'keputusan'; format: 'docx' | 'pdf' }) => {
  const c = await loadVisibleCycle(db, actor, id);
  const decision = await repo.findPlenary(db, c.id);
  if (!decision) throw plenaryErrors.notDecided();
  const tenant = await cycleRepo.tenantFact(db, c.tenantId);
  const region = tenant?.regionCode ? await getRegion({ db, code: tenant.regionCode }) : null;
  const day = jakartaDay(new Date(decision.snapshot.meeting.startsAt));
  const facts = {
    level: (region?.level ?? 'KABUPATEN') as RegionLevel,
    regionName: region?.name ?? tenant?.name.replace(/^Pemerintah\s+/i, '') ?? '',
    year: c.year,
    snapshot: decision.snapshot,
    urusanNames: new Map((await listUrusan({ db })).map((u) => [u.code, u.nameId])),
    regulationRefs: (await rulesForTenant({ db, tenantId: c.tenantId, onDate: jakartaDay(clock.now()) })).regulationRefs,
    signatories: await signatories(db, c.tenantId, day),
    decree: { number: c.decreeNumber, date: c.decreeDate },
  };
  const doc = document === 'berita-acara' ? beritaAcara(facts) : draftDecree(facts);
  const bytes = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
  const name = `${document === 'berita-acara' ? 'Berita-Acara-Pleno-TKKSD' : 'Rancangan-Keputusan-RPK-KSD'}_${c.year}.${format}`;

  return { fileName: name, mediaType: MEDIA[format], size: bytes.byteLength, content: bytes };
};
