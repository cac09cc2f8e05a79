import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { loadForParticipant, loadVisibleCooperation } from '../cooperations/index.js';
import { findUnknownReferences } from '../reference/index.js';
import { indicatorErrors, invalidIndicatorFields, type FieldProblem } from './indicators.errors.js';
import * as model from './indicators.models.js';
import * as repo from './indicators.repository.js';
import { refreshProgress } from './progress.usecases.js';
import { regionNames } from '../reference/index.js';
import type { IndicatorCreateInput, IndicatorDto, IndicatorListDto, IndicatorUpdateInput, IndicatorValueInput } from './indicators.schemas.js';
import type { IndicatorRow, IndicatorValueRow } from './indicators.tables.js';
import { canEditPlan, isPlanEditableIn } from './workplan.policy.js';

type Cooperation = Awaited<ReturnType<typeof loadForParticipant>>['cooperation'];
type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang };
type Ctx = { tx: Db; cooperation: Cooperation; actingTenantId: string | null };

const facts = (i: Pick<IndicatorRow, 'baseline' | 'target' | 'direction'>) => ({ baseline: Number(i.baseline), target: Number(i.target), direction: i.direction });

/** Region names for the values broken down by region (codes alone mean little to a reader). */
const namesOf = (db: Db, values: readonly IndicatorValueRow[]) => regionNames({ db, codes: values.flatMap((v) => (v.regionCode ? [v.regionCode] : [])) });

const present = (i: IndicatorRow, values: readonly IndicatorValueRow[], activities: readonly repo.ActivityRef[], names: ReadonlyMap<string, string> = new Map()): IndicatorDto => {
  const own = values.filter((v) => v.indicatorId === i.id).sort((a, b) => model.comparePeriods(a.period, b.period) || (a.regionCode ?? '').localeCompare(b.regionCode ?? ''));
  const f = facts(i);
  const activity = i.activityId ? activities.find((a) => a.id === i.activityId) : undefined;

  return {
    id: i.id,
    cooperationId: i.cooperationId,
    activity: activity ? { id: activity.id, name: activity.name } : null,
    name: i.name,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    direction: i.direction,
    frequency: i.frequency,
    byRegion: i.byRegion,
    weight: Number(i.weight),
    values: own.map((v) => ({
      period: v.period,
      regionCode: v.regionCode,
      regionName: v.regionCode ? (names.get(v.regionCode) ?? null) : null,
      target: v.target,
      actual: v.actual,
      note: v.note,
      achievement: model.periodAchievement({ ...f, target: v.target === null ? f.target : Number(v.target), actual: Number(v.actual) }),
      recordedAt: v.recordedAt.toISOString(),
    })),
    latest: model.latestPeriod(f, own.map((v) => ({ period: v.period, regionCode: v.regionCode, target: v.target === null ? null : Number(v.target), actual: Number(v.actual) }))),
    rowVersion: i.rowVersion,
    updatedAt: i.updatedAt.toISOString(),
  };
};

/**
 * The cooperation's indicator roll-up: indicators tied to an activity roll up into it (weighted by
 * the indicators' weights), activities into the cooperation by the activities' weights, beside
 * the indicators tied to no activity.
 */
export const indicatorRollUp = (indicators: readonly IndicatorDto[], activities: readonly repo.ActivityRef[]): number | null => {
  const leaf = (i: IndicatorDto): model.RollUpNode => ({ weight: i.weight, value: i.latest?.achievement ?? null });
  const nodes: model.RollUpNode[] = [
    ...activities.map((a) => ({ weight: Number(a.weight), children: indicators.filter((i) => i.activity?.id === a.id).map(leaf) })),
    ...indicators.filter((i) => i.activity === null).map(leaf),
  ];
  const value = model.rollUp(nodes);

  return value === null ? null : Math.round(value * 10) / 10;
};

/** A cooperation's indicators with their latest standing, and their rolled-up achievement (0–100, null when nothing is measured). */
export const indicatorStandingOf = async (db: Db, cooperationId: string) => {
  const [rows, activities] = await Promise.all([repo.listIndicators(db, cooperationId), repo.activitiesOf(db, cooperationId)]);
  const values = await repo.listValues(db, rows.map((r) => r.id));
  const indicators = rows.map((r) => present(r, values, activities));

  return { indicators, rollUp: indicatorRollUp(indicators, activities) };
};

