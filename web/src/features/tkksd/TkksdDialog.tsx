import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useModalDialog } from '../../ui/useModalDialog';
import { appointLiaison, createMember, createPeriod, endAppointment, fetchPemdaUsers, handOver, pemdaUsersKey, POSITIONS, type Position } from './tkksd.api';

export type DialogTarget =
  | { kind: 'period' }
  | { kind: 'member'; periodId: string; units: readonly { id: string; name: string }[] }
  | { kind: 'liaison'; opdId: string; opdName: string }
  | { kind: 'end' | 'handover'; of: 'member' | 'liaison'; id: string; personName: string };

type Values = Record<string, string>;
const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Sends one form; every rule (overlap, one ketua, dates) is judged by the server and shown per field. */
const save = (target: DialogTarget, v: Values): Promise<unknown> => {
  const person = { userId: orNull(v.userId), personName: orNull(v.personName), personTitle: orNull(v.personTitle) };
  const decree = { decreeNumber: v.decreeNumber ?? '', decreeDate: v.decreeDate ?? '', validFrom: v.validFrom ?? '', validTo: orNull(v.validTo) };
  switch (target.kind) {
    case 'period':
      return createPeriod({ title: v.title ?? '', ...decree });
    case 'member':
      return createMember(target.periodId, { position: (v.position ?? 'ANGGOTA') as Position, ...person, orgId: v.orgId ?? '', ...(v.validFrom ? { validFrom: v.validFrom } : {}) });
    case 'liaison':
      return appointLiaison({ opdId: target.opdId, ...person, ...decree });
    case 'end':
      return endAppointment(target.of, target.id, { endDate: v.endDate ?? '', reason: orNull(v.reason) });
    case 'handover':
      return handOver(target.of, target.id, { endDate: v.endDate ?? '', successorUserId: v.successorUserId ?? '', appointSuccessor: v.appointSuccessor === 'yes', reason: orNull(v.reason) });
  }
};

/** Adds a period, member or liaison, or ends or hands over an appointment, in a modal dialog. */
export const TkksdDialog = ({ target, today, onClose, onDone }: { target: DialogTarget; today: string; onClose: () => void; onDone: (result: unknown) => void }) => {
  const { t } = useTranslation();
  const ref = useModalDialog(onClose);
  const titleId = useId();
  const [v, setV] = useState<Values>({ endDate: today, validFrom: target.kind === 'member' ? '' : today, position: 'ANGGOTA', appointSuccessor: 'yes' });
  const needsPeople = target.kind === 'member' || target.kind === 'liaison' || target.kind === 'handover';
  const people = useQuery({ queryKey: pemdaUsersKey, queryFn: fetchPemdaUsers, enabled: needsPeople });
  const run = useMutation({ mutationFn: () => save(target, v), onSuccess: onDone });
  const errors = run.error instanceof ApiError ? run.error.fieldErrors : {};
  const set = (k: string) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const text = (k: string, type = 'text', required = true): ReactNode => (
    <TextField label={t(`tkksd.fields.${k}`)} type={type} value={v[k] ?? ''} onChange={set(k)} required={required} error={errors[k]} />
  );
  const userSelect = (k: string, optional: boolean) => (
    <SelectField label={t(`tkksd.fields.${k}`)} value={v[k] ?? ''} onChange={set(k)} error={errors[k]}>
      <option value="">{optional ? t('tkksd.fields.noAccount') : '—'}</option>
      {(people.data?.items ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {u.name} — {u.orgName}
        </option>
      ))}
    </SelectField>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const title = target.kind === 'end' || target.kind === 'handover' ? t(`tkksd.dialog.${target.kind}`, { name: target.personName }) : t(`tkksd.dialog.${target.kind}`, { opd: target.kind === 'liaison' ? target.opdName : '' });

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {run.error && !(run.error instanceof ApiError && Object.keys(errors).length) ? <ErrorNotice error={run.error} /> : null}
        {target.kind === 'period' ? text('title') : null}
        {target.kind === 'member' ? (
          <>
            <SelectField label={t('tkksd.fields.position')} value={v.position} onChange={set('position')} error={errors.position}>
              {POSITIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`tkksd.positions.${p}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('tkksd.fields.orgId')} value={v.orgId ?? ''} onChange={set('orgId')} error={errors.orgId}>
              <option value="">—</option>
              {target.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
        {target.kind === 'member' || target.kind === 'liaison' ? (
          <>
            {userSelect('userId', true)}
            {v.userId ? null : text('personName', 'text', false)}
            {text('personTitle', 'text', false)}
          </>
        ) : null}
        {target.kind === 'period' || target.kind === 'liaison' ? (
          <>
            {text('decreeNumber')}
            {text('decreeDate', 'date')}
            {text('validFrom', 'date')}
            {text('validTo', 'date', false)}
          </>
        ) : null}
        {target.kind === 'member' ? text('validFrom', 'date', false) : null}
        {target.kind === 'end' || target.kind === 'handover' ? text('endDate', 'date') : null}
        {target.kind === 'handover' ? (
          <>
            {userSelect('successorUserId', false)}
            <SelectField label={t('tkksd.fields.appointSuccessor')} value={v.appointSuccessor} onChange={set('appointSuccessor')}>
              <option value="yes">{t('tkksd.fields.yes')}</option>
              <option value="no">{t('tkksd.fields.no')}</option>
            </SelectField>
            <p className="field-hint">{t('tkksd.dialog.handoverHint')}</p>
          </>
        ) : null}
        {target.kind === 'end' || target.kind === 'handover' ? text('reason', 'text', false) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {t('tkksd.dialog.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('tkksd.dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
