import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { SelectField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { fetchOutbox, type OutboxStatus } from './outbox.api';

const STATUSES: OutboxStatus[] = ['queued', 'sent', 'outbox', 'failed'];

/** Outgoing e-mail, newest first; without SMTP the messages stay here to be read. */
export const OutboxPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const outbox = useInfiniteQuery({
    queryKey: ['outbox', status],
    queryFn: ({ pageParam }) => fetchOutbox(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title={t('outbox.title')}>{t('outbox.title')}</PageTitle>
      <p className="lead">{t('outbox.lead')}</p>
      <div className="form">
        <SelectField label={t('outbox.status')} value={status} onChange={(e) => setStatus(e.target.value as OutboxStatus | '')}>
          <option value="">{t('outbox.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`outbox.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {outbox.isPending ? <Loading /> : null}
      {outbox.isError ? <ErrorNotice error={outbox.error} /> : null}
      {outbox.isSuccess && items.length === 0 ? <Empty>{t('outbox.empty')}</Empty> : null}
      {items.length > 0 ? (
        <TableScroll label={t('outbox.title')}>
          <thead>
            <tr>
              <th scope="col">{t('outbox.createdAt')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('outbox.status')}</th>
              <th scope="col">{t('outbox.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.createdAt, lang)}</td>
                <td>{m.to}</td>
                <td>
                  <Link to={`${paths.outbox}/${m.id}`}>{m.subject}</Link>
                </td>
                <td>{t(`outbox.statuses.${m.status}`)}</td>
                <td>{m.attempts}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
      {outbox.hasNextPage ? (
        <button type="button" className="button" onClick={() => void outbox.fetchNextPage()} disabled={outbox.isFetchingNextPage}>
          {outbox.isFetchingNextPage ? t('common.loading') : t('outbox.loadMore')}
        </button>
      ) : null}
    </>
  );
};
