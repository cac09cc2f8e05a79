import { useModalDialog } from '../../ui/useModalDialog';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import {
  ActionRefusedError,
  CENTRAL_AUTHORITIES,
  DECISIONS,
  DISPUTE_STAGES,
  performAction,
  TERMINATION_GROUNDS,
  type ActionInput,
  type ActionOption,
  type Cooperation,
} from './cooperations.api';

type Values = Record<string, string>;
type Result = Awaited<ReturnType<typeof performAction>>;

/** The form fields an action's declared inputs need; "term" is the start and end date (and optionally the signing date). */
const fieldsOf = (inputs: readonly string[]) => {
  const f = new Set<string>();
  for (const input of inputs) {
    if (input === 'term') ['startDate', 'endDate', 'signedAt'].forEach((x) => f.add(x));
    else if (input === 'dispute') ['disputeDescription', 'disputeStage'].forEach((x) => f.add(x));
    else if (input === 'amendment') ['amendmentSummary', 'amendmentNewEndDate', 'amendmentBurdensCommunity', 'amendmentFundingNotBudgeted'].forEach((x) => f.add(x));
    else f.add(input);
  }

  return f;
};

const REQUIRED = new Set(['reason', 'decision', 'authority', 'decidedAt', 'startDate', 'endDate', 'disputeDescription', 'amendmentSummary', 'terminationGround']);

/** The fields left empty that the action cannot go without (the server checks the same). */
export const missingInputs = (inputs: readonly string[], values: Values): string[] => [...fieldsOf(inputs)].filter((f) => REQUIRED.has(f) && !values[f]?.trim());

const bodyOf = (inputs: readonly string[], v: Values, rowVersion: number): ActionInput => {
  const f = fieldsOf(inputs);
  const opt = (key: string) => (v[key]?.trim() ? v[key]!.trim() : undefined);
  const body: ActionInput = { expectedVersion: rowVersion };
  if (f.has('reason')) body.reason = opt('reason');
  if (f.has('decision')) body.decision = opt('decision') as ActionInput['decision'];
  if (f.has('authority')) body.authority = opt('authority') as ActionInput['authority'];
  if (f.has('decidedAt')) body.decidedAt = opt('decidedAt');
  if (f.has('startDate')) {
    body.startDate = opt('startDate');
    body.endDate = opt('endDate');
    const signedAt = opt('signedAt');
    if (signedAt) body.signedAt = signedAt;
  }
  if (f.has('terminationGround')) body.terminationGround = opt('terminationGround') as ActionInput['terminationGround'];
  if (f.has('disputeDescription')) {
    const stage = opt('disputeStage') as NonNullable<ActionInput['dispute']>['stage'];
    body.dispute = { description: opt('disputeDescription') ?? '', ...(stage ? { stage } : {}) };
  }
  if (f.has('amendmentSummary')) {
    const newEndDate = opt('amendmentNewEndDate');
    body.amendment = {
      summary: opt('amendmentSummary') ?? '',
      ...(newEndDate ? { newEndDate } : {}),
      burdensCommunity: v.amendmentBurdensCommunity === 'true',
      fundingNotBudgeted: v.amendmentFundingNotBudgeted === 'true',
    };
  }

  return body;
};

/** Server field paths ("dispute.description") mapped onto this form's field names. */
const SERVER_PATHS: Record<string, string> = {
  'dispute.description': 'disputeDescription',
  'dispute.stage': 'disputeStage',
  'amendment.summary': 'amendmentSummary',
  'amendment.newEndDate': 'amendmentNewEndDate',
  dispute: 'disputeDescription',
  amendment: 'amendmentSummary',
};

/**
 * One action of the state machine in a modal dialog: it asks for exactly the inputs the action
 * declares, checks the required ones before sending, and lists the rules that refused it.
 */
