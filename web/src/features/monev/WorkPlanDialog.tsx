import { useModalDialog } from '../../ui/useModalDialog';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import {
  ACTIVITY_STATUSES,
  createActivity,
  createMilestone,
  createObligation,
  MILESTONE_STATUSES,
  OBLIGATION_STATUSES,
  updateActivity,
  updateMilestone,
  updateObligation,
  type Activity,
  type Milestone,
  type Obligation,
  type WorkPlan,
} from './workplan.api';

export type DialogTarget =
  | { kind: 'activity'; item: Activity | null }
  | { kind: 'obligation'; item: Obligation | null; statusOnly: boolean }
  | { kind: 'milestone'; item: Milestone | null };

type Values = Record<string, string>;

const initialValues = (target: DialogTarget): Values => {
  if (target.kind === 'activity') {
    const a = target.item;

    return {
      name: a?.name ?? '',
      description: a?.description ?? '',
      responsibleOrgId: a?.responsibleOrg.id ?? '',
      responsibleOpdId: a?.responsibleOpd?.id ?? '',
      plannedStart: a?.plannedStart ?? '',
      plannedEnd: a?.plannedEnd ?? '',
      budget: a?.budget ?? '0.00',
      realisation: a?.realisation ?? '0.00',
      outputs: a?.outputs.join('\n') ?? '',
      status: a?.status ?? 'DIRENCANAKAN',
      weight: String(a?.weight ?? 1),
      progress: String(a?.progress ?? 0),
    };
  }
  if (target.kind === 'obligation') {
    const o = target.item;

    return { partyOrgId: o?.party.id ?? '', description: o?.description ?? '', dueDate: o?.dueDate ?? '', status: o?.status ?? 'BELUM_JATUH_TEMPO', note: o?.note ?? '' };
  }
  const m = target.item;

  return { name: m?.name ?? '', activityId: m?.activityId ?? '', dueDate: m?.dueDate ?? '', status: m?.status ?? 'TERJADWAL', note: m?.note ?? '' };
};

