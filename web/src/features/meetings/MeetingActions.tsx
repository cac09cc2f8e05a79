import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { Empty, ErrorNotice, TableScroll } from '../../ui/Status';
import { addAction, fetchPemdaUsers, setActionStatus, type Meeting } from './meetings.api';

/** Follow-up actions with owner, due date and status; added by managers until the minutes are final, ticked off by the owner. */
export const MeetingActions = ({ meeting: m, onDone }: { meeting: Meeting; onDone: (m: Meeting) => void }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const canAdd = m.canManage && !m.minutesFinal;
  const users = useQuery({ queryKey: ['users', 'active'], queryFn: fetchPemdaUsers, enabled: canAdd });
  const [v, setV] = useState({ title: '', ownerId: '', dueDate: '' });
  const add = useMutation({
    mutationFn: () => addAction(m.id, v),
    onSuccess: (updated) => {
      setV({ title: '', ownerId: '', dueDate: '' });
      onDone(updated);
    },
  });
  const tick = useMutation({ mutationFn: (a: { id: string; status: 'OPEN' | 'DONE' }) => setActionStatus(m.id, a.id, a.status), onSuccess: onDone });
  const err = (f: string) => (add.error instanceof ApiError ? add.error.fieldErrors[f] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  return (
    <section aria-labelledby="meeting-actions">
      <h2 id="meeting-actions">{t('meetings.actions')}</h2>
      {tick.isError ? <ErrorNotice error={tick.error} /> : null}
      {m.actions.length === 0 ? (
        <Empty>{t('meetings.noActions')}</Empty>
      ) : (
        <TableScroll label={t('meetings.actionsCaption')}>
          <caption>{t('meetings.actionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.fields.action')}</th>
              <th scope="col">{t('meetings.fields.owner')}</th>
              <th scope="col">{t('meetings.fields.dueDate')}</th>
              <th scope="col">{t('meetings.fields.status')}</th>
            </tr>
          </thead>
          <tbody>
            {m.actions.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td>{a.owner.name}</td>
                <td>{formatDate(a.dueDate, lang)}</td>
                <td>
                  {t(`meetings.actionStatuses.${a.status}`)}
                  {a.canSetStatus ? (
                    <>
                      {' '}
                      <button type="button" className="button button-small" disabled={tick.isPending} onClick={() => tick.mutate({ id: a.id, status: a.status === 'OPEN' ? 'DONE' : 'OPEN' })}>
                        {t(a.status === 'OPEN' ? 'meetings.markDone' : 'meetings.reopen', { title: a.title })}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
      {canAdd ? (
        <form className="panel" onSubmit={submit} noValidate aria-labelledby="meeting-action-form">
          <h3 id="meeting-action-form">{t('meetings.addAction')}</h3>
          {add.isError ? <ErrorNotice error={add.error} /> : null}
          <TextField label={t('meetings.fields.action')} required maxLength={500} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={err('title')} />
          <SelectField label={t('meetings.fields.owner')} required value={v.ownerId} onChange={(e) => setV({ ...v, ownerId: e.target.value })} error={err('ownerId')}>
            <option value="">{t('common.none')}</option>
            {(users.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('meetings.fields.dueDate')} type="date" required value={v.dueDate} onChange={(e) => setV({ ...v, dueDate: e.target.value })} error={err('dueDate')} />
          <button type="submit" className="button button-primary" disabled={add.isPending}>
            {t('meetings.addAction')}
          </button>
        </form>
      ) : null}
    </section>
  );
};
