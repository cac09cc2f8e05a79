import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cooperationPath, paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { InvitePanel } from './InvitePanel';
import { MeetingActions } from './MeetingActions';
import { MeetingDialog } from './MeetingDialog';
import { MeetingRecord } from './MeetingRecord';
import { ScheduleControls } from './ScheduleControls';
import { calendarUrl, fetchMeeting, meetingKey, type Meeting } from './meetings.api';

/** One meeting: what, when, where, agenda; invitations, attendance, minutes, decisions and follow-up actions. */
export const MeetingDetailPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: meetingKey(id), queryFn: () => fetchMeeting(id) });
  const refresh = (m?: Meeting) => {
    if (m) client.setQueryData(meetingKey(id), m);
    void client.invalidateQueries({ queryKey: ['meetings'] });
  };
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const m = q.data;
  const open = m.status === 'DRAFT' || m.status === 'INVITED';

  return (
    <>
      <p>
        <Link to={paths.meetings}>{t('meetings.back')}</Link>
      </p>
      <PageTitle title={m.title}>{m.title}</PageTitle>
      <dl className="meeting-facts">
        <dt>{t('meetings.fields.type')}</dt>
        <dd>{t(`meetings.types.${m.type}`)}</dd>
        <dt>{t('meetings.fields.status')}</dt>
        <dd>
          {t(`meetings.statuses.${m.status}`)}
          {m.minutesFinal ? ` · ${t('meetings.minutesFinal')}` : ''}
        </dd>
        <dt>{t('meetings.fields.when')}</dt>
        <dd>
          {formatDateTime(m.startsAt, lang, m.timeZone)} – {formatDateTime(m.endsAt, lang, m.timeZone)}
        </dd>
        <dt>{t('meetings.fields.mode')}</dt>
        <dd>{t(`meetings.modes.${m.mode}`)}</dd>
        {m.place ? (
          <>
            <dt>{t('meetings.fields.place')}</dt>
            <dd>{m.place}</dd>
          </>
        ) : null}
        {m.onlineUrl ? (
          <>
            <dt>{t('meetings.fields.onlineUrl')}</dt>
            <dd>
              <a href={m.onlineUrl} rel="noreferrer noopener" target="_blank">
                {m.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        {m.cooperation ? (
          <>
            <dt>{t('meetings.fields.cooperation')}</dt>
            <dd>
              <Link to={cooperationPath(m.cooperation.id)}>{m.cooperation.code ? `${m.cooperation.code} — ${m.cooperation.title}` : m.cooperation.title}</Link>
            </dd>
          </>
        ) : null}
        {m.cancelReason ? (
          <>
            <dt>{t('meetings.fields.cancelReason')}</dt>
            <dd>{m.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <p className="button-row">
        <a className="button" href={calendarUrl(m.id)} download="rapat.ics">
          {t('meetings.downloadIcs')}
        </a>
        {m.canManage && open ? (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('meetings.edit')}
          </button>
        ) : null}
      </p>
      {m.canManage && open ? <ScheduleControls meeting={m} onDone={refresh} /> : null}
      <section aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('meetings.fields.agenda')}</h2>
        {m.agenda.length ? (
          <ol>
            {m.agenda.map((a, i) => (
              <li key={i}>
                {a.title}
                {a.notes ? ` — ${a.notes}` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('common.none')}</p>
        )}
      </section>
      <InvitePanel meeting={m} onDone={refresh} />
      {m.status === 'INVITED' || m.status === 'HELD' ? <MeetingRecord meeting={m} onDone={refresh} /> : null}
      {m.status === 'HELD' ? <MeetingActions meeting={m} onDone={refresh} /> : null}
      {editing ? (
        <MeetingDialog
          meeting={m}
          zone={m.timeZone}
          onClose={() => setEditing(false)}
          onDone={(updated) => {
            setEditing(false);
            refresh(updated);
          }}
        />
      ) : null}
    </>
  );
};
