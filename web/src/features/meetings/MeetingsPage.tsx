import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { meetingPath } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Pager } from '../../ui/Pager';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { MeetingDialog } from './MeetingDialog';
import { fetchMeetings, MEETING_TYPES, meetingsKey, type ListFilter, type MeetingType } from './meetings.api';

const PAGE_SIZE = 25;

/** "Rapat & Forum": the pemda's meetings and those the reader is invited to, newest first, with filters. */
export const MeetingsPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [filter, setFilter] = useState<ListFilter>({ offset: 0 });
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: meetingsKey(filter), queryFn: () => fetchMeetings(filter, PAGE_SIZE) });
  const change = (patch: Partial<ListFilter>) => setFilter({ ...filter, ...patch, offset: 0 });

  return (
    <>
      <PageTitle title={t('meetings.title')}>{t('meetings.title')}</PageTitle>
      <p>{t('meetings.intro')}</p>
      {q.data?.canCreate ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('meetings.create')}
          </button>
        </p>
      ) : null}
      <div className="filters">
        <SelectField label={t('meetings.fields.type')} value={filter.type ?? ''} onChange={(e) => change({ type: (e.target.value || undefined) as MeetingType | undefined })}>
          <option value="">{t('common.all')}</option>
          {MEETING_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`meetings.types.${x}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('meetings.filters.from')} type="date" value={filter.from ?? ''} onChange={(e) => change({ from: e.target.value || undefined })} />
        <TextField label={t('meetings.filters.to')} type="date" value={filter.to ?? ''} onChange={(e) => change({ to: e.target.value || undefined })} />
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {q.data ? (
        q.data.items.length === 0 ? (
          <Empty>{t('meetings.empty')}</Empty>
        ) : (
          <>
            <TableScroll label={t('meetings.caption')}>
              <caption>{t('meetings.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.fields.title')}</th>
                  <th scope="col">{t('meetings.fields.type')}</th>
                  <th scope="col">{t('meetings.fields.when')}</th>
                  <th scope="col">{t('meetings.fields.status')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={meetingPath(m.id)}>{m.title}</Link>
                    </th>
                    <td>{t(`meetings.types.${m.type}`)}</td>
                    <td>{formatDateTime(m.startsAt, lang, m.timeZone)}</td>
                    <td>{t(`meetings.statuses.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </TableScroll>
            <Pager total={q.data.total} offset={filter.offset ?? 0} pageSize={PAGE_SIZE} onChange={(offset) => setFilter({ ...filter, offset })} />
          </>
        )
      ) : null}
      {creating && q.data ? (
        <MeetingDialog
          meeting={null}
          zone={q.data.timeZone}
          onClose={() => setCreating(false)}
          onDone={(m) => {
            void client.invalidateQueries({ queryKey: ['meetings'] });
            navigate(meetingPath(m.id));
          }}
        />
      ) : null}
    </>
  );
};