export const ActionDialog = ({
  cooperation,
  option,
  onClose,
  onDone,
}: {
  cooperation: Cooperation;
  option: ActionOption;
  onClose: () => void;
  onDone: (result: Result) => void;
}) => {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useModalDialog(onClose);
  const [values, setValues] = useState<Values>(() => (option.inputs.includes('term') ? { startDate: cooperation.startDate ?? '', endDate: cooperation.endDate ?? '' } : ({} as Values)));
  const [missing, setMissing] = useState<string[]>([]);
  const fields = fieldsOf(option.inputs);
  const run = useMutation({ mutationFn: () => performAction(cooperation.id, option.name, bodyOf(option.inputs, values, cooperation.rowVersion)), onSuccess: onDone });


  const serverErrors = run.error instanceof ApiError && !(run.error instanceof ActionRefusedError) ? run.error.fieldErrors : {};
  const errorOf = (field: string) => {
    if (missing.includes(field)) return t('cooperations.actionDialog.required');
    const path = Object.keys(serverErrors).find((p) => (SERVER_PATHS[p] ?? p) === field);

    return path ? serverErrors[path] : undefined;
  };
  const set = (key: string) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const check = (key: string) => (e: { target: { checked: boolean } }) => setValues({ ...values, [key]: e.target.checked ? 'true' : '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = missingInputs(option.inputs, values);
    setMissing(gaps);
    if (gaps.length === 0) run.mutate();
  };
  const label = t(`cooperations.actions.${option.name}`);
  const stale = run.error instanceof ApiError && run.error.code === 'cooperations.stale_version';

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{label}</h2>
        <p className="field-hint">{t('cooperations.actionDialog.intro', { code: cooperation.code })}</p>
        {missing.length > 0 ? <ErrorNotice>{t('common.fixErrors')}</ErrorNotice> : null}
        {run.error instanceof ActionRefusedError ? (
          <div className="notice notice-error" role="alert">
            <p>{t('cooperations.actionDialog.refused')}</p>
            <ul className="plain-list">
              {run.error.blockers.map((b) => (
                <li key={`${b.guard}-${b.message}`}>{b.message}</li>
              ))}
            </ul>
          </div>
        ) : stale ? (
          <ErrorNotice>{t('cooperations.stale')}</ErrorNotice>
        ) : run.isError && Object.keys(serverErrors).length === 0 ? (
          <ErrorNotice error={run.error} />
        ) : null}
        {fields.has('decision') ? (
          <SelectField label={t('cooperations.actionDialog.decision')} required value={values.decision ?? ''} onChange={set('decision')} error={errorOf('decision')}>
            <option value="">{t('cooperations.actionDialog.choose')}</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(`cooperations.decisions.${d}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {fields.has('authority') ? (
          <SelectField label={t('cooperations.actionDialog.authority')} required value={values.authority ?? ''} onChange={set('authority')} error={errorOf('authority')}>
            <option value="">{t('cooperations.actionDialog.choose')}</option>
            {CENTRAL_AUTHORITIES.map((a) => (
              <option key={a} value={a}>
                {t(`cooperations.authorities.${a}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {fields.has('decidedAt') ? <TextField label={t('cooperations.actionDialog.decidedAt')} type="date" required value={values.decidedAt ?? ''} onChange={set('decidedAt')} error={errorOf('decidedAt')} /> : null}
        {fields.has('startDate') ? (
          <>
            <TextField label={t('cooperations.fields.startDate')} type="date" required value={values.startDate ?? ''} onChange={set('startDate')} error={errorOf('startDate')} />
            <TextField
              label={t('cooperations.fields.endDate')}
              hint={t('cooperations.actionDialog.maxDuration', { years: cooperation.maxDurationYears })}
              type="date"
              required
              value={values.endDate ?? ''}
              onChange={set('endDate')}
              error={errorOf('endDate')}
            />
            <TextField label={t('cooperations.fields.signedAt')} type="date" value={values.signedAt ?? ''} onChange={set('signedAt')} error={errorOf('signedAt')} />
          </>
        ) : null}
        {fields.has('terminationGround') ? (
          <SelectField label={t('cooperations.actionDialog.terminationGround')} required value={values.terminationGround ?? ''} onChange={set('terminationGround')} error={errorOf('terminationGround')}>
            <option value="">{t('cooperations.actionDialog.choose')}</option>
            {TERMINATION_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {t(`cooperations.terminationGrounds.${g}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {fields.has('disputeDescription') ? (
          <>
            <TextAreaField label={t('cooperations.actionDialog.disputeDescription')} required rows={4} maxLength={4000} value={values.disputeDescription ?? ''} onChange={set('disputeDescription')} error={errorOf('disputeDescription')} />
            <SelectField label={t('cooperations.actionDialog.disputeStage')} value={values.disputeStage ?? ''} onChange={set('disputeStage')} error={errorOf('disputeStage')}>
              <option value="">{t('cooperations.actionDialog.firstStage')}</option>
              {DISPUTE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`cooperations.disputeStages.${s}`)}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
        {fields.has('amendmentSummary') ? (
          <>
            <TextAreaField label={t('cooperations.actionDialog.amendmentSummary')} required rows={4} maxLength={4000} value={values.amendmentSummary ?? ''} onChange={set('amendmentSummary')} error={errorOf('amendmentSummary')} />
            <TextField label={t('cooperations.actionDialog.newEndDate')} type="date" value={values.amendmentNewEndDate ?? ''} onChange={set('amendmentNewEndDate')} error={errorOf('amendmentNewEndDate')} />
            <div className="checkbox">
              <input id={`${titleId}-burdens`} type="checkbox" checked={values.amendmentBurdensCommunity === 'true'} onChange={check('amendmentBurdensCommunity')} />
              <label htmlFor={`${titleId}-burdens`}>{t('cooperations.actionDialog.amendmentBurdens')}</label>
            </div>
            <div className="checkbox">
              <input id={`${titleId}-unbudgeted`} type="checkbox" checked={values.amendmentFundingNotBudgeted === 'true'} onChange={check('amendmentFundingNotBudgeted')} />
              <label htmlFor={`${titleId}-unbudgeted`}>{t('cooperations.actionDialog.amendmentUnbudgeted')}</label>
            </div>
          </>
        ) : null}
        {fields.has('reason') ? <TextAreaField label={t('cooperations.actionDialog.reason')} required rows={3} maxLength={2000} value={values.reason ?? ''} onChange={set('reason')} error={errorOf('reason')} /> : null}
        {fields.size === 0 ? <p>{t('cooperations.actionDialog.confirm', { action: label })}</p> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {label}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
