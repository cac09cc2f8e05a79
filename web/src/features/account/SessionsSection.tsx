import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { logout } from '../auth/auth.api';
import { fetchSessions, logoutEverywhere, sessionsQueryKey } from './account.api';

/** Where the user is signed in, and the two ways out: this device, or every device. */
export const SessionsSection = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: fetchSessions });
  const leave = () => {
    queryClient.clear();
    navigate(paths.signIn, { replace: true });
  };
  const signOut = useMutation({ mutationFn: logout, onSettled: leave });
  const signOutAll = useMutation({ mutationFn: logoutEverywhere, onSuccess: leave });

  return (
    <section className="panel" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('sessions.title')}</h2>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorNotice error={sessions.error} /> : null}
      {sessions.data ? (
        <TableScroll label={t('sessions.title')}>
          <thead>
            <tr>
              <th scope="col">{t('sessions.device')}</th>
              <th scope="col">{t('sessions.address')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.expires')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent ?? t('sessions.unknownDevice')}
                  {s.current ? <strong className="badge">{t('sessions.current')}</strong> : null}
                </td>
                <td>{s.ip ?? '—'}</td>
                <td>{formatDateTime(s.createdAt, lang)}</td>
                <td>{formatDateTime(s.lastSeenAt, lang)}</td>
                <td>{formatDateTime(s.expiresAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
      {signOutAll.isError ? <ErrorNotice error={signOutAll.error} /> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('shell.signOut')}
        </button>
        <button type="button" className="button button-danger" onClick={() => signOutAll.mutate()} disabled={signOutAll.isPending}>
          {t('sessions.signOutEverywhere')}
        </button>
      </div>
    </section>
  );
};
