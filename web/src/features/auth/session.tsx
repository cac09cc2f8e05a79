import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { signInPath } from '../../app/paths';
import { LANG_COOKIE, setLanguage } from '../../i18n';
import { ApiError } from '../../lib/api';
import { readCookie } from '../../lib/cookies';
import { ErrorNotice, Loading } from '../../ui/Status';
import { fetchMe, meQueryKey, type Me } from './auth.api';

const SessionContext = createContext<Me | undefined>(undefined);

export const useMeQuery = () => useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 60_000 });

/** The signed-in user; only used below RequireSession, which guarantees one. */
export const useSession = (): Me => {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireSession');

  return me;
};

export const useCan = () => {
  const me = useSession();

  return (permission: string) => me.permissions.includes(permission);
};

export const SessionProvider = ({ me, children }: { me: Me; children: ReactNode }) => <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;

/**
 * Gate for every signed-in page: no session goes to sign-in (keeping the address), a restricted
 * session (a role that needs two-factor, not yet enrolled) gets only the enrolment screen.
 */
export const RequireSession = ({ restricted, children }: { restricted: ReactNode; children: ReactNode }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();
  const locale = me.data?.user.locale;
  useEffect(() => {
    // The saved profile language applies until the user picks one on this device.
    if (locale && readCookie(LANG_COOKIE) === undefined) void setLanguage(locale);
  }, [locale]);

  if (me.isPending || (me.isError && me.isFetching)) return <Loading label={t('session.checking')} />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={signInPath(location.pathname + location.search)} replace />;

    return (
      <main className="centered">
        <ErrorNotice error={me.error} />
      </main>
    );
  }

  return <SessionProvider me={me.data}>{me.data.restricted ? restricted : children}</SessionProvider>;
};