/** The indicators of a cooperation the reader may see (404 otherwise), with values, achievement and the roll-up. */
export const listIndicators = async ({ db, actor, cooperationId }: { db: Db; actor: Actor; cooperationId: string }): Promise<IndicatorListDto> => {
  const c = await loadVisibleCooperation({ db, actor, id: cooperationId });
  const [rows, activities] = await Promise.all([repo.listIndicators(db, c.id), repo.activitiesOf(db, c.id)]);
  const values = await repo.listValues(db, rows.map((r) => r.id));
  const names = await namesOf(db, values);
  const indicators = rows.map((r) => present(r, values, activities, names));

  return {
    indicators,
    rollUp: indicatorRollUp(indicators, activities),
    canEdit: isPlanEditableIn(c.state) && canEditPlan(actor, c),
    activities: activities.map((a) => ({ id: a.id, name: a.name })),
  };
};

/** Every change: cooperation row locked, actor a party (403 overseers, 404 strangers), the work plan rule of who edits and when. */
const withIndicators = async <T>({ db, clock, actor }: Deps, cooperationId: string, run: (ctx: Ctx) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    const { cooperation, actingTenantId } = await loadForParticipant({ db: tx, actor, id: cooperationId, lock: true });
    if (!canEditPlan(actor, cooperation)) throw indicatorErrors.forbidden();
    if (!isPlanEditableIn(cooperation.state)) throw indicatorErrors.notEditable({ state: cooperation.state });

    const result = await run({ tx, cooperation, actingTenantId });
    // An indicator's achievement is part of the cooperation's progress.
    await refreshProgress({ tx, clock, cooperationId: cooperation.id });

    return result;
  });

const audit = (deps: Deps, ctx: Ctx, action: string, entityType: string, entityId: string, diff: Record<string, unknown>) =>
  recordAudit({
    tx: ctx.tx,
    clock: deps.clock,
    context: deps.audit,
    entry: { action: `monev.${action}`, entityType, entityId, tenantId: ctx.actingTenantId ?? ctx.cooperation.tenantId, diff: { cooperationId: ctx.cooperation.id, ...diff } },
  });

type Definition = Pick<IndicatorRow, 'activityId' | 'baseline' | 'target' | 'direction'>;

/** Cross-field and cross-record rules of an indicator, each reported on its field. */
const checkIndicator = async (ctx: Ctx, i: Definition, lang: Lang) => {
  const problems: FieldProblem[] = [];
  const activities = await repo.activitiesOf(ctx.tx, ctx.cooperation.id);
  if (i.activityId && !activities.some((a) => a.id === i.activityId)) problems.push({ path: 'activityId', code: 'activity_not_found' });
  const { baseline, target } = facts(i);
  if (i.direction === 'INCREASE' ? target < baseline : target > baseline) problems.push({ path: 'target', code: 'target_wrong_side' });
  if (problems.length) throw invalidIndicatorFields(problems, lang);

  return activities;
};

const presentOne = async (ctx: Ctx, row: IndicatorRow, activities: readonly repo.ActivityRef[]) => {
  const values = await repo.listValues(ctx.tx, [row.id]);

  return present(row, values, activities, await namesOf(ctx.tx, values));
};

/** Adds an indicator to a cooperation. */
export const createIndicator = (deps: Deps & { cooperationId: string; input: IndicatorCreateInput }) =>
  withIndicators(deps, deps.cooperationId, async (ctx) => {
    const i = deps.input;
    const activities = await checkIndicator(ctx, { activityId: i.activityId ?? null, baseline: i.baseline, target: i.target, direction: i.direction }, deps.lang);
    const now = deps.clock.now();
    const row = await repo.insertIndicator(ctx.tx, {
      cooperationId: ctx.cooperation.id,
      activityId: i.activityId ?? null,
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      direction: i.direction,
      frequency: i.frequency,
      byRegion: i.byRegion,
      weight: String(i.weight),
      rowVersion: 1,
      createdBy: deps.actor.userId,
      createdAt: now,
      updatedBy: deps.actor.userId,
      updatedAt: now,
    });
    await audit(deps, ctx, 'indicator.create', 'monev_indicator', row.id, { name: row.name, unit: row.unit, baseline: row.baseline, target: row.target, frequency: row.frequency });

    return presentOne(ctx, row, activities);
  });

const auditView = (i: IndicatorRow) => ({ ...i, weight: Number(i.weight), createdAt: undefined, createdBy: undefined, updatedAt: undefined, updatedBy: undefined, rowVersion: undefined });

