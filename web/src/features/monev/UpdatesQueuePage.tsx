import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cooperationPath } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { Pager } from '../../ui/Pager';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { fetchQueue, queueKey } from './updates.api';

const PAGE_SIZE = 25;
const STATUSES = ['SUBMITTED', 'RETURNED', 'APPROVED'] as const;

/**
 * "Pembaruan menunggu persetujuan": the secretariat's queue of progress updates across the pemda it
 * serves, oldest submission first, each linking to its cooperation where it is decided.
 */
export const UpdatesQueuePage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('SUBMITTED');
  const [offset, setOffset] = useState(0);
  const q = useQuery({ queryKey: queueKey(status, offset), queryFn: () => fetchQueue(status, offset, PAGE_SIZE) });
  const caption = t('updates.queue.caption', { status: t(`updates.statuses.${status}`) });

  return (
    <>
      <PageTitle title={t('updates.queue.title')}>{t('updates.queue.title')}</PageTitle>
      <p>{t('updates.queue.intro')}</p>
      <div className="field">
        <label htmlFor="queue-status">{t('updates.queue.status')}</label>
        <select
          id="queue-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as (typeof STATUSES)[number]);
            setOffset(0);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`updates.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {q.data ? (
        q.data.items.length === 0 ? (
          <Empty>{t('updates.queue.empty')}</Empty>
        ) : (
          <>
            <TableScroll label={caption}>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('updates.queue.cooperation')}</th>
                  <th scope="col">{t('updates.fields.asOf')}</th>
                  <th scope="col">{t('updates.queue.revision')}</th>
                  <th scope="col">{t('updates.queue.author')}</th>
                  <th scope="col">{t('updates.queue.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={cooperationPath(i.cooperation.id)}>{i.cooperation.code ? `${i.cooperation.code} — ${i.cooperation.title}` : i.cooperation.title}</Link>
                    </th>
                    <td>{formatDate(i.asOf, lang)}</td>
                    <td>{i.revision}</td>
                    <td>{i.authorName}</td>
                    <td>{i.submittedAt ? formatDateTime(i.submittedAt, lang) : t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </TableScroll>
            <Pager total={q.data.total} offset={offset} pageSize={PAGE_SIZE} onChange={setOffset} />
          </>
        )
      ) : null}
    </>
  );
};
