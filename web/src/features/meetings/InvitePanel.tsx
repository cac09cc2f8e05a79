import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice, TableScroll } from '../../ui/Status';
import { fetchPemdaUsers, inviteToMeeting, type Meeting } from './meetings.api';

/**
 * The invitees with their attendance, and for the meeting's managers the form that invites a
 * person of the pemda or an external guest by e-mail (each gets the calendar entry at once).
 */
export const InvitePanel = ({ meeting: m, onDone }: { meeting: Meeting; onDone: () => void }) => {
  const { t } = useTranslation();
  const canInvite = m.canManage && (m.status === 'DRAFT' || m.status === 'INVITED');
  const users = useQuery({ queryKey: ['users', 'active'], queryFn: fetchPemdaUsers, enabled: canInvite });
  const [userId, setUserId] = useState('');
  const [guest, setGuest] = useState({ name: '', email: '', organisation: '' });
  const run = useMutation({
    mutationFn: () =>
      inviteToMeeting(m.id, {
        userIds: userId ? [userId] : [],
        guests: guest.name || guest.email ? [{ name: guest.name, email: guest.email, organisation: guest.organisation || null }] : [],
      }),
    onSuccess: () => {
      setUserId('');
      setGuest({ name: '', email: '', organisation: '' });
      onDone();
    },
  });
  const err = (f: string) => (run.error instanceof ApiError ? run.error.fieldErrors[f] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const invitees = m.invitees.filter((i) => !i.walkIn);
  const walkIns = m.invitees.filter((i) => i.walkIn);

  return (
    <section aria-labelledby="meeting-invitees">
      <h2 id="meeting-invitees">{t('meetings.invitees')}</h2>
      {m.invitees.length === 0 ? (
        <p>{t('meetings.noInvitees')}</p>
      ) : (
        <TableScroll label={t('meetings.inviteesCaption')}>
          <caption>{t('meetings.inviteesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.fields.name')}</th>
              <th scope="col">{t('meetings.fields.organisation')}</th>
              <th scope="col">{t('meetings.fields.email')}</th>
              <th scope="col">{t('meetings.fields.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {[...invitees, ...walkIns].map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.name}
                  {i.walkIn ? ` (${t('meetings.walkIn')})` : ''}
                </th>
                <td>{i.organisation ?? t('common.none')}</td>
                <td>{i.email ?? t('common.none')}</td>
                <td>{i.attendance ? t(`meetings.attendance.${i.attendance}`) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
      {canInvite ? (
        <form className="panel" onSubmit={submit} noValidate aria-labelledby="meeting-invite-form">
          <h3 id="meeting-invite-form">{t('meetings.inviteTitle')}</h3>
          <p>{t('meetings.inviteHint')}</p>
          {run.isError ? <ErrorNotice error={run.error} /> : null}
          <SelectField label={t('meetings.fields.pemdaUser')} value={userId} onChange={(e) => setUserId(e.target.value)} error={err('userIds.0')}>
            <option value="">{t('common.none')}</option>
            {(users.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('meetings.fields.guestName')} maxLength={200} value={guest.name} onChange={(e) => setGuest({ ...guest, name: e.target.value })} error={err('guests.0.name')} />
          <TextField label={t('meetings.fields.guestEmail')} type="email" maxLength={254} value={guest.email} onChange={(e) => setGuest({ ...guest, email: e.target.value })} error={err('guests.0.email')} />
          <TextField label={t('meetings.fields.organisation')} maxLength={300} value={guest.organisation} onChange={(e) => setGuest({ ...guest, organisation: e.target.value })} />
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {t('meetings.sendInvitations')}
          </button>
        </form>
      ) : null}
    </section>
  );
};
