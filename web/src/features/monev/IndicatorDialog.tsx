import { useModalDialog } from '../../ui/useModalDialog';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { createIndicator, DIRECTIONS, FREQUENCIES, recordIndicatorValue, updateIndicator, type Indicator, type IndicatorList } from './indicators.api';

export type IndicatorTarget = { kind: 'indicator'; item: Indicator | null } | { kind: 'value'; indicator: Indicator };

type Values = Record<string, string>;

const initialValues = (target: IndicatorTarget): Values => {
  if (target.kind === 'value') return { period: '', regionCode: '', target: '', actual: '', note: '' };
  const i = target.item;

  return {
    name: i?.name ?? '',
    unit: i?.unit ?? '',
    activityId: i?.activity?.id ?? '',
    baseline: i?.baseline ?? '0',
    target: i?.target ?? '',
    direction: i?.direction ?? 'INCREASE',
    frequency: i?.frequency ?? 'QUARTERLY',
    byRegion: i?.byRegion ? 'yes' : 'no',
    weight: String(i?.weight ?? 1),
  };
};

/** Sends the form: figures as typed ("12.5"), empty optional fields as null. */
const save = (cooperationId: string, target: IndicatorTarget, v: Values): Promise<unknown> => {
  const orNull = (x: string | undefined) => (x?.trim() ? x.trim() : null);
  if (target.kind === 'value')
    return recordIndicatorValue(cooperationId, target.indicator.id, {
      period: (v.period ?? '').trim(),
      regionCode: target.indicator.byRegion ? orNull(v.regionCode) : null,
      target: orNull(v.target),
      actual: (v.actual ?? '').trim(),
      note: v.note ?? '',
    });
  const body = {
    name: v.name ?? '',
    unit: v.unit ?? '',
    activityId: orNull(v.activityId),
    baseline: (v.baseline ?? '').trim(),
    target: (v.target ?? '').trim(),
    direction: v.direction as Indicator['direction'],
    frequency: v.frequency as Indicator['frequency'],
    byRegion: v.byRegion === 'yes',
    weight: Number(v.weight),
  };

  return target.item ? updateIndicator(cooperationId, target.item.id, { ...body, expectedVersion: target.item.rowVersion }) : createIndicator(cooperationId, body);
};

/**
 * Adds or changes an indicator, or records (corrects) the value of one period, in a modal dialog.
 * The server judges the rules (period shape, region, target side); its messages sit on the fields.
 */
export const IndicatorDialog = ({ cooperationId, list, target, onClose, onDone }: { cooperationId: string; list: IndicatorList; target: IndicatorTarget; onClose: () => void; onDone: () => void }) => {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useModalDialog(onClose);
  const [values, setValues] = useState<Values>(() => initialValues(target));
  const run = useMutation({ mutationFn: () => save(cooperationId, target, values), onSuccess: onDone });


  const fieldErrors = run.error instanceof ApiError ? run.error.fieldErrors : {};
  const err = (field: string) => fieldErrors[field];
  const set = (key: string) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const stale = run.error instanceof ApiError && run.error.code === 'monev.indicator_stale';
  const k = 'monev.indicators';
  const title =
    target.kind === 'value' ? t(`${k}.recordTitle`, { name: target.indicator.name }) : t(`${k}.${target.item ? 'editTitle' : 'addTitle'}`);

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {stale ? <ErrorNotice>{t(`${k}.stale`)}</ErrorNotice> : run.isError ? <ErrorNotice error={run.error} /> : null}
        {target.kind === 'indicator' ? (
          <>
            <TextField label={t(`${k}.fields.name`)} required maxLength={300} value={values.name} onChange={set('name')} error={err('name')} />
            <TextField label={t(`${k}.fields.unit`)} hint={t(`${k}.unitHint`)} required maxLength={60} value={values.unit} onChange={set('unit')} error={err('unit')} />
            <SelectField label={t(`${k}.fields.activity`)} value={values.activityId} onChange={set('activityId')} error={err('activityId')}>
              <option value="">{t(`${k}.noActivity`)}</option>
              {list.activities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <TextField label={t(`${k}.fields.baseline`)} hint={t(`${k}.figureHint`)} required inputMode="decimal" value={values.baseline} onChange={set('baseline')} error={err('baseline')} />
            <TextField label={t(`${k}.fields.target`)} hint={t(`${k}.figureHint`)} required inputMode="decimal" value={values.target} onChange={set('target')} error={err('target')} />
            <SelectField label={t(`${k}.fields.direction`)} value={values.direction} onChange={set('direction')} error={err('direction')}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`${k}.directions.${d}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t(`${k}.fields.frequency`)} value={values.frequency} onChange={set('frequency')} error={err('frequency')}>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`${k}.frequencies.${f}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t(`${k}.fields.byRegion`)} value={values.byRegion} onChange={set('byRegion')} error={err('byRegion')}>
              <option value="no">{t(`${k}.byRegionNo`)}</option>
              <option value="yes">{t(`${k}.byRegionYes`)}</option>
            </SelectField>
            <TextField label={t(`${k}.fields.weight`)} type="number" min="0.001" step="any" value={values.weight} onChange={set('weight')} error={err('weight')} />
          </>
        ) : (
          <>
            <TextField
              label={t(`${k}.fields.period`)}
              hint={t(`${k}.periodHints.${target.indicator.frequency}`)}
              required
              maxLength={7}
              value={values.period}
              onChange={set('period')}
              error={err('period')}
            />
            {target.indicator.byRegion ? (
              <TextField label={t(`${k}.fields.region`)} hint={t(`${k}.regionHint`)} required value={values.regionCode} onChange={set('regionCode')} error={err('regionCode')} />
            ) : null}
            <TextField label={t(`${k}.fields.actual`)} hint={t(`${k}.figureHint`)} required inputMode="decimal" value={values.actual} onChange={set('actual')} error={err('actual')} />
            <TextField label={t(`${k}.fields.periodTarget`)} hint={t(`${k}.periodTargetHint`)} inputMode="decimal" value={values.target} onChange={set('target')} error={err('target')} />
            <TextAreaField label={t(`${k}.fields.note`)} rows={2} maxLength={2000} value={values.note} onChange={set('note')} error={err('note')} />
          </>
        )}
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