/** Changes an indicator the caller saw at `expectedVersion`. Frequency and region breakdown are fixed once values exist. */
export const updateIndicator = (deps: Deps & { cooperationId: string; indicatorId: string; input: IndicatorUpdateInput }) =>
  withIndicators(deps, deps.cooperationId, async (ctx) => {
    const before = await repo.findIndicator(ctx.tx, ctx.cooperation.id, deps.indicatorId);
    if (!before) throw indicatorErrors.notFound();
    const { expectedVersion, weight, ...fields } = deps.input;
    if (before.rowVersion !== expectedVersion) throw indicatorErrors.stale();
    const reshaped = (['frequency', 'byRegion'] as const).filter((k) => fields[k] !== undefined && fields[k] !== before[k]);
    if (reshaped.length && (await repo.countValues(ctx.tx, before.id)) > 0) throw invalidIndicatorFields(reshaped.map((path) => ({ path, code: 'has_values' })), deps.lang);
    const activities = await checkIndicator(ctx, { ...before, ...fields }, deps.lang);
    const after = await repo.updateIndicator(ctx.tx, before.id, expectedVersion, {
      ...fields,
      ...(weight !== undefined ? { weight: String(weight) } : {}),
      updatedBy: deps.actor.userId,
      updatedAt: deps.clock.now(),
    });
    if (!after) throw indicatorErrors.stale();
    await audit(deps, ctx, 'indicator.update', 'monev_indicator', after.id, changeSet(auditView(before), auditView(after)));

    return presentOne(ctx, after, activities);
  });

/** Deletes an indicator with its recorded values; the audit row keeps how many went with it. */
export const deleteIndicator = (deps: Deps & { cooperationId: string; indicatorId: string; expectedVersion: number }) =>
  withIndicators(deps, deps.cooperationId, async (ctx) => {
    const row = await repo.findIndicator(ctx.tx, ctx.cooperation.id, deps.indicatorId);
    if (!row) throw indicatorErrors.notFound();
    if (row.rowVersion !== deps.expectedVersion) throw indicatorErrors.stale();
    const values = await repo.countValues(ctx.tx, row.id);
    await repo.deleteIndicator(ctx.tx, row.id);
    await audit(deps, ctx, 'indicator.delete', 'monev_indicator', row.id, { name: row.name, unit: row.unit, values });
  });

/** The period matches the frequency; a region exactly when broken down by region, and a known one. */
const checkValue = async (ctx: Ctx, indicator: IndicatorRow, v: IndicatorValueInput, lang: Lang) => {
  const problems: FieldProblem[] = [];
  if (!model.isPeriodOf(indicator.frequency, v.period)) problems.push({ path: 'period', code: 'period_format', params: { example: model.PERIOD_EXAMPLES[indicator.frequency] } });
  const region = v.regionCode ?? null;
  if (indicator.byRegion && region === null) problems.push({ path: 'regionCode', code: 'region_required' });
  if (!indicator.byRegion && region !== null) problems.push({ path: 'regionCode', code: 'region_not_allowed' });
  if (indicator.byRegion && region !== null) {
    const unknown = await findUnknownReferences({ db: ctx.tx, urusanCodes: [], issueIds: [], regionCodes: [region] });
    if (unknown.regionCodes.length) problems.push({ path: 'regionCode', code: 'region_unknown' });
  }
  if (v.target !== undefined && v.target !== null && (indicator.direction === 'INCREASE' ? Number(v.target) < Number(indicator.baseline) : Number(v.target) > Number(indicator.baseline)))
    problems.push({ path: 'target', code: 'target_wrong_side' });
  if (problems.length) throw invalidIndicatorFields(problems, lang);
};

/** Records the value of one period (and region), or corrects it; the audit row keeps the figure it replaced. */
export const recordIndicatorValue = (deps: Deps & { cooperationId: string; indicatorId: string; input: IndicatorValueInput }) =>
  withIndicators(deps, deps.cooperationId, async (ctx) => {
    const indicator = await repo.findIndicator(ctx.tx, ctx.cooperation.id, deps.indicatorId);
    if (!indicator) throw indicatorErrors.notFound();
    const v = deps.input;
    await checkValue(ctx, indicator, v, deps.lang);
    const regionCode = v.regionCode ?? null;
    const fields = { target: v.target ?? null, actual: v.actual, note: v.note, recordedBy: deps.actor.userId, recordedAt: deps.clock.now() };
    const before = await repo.findValue(ctx.tx, indicator.id, v.period, regionCode);
    const after = before ? await repo.updateValue(ctx.tx, before.id, fields) : await repo.insertValue(ctx.tx, { indicatorId: indicator.id, period: v.period, regionCode, ...fields });
    const view = (x: IndicatorValueRow) => ({ target: x.target, actual: x.actual, note: x.note });
    await audit(deps, ctx, before ? 'indicator_value.correct' : 'indicator_value.record', 'monev_indicator', indicator.id, {
      period: v.period,
      regionCode,
      ...changeSet(before ? view(before) : null, view(after)),
    });

    return presentOne(ctx, indicator, await repo.activitiesOf(ctx.tx, ctx.cooperation.id));
  });
