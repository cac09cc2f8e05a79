import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { fetchUnread } from './notifications.api';
import './notifications.css';

const POLL_MS = 60_000;

/** The header's way to the inbox; the count is in the link's name, so it is read out, not just seen. */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const unread = useQuery({ queryKey: ['notifications', 'unread'], queryFn: fetchUnread, refetchInterval: POLL_MS, select: (d) => d.unread, retry: false });
  const count = unread.data ?? 0;

  return (
    <Link to={paths.notifications} className="bell-link" aria-label={count > 0 ? t('notifications.bellUnread', { count: String(count) }) : t('notifications.bell')}>
      <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {count > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
};
