import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading } from '../../ui/Status';
import { appLink, fetchInbox, markAllRead, markRead } from './notifications.api';

/** My notices, newest first: deadlines, mentions and steps of the cooperations I work on. */
export const NotificationsPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const inbox = useInfiniteQuery({
    queryKey: ['notifications', 'inbox'],
    queryFn: ({ pageParam }) => fetchInbox(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  const title = t('notifications.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('notifications.unreadCount', { count: String(unread) })}</p>
      {unread > 0 ? (
        <p>
          <button type="button" className="button" disabled={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('notifications.readAll')}
          </button>
        </p>
      ) : null}
      {readOne.isError ? <ErrorNotice error={readOne.error} /> : null}
      {readAll.isError ? <ErrorNotice error={readAll.error} /> : null}
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ErrorNotice error={inbox.error} /> : null}
      {inbox.isSuccess && items.length === 0 ? <Empty>{t('notifications.empty')}</Empty> : null}
      {items.length > 0 ? (
        <ul className="notice-list">
          {items.map((n) => {
            const to = appLink(n.link);

            return (
              <li key={n.id} className={n.readAt ? 'panel' : 'panel notice-unread'}>
                <h2 className="notice-title">
                  {n.readAt ? null : <span className="badge">{t('notifications.new')}</span>} {to ? <Link to={to} onClick={() => !n.readAt && readOne.mutate(n.id)}>{n.title}</Link> : n.title}
                </h2>
                <p className="field-hint">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang)}</time>
                </p>
                <p className="message-body">{n.body}</p>
                {!n.readAt ? (
                  <button type="button" className="button button-small" onClick={() => readOne.mutate(n.id)}>
                    {t('notifications.markRead')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {inbox.hasNextPage ? (
        <button type="button" className="button" disabled={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
          {t('notifications.more')}
        </button>
      ) : null}
    </>
  );
};
