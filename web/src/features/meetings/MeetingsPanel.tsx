import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { meetingPath } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { ErrorNotice, Loading } from '../../ui/Status';
import { MeetingDialog } from './MeetingDialog';
import { fetchMeetings, meetingsKey, type Meeting } from './meetings.api';

type Link = { cooperationId: string; mappingCycleId?: undefined } | { mappingCycleId: string; cooperationId?: undefined };

/**
 * "Rapat" on a cooperation's page or a mapping cycle's: the meetings linked to it, and planning a
 * new one there (of the given type: a cycle's panel plans the TKKSD plenary).
 */
export const MeetingsPanel = ({ link, defaultType, title }: { link: Link; defaultType?: Meeting['type']; title?: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const filter = { ...link, offset: 0 };
  const q = useQuery({ queryKey: meetingsKey(filter), queryFn: () => fetchMeetings(filter, 20) });

  return (
    <section className="panel monev-panel" aria-labelledby="meetings-panel-title">
      <h2 id="meetings-panel-title">{title ?? t('meetings.panelTitle')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {q.data ? (
        q.data.items.length === 0 ? (
          <p>{t('meetings.panelEmpty')}</p>
        ) : (
          <ul>
            {q.data.items.map((m) => (
              <li key={m.id}>
                <Link to={meetingPath(m.id)}>{m.title}</Link> — {formatDateTime(m.startsAt, lang, m.timeZone)} · {t(`meetings.statuses.${m.status}`)}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {q.data?.canCreate ? (
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('meetings.create')}
        </button>
      ) : null}
      {creating && q.data ? (
        <MeetingDialog
          meeting={null}
          zone={q.data.timeZone}
          cooperationId={link.cooperationId ?? null}
          mappingCycleId={link.mappingCycleId ?? null}
          {...(defaultType ? { defaultType } : {})}
          onClose={() => setCreating(false)}
          onDone={(m) => {
            void client.invalidateQueries({ queryKey: ['meetings'] });
            navigate(meetingPath(m.id));
          }}
        />
      ) : null}
    </section>
  );
};