/** Sends the form: amounts as typed ("1500000.50"), empty optional fields as null. */
const save = (cooperationId: string, target: DialogTarget, v: Values): Promise<unknown> => {
  const orNull = (x: string | undefined) => (x?.trim() ? x.trim() : null);
  if (target.kind === 'activity') {
    const body = {
      name: v.name ?? '',
      description: v.description ?? '',
      responsibleOrgId: v.responsibleOrgId ?? '',
      responsibleOpdId: orNull(v.responsibleOpdId),
      plannedStart: v.plannedStart ?? '',
      plannedEnd: v.plannedEnd ?? '',
      budget: (v.budget ?? '').trim(),
      realisation: (v.realisation ?? '').trim(),
      outputs: (v.outputs ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      status: v.status as Activity['status'],
      weight: Number(v.weight),
      progress: Number(v.progress),
    };
    // Figures from an approved progress update are corrected through the update, never here.
    if (target.item?.figuresLocked) {
      const { progress: _p, realisation: _r, ...rest } = body;

      return updateActivity(cooperationId, target.item.id, { ...rest, expectedVersion: target.item.rowVersion });
    }

    return target.item ? updateActivity(cooperationId, target.item.id, { ...body, expectedVersion: target.item.rowVersion }) : createActivity(cooperationId, body);
  }
  if (target.kind === 'obligation') {
    const status = v.status as Obligation['status'];
    if (target.statusOnly && target.item) return updateObligation(cooperationId, target.item.id, { status, note: v.note ?? '' });
    const body = { partyOrgId: v.partyOrgId ?? '', description: v.description ?? '', dueDate: orNull(v.dueDate), status, note: v.note ?? '' };

    return target.item ? updateObligation(cooperationId, target.item.id, body) : createObligation(cooperationId, body);
  }
  const body = { name: v.name ?? '', activityId: orNull(v.activityId), dueDate: v.dueDate ?? '', status: v.status as Milestone['status'], note: v.note ?? '' };

  return target.item ? updateMilestone(cooperationId, target.item.id, body) : createMilestone(cooperationId, body);
};

/**
 * Adds or changes one item of the work plan in a modal dialog. The server judges every rule
 * (parties, OPDs, the term) and its messages are shown on the fields they concern.
 */
export const WorkPlanDialog = ({ cooperationId, plan, target, onClose, onDone }: { cooperationId: string; plan: WorkPlan; target: DialogTarget; onClose: () => void; onDone: () => void }) => {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useModalDialog(onClose);
  const locked = target.kind === 'activity' && Boolean(target.item?.figuresLocked);
  const [values, setValues] = useState<Values>(() => initialValues(target));
  const run = useMutation({ mutationFn: () => save(cooperationId, target, values), onSuccess: onDone });


  const fieldErrors = run.error instanceof ApiError ? run.error.fieldErrors : {};
  const err = (field: string) => fieldErrors[field];
  const set = (key: string) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const k = `monev.workPlan.${target.kind}`;
  const title = t(`${k}.${target.item ? 'editTitle' : 'addTitle'}`);
  const stale = run.error instanceof ApiError && run.error.code === 'monev.activity_stale';
  const party = plan.parties.find((p) => p.id === values.responsibleOrgId);
  const statusOnly = target.kind === 'obligation' && target.statusOnly;

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {stale ? <ErrorNotice>{t('monev.workPlan.stale')}</ErrorNotice> : run.isError ? <ErrorNotice error={run.error} /> : null}
        {target.kind === 'activity' ? (
          <>
            <TextField label={t('monev.workPlan.fields.name')} required maxLength={300} value={values.name} onChange={set('name')} error={err('name')} />
            <TextAreaField label={t('monev.workPlan.fields.description')} rows={3} maxLength={4000} value={values.description} onChange={set('description')} error={err('description')} />
            <SelectField label={t('monev.workPlan.fields.responsibleOrg')} required value={values.responsibleOrgId} onChange={(e) => setValues({ ...values, responsibleOrgId: e.target.value, responsibleOpdId: '' })} error={err('responsibleOrgId')}>
              <option value="">{t('monev.workPlan.choose')}</option>
              {plan.parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('monev.workPlan.fields.responsibleOpd')} value={values.responsibleOpdId} onChange={set('responsibleOpdId')} error={err('responsibleOpdId')}>
              <option value="">{t('monev.workPlan.noOpd')}</option>
              {(party?.opds ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <TextField label={t('monev.workPlan.fields.plannedStart')} type="date" required value={values.plannedStart} onChange={set('plannedStart')} error={err('plannedStart')} />
            <TextField label={t('monev.workPlan.fields.plannedEnd')} type="date" required value={values.plannedEnd} onChange={set('plannedEnd')} error={err('plannedEnd')} />
            <TextField label={t('monev.workPlan.fields.budget')} hint={t('monev.workPlan.amountHint')} inputMode="decimal" value={values.budget} onChange={set('budget')} error={err('budget')} />
            <TextField
              label={t('monev.workPlan.fields.realisation')}
              hint={locked ? t('updates.lockHint') : t('monev.workPlan.amountHint')}
              inputMode="decimal"
              readOnly={locked}
              value={values.realisation}
              onChange={set('realisation')}
              error={err('realisation')}
            />
            <TextAreaField label={t('monev.workPlan.fields.outputs')} hint={t('monev.workPlan.outputsHint')} rows={3} value={values.outputs} onChange={set('outputs')} error={err('outputs')} />
            <TextField label={t('monev.workPlan.fields.weight')} type="number" min="0.001" step="any" value={values.weight} onChange={set('weight')} error={err('weight')} />
            <TextField
              label={t('monev.workPlan.fields.progress')}
              hint={locked ? t('updates.lockHint') : undefined}
              type="number"
              min="0"
              max="100"
              step="1"
              readOnly={locked}
              value={values.progress}
              onChange={set('progress')}
              error={err('progress')}
            />
          </>
        ) : null}
        {target.kind === 'obligation' && !statusOnly ? (
          <>
            <SelectField label={t('monev.workPlan.fields.party')} required value={values.partyOrgId} onChange={set('partyOrgId')} error={err('partyOrgId')}>
              <option value="">{t('monev.workPlan.choose')}</option>
              {plan.parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('monev.workPlan.fields.obligation')} required rows={3} maxLength={2000} value={values.description} onChange={set('description')} error={err('description')} />
            <TextField label={t('monev.workPlan.fields.dueDate')} type="date" value={values.dueDate} onChange={set('dueDate')} error={err('dueDate')} />
          </>
        ) : null}
        {target.kind === 'milestone' ? (
          <>
            <TextField label={t('monev.workPlan.fields.name')} required maxLength={300} value={values.name} onChange={set('name')} error={err('name')} />
            <SelectField label={t('monev.workPlan.fields.activity')} value={values.activityId} onChange={set('activityId')} error={err('activityId')}>
              <option value="">{t('monev.workPlan.noActivity')}</option>
              {plan.activities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <TextField label={t('monev.workPlan.fields.dueDate')} type="date" required value={values.dueDate} onChange={set('dueDate')} error={err('dueDate')} />
          </>
        ) : null}
        <SelectField label={t('monev.workPlan.fields.status')} value={values.status} onChange={set('status')} error={err('status')}>
          {(target.kind === 'activity' ? ACTIVITY_STATUSES : target.kind === 'obligation' ? OBLIGATION_STATUSES : MILESTONE_STATUSES).map((s) => (
            <option key={s} value={s}>
              {t(`monev.workPlan.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        {target.kind !== 'activity' ? <TextAreaField label={t('monev.workPlan.fields.note')} rows={2} maxLength={2000} value={values.note} onChange={set('note')} error={err('note')} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
