import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useModalDialog } from '../../ui/useModalDialog';
import { uploadFile } from './evaluations.api';
import { createUpdate, reviseUpdate, reworkUpdate, type ProgressUpdate } from './updates.api';
import { fetchWorkPlan, workPlanKey } from './workplan.api';
import type { Indicator } from './indicators.api';
import { UpdateIndicatorLines, type IndicatorLine } from './UpdateIndicatorLines';

export type UpdateTarget = { kind: 'new' } | { kind: 'rework'; update: ProgressUpdate } | { kind: 'revise'; update: ProgressUpdate };

type Line = { include: boolean; progress: string; realisation: string };

/** Today in Jakarta as yyyy-mm-dd, the default report date. */
const jakartaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/**
 * Sends a progress update, reworks a draft or returned one, or files a correction of an approved
 * one (reason required). Activity lines start from the plan's current figures (or the update's
 * own); evidence files are uploaded first and attached by id. The server judges every rule and
 * its messages sit on the fields.
 */
export const UpdateDialog = ({ cooperationId, target, onClose, onDone }: { cooperationId: string; target: UpdateTarget; onClose: () => void; onDone: () => void }) => {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useModalDialog(onClose);
  const plan = useQuery({ queryKey: workPlanKey(cooperationId), queryFn: () => fetchWorkPlan(cooperationId) });
  const base = target.kind === 'new' ? null : target.update;
  const [asOf, setAsOf] = useState(base?.asOf ?? jakartaToday());
  const [narrative, setNarrative] = useState(base?.narrative ?? '');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState(base?.evidence ?? []);
  const [edits, setEdits] = useState<Record<string, Line>>({});
  const [indicatorEdits, setIndicatorEdits] = useState<Record<string, IndicatorLine>>({});
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const activities = plan.data?.activities.filter((a) => a.status !== 'DIBATALKAN') ?? [];
  const lineOf = (activityId: string): Line => {
    const edited = edits[activityId];
    if (edited) return edited;
    const own = base?.activityLines.find((l) => l.activityId === activityId);
    const current = activities.find((a) => a.id === activityId);
    if (own) return { include: true, progress: String(own.progress), realisation: own.realisationIdr ?? current?.realisation ?? '' };

    return { include: false, progress: String(current?.progress ?? 0), realisation: current?.realisation ?? '' };
  };
  const included = activities.filter((a) => lineOf(a.id).include);
  // Indicator lines: the update's own, then what the person ticks and fills in.
  const indicatorLineOf = (i: Pick<Indicator, 'id'>): IndicatorLine => {
    const own = base?.indicatorLines.find((l) => l.indicatorId === i.id);

    return indicatorEdits[i.id] ?? (own ? { include: true, periodKey: own.periodKey, value: own.value } : { include: false, periodKey: '', value: '' });
  };
  const indicatorLines = [...new Set([...(base?.indicatorLines.map((l) => l.indicatorId) ?? []), ...Object.keys(indicatorEdits)])]
    .map((indicatorId) => ({ indicatorId, ...indicatorLineOf({ id: indicatorId }) }))
    .filter((l) => l.include);
  const run = useMutation({
    mutationFn: () => {
      const content = {
        asOf,
        narrative,
        activityLines: included.map((a) => {
          const l = lineOf(a.id);

          return { activityId: a.id, progress: Number(l.progress), realisationIdr: l.realisation.trim() || null };
        }),
        indicatorLines: indicatorLines.map((l) => ({ indicatorId: l.indicatorId, periodKey: l.periodKey.trim(), value: l.value.trim() })),
        evidenceFileIds: evidence.map((e) => e.fileId),
        submit: true,
      };
      if (target.kind === 'rework') return reworkUpdate(cooperationId, target.update.id, { ...content, expectedVersion: target.update.rowVersion });
      if (target.kind === 'revise') return reviseUpdate(cooperationId, target.update.id, { ...content, reason });

      return createUpdate(cooperationId, content);
    },
    onSuccess: onDone,
  });
  const fieldErrors = run.error instanceof ApiError ? run.error.fieldErrors : {};
  const lineError = (activityId: string, field: string) => {
    const i = included.findIndex((a) => a.id === activityId);

    return i < 0 ? undefined : (fieldErrors[`activityLines.${i}.${field}`] ?? (field === 'progress' ? fieldErrors[`activityLines.${i}.activityId`] : undefined));
  };
  const setLine = (activityId: string, patch: Partial<Line>) => setEdits({ ...edits, [activityId]: { ...lineOf(activityId), ...patch } });
  const indicatorError = (indicatorId: string, field: 'periodKey' | 'value') => {
    const i = indicatorLines.findIndex((l) => l.indicatorId === indicatorId);

    return i < 0 ? undefined : (fieldErrors[`indicatorLines.${i}.${field}`] ?? (field === 'value' ? fieldErrors[`indicatorLines.${i}.indicatorId`] : undefined));
  };
  const attach = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setUploading(true);
    setUploadError(undefined);
    try {
      const stored = await uploadFile(file);
      setEvidence([...evidence, { fileId: stored.id, fileName: stored.fileName }]);
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.detail : t('errors.unexpected'));
    } finally {
      setUploading(false);
      e.target.value = '';
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const evidenceError = Object.entries(fieldErrors).find(([k]) => k.startsWith('evidenceFileIds'))?.[1];

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t(`updates.dialog.${target.kind}Title`)}</h2>
        {run.isError ? <ErrorNotice error={run.error} /> : null}
        {target.kind === 'revise' ? (
          <TextAreaField label={t('updates.fields.reason')} hint={t('updates.reasonHint')} required rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldErrors.reason} />
        ) : null}
        <TextField label={t('updates.fields.asOf')} type="date" required value={asOf} onChange={(e) => setAsOf(e.target.value)} error={fieldErrors.asOf} />
        <TextAreaField label={t('updates.fields.narrative')} required rows={4} maxLength={4000} value={narrative} onChange={(e) => setNarrative(e.target.value)} error={fieldErrors.narrative} />
        <fieldset className="coop-fieldset">
          <legend>{t('updates.fields.activities')}</legend>
          <p className="field-hint">{t('updates.linesHint')}</p>
          {fieldErrors.activityLines ? <p className="field-error">{fieldErrors.activityLines}</p> : null}
          {plan.isPending ? <Loading /> : null}
          {activities.map((a) => {
            const l = lineOf(a.id);

            return (
              <fieldset key={a.id} className="updates-line">
                <legend>{a.name}</legend>
                <label>
                  <input type="checkbox" checked={l.include} onChange={(e) => setLine(a.id, { include: e.target.checked })} /> {t('updates.includeLine', { name: a.name })}
                </label>
                {l.include ? (
                  <div className="updates-line-fields">
                    <TextField
                      label={t('updates.fields.progressOf', { name: a.name })}
                      type="number"
                      min="0"
                      max="100"
                      step="1"
                      value={l.progress}
                      onChange={(e) => setLine(a.id, { progress: e.target.value })}
                      error={lineError(a.id, 'progress')}
                    />
                    <TextField
                      label={t('updates.fields.realisationOf', { name: a.name })}
                      hint={t('monev.workPlan.amountHint')}
                      inputMode="decimal"
                      value={l.realisation}
                      onChange={(e) => setLine(a.id, { realisation: e.target.value })}
                      error={lineError(a.id, 'realisationIdr')}
                    />
                  </div>
                ) : null}
              </fieldset>
            );
          })}
        </fieldset>
        <UpdateIndicatorLines
          cooperationId={cooperationId}
          asOf={asOf}
          lineOf={indicatorLineOf}
          setLine={(i, patch) => setIndicatorEdits({ ...indicatorEdits, [i.id]: { ...indicatorLineOf(i), ...patch } })}
          errorOf={indicatorError}
        />
        <fieldset className="coop-fieldset">
          <legend>{t('updates.fields.evidence')}</legend>
          {evidence.length > 0 ? (
            <ul aria-label={t('updates.fields.evidence')}>
              {evidence.map((f) => (
                <li key={f.fileId}>
                  {f.fileName}{' '}
                  <button type="button" className="link-button" onClick={() => setEvidence(evidence.filter((x) => x.fileId !== f.fileId))}>
                    {t('updates.removeEvidence', { name: f.fileName })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="field">
            <label htmlFor={`${titleId}-file`}>{t('updates.addEvidence')}</label>
            <input id={`${titleId}-file`} type="file" disabled={uploading || evidence.length >= 10} onChange={(e) => void attach(e)} />
            {uploadError ? <p className="field-error">{uploadError}</p> : null}
            {evidenceError ? <p className="field-error">{evidenceError}</p> : null}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={run.isPending || uploading}>
            {t('updates.send')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
