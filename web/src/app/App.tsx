import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, useNavigate } from 'react-router';
import { i18n } from '../i18n';
import { ApiError, setSessionEndedHandler } from '../lib/api';
import { ToastProvider } from '../ui/Toast';
import { AppRoutes } from './routes';
import { signInPath } from './paths';

export const APP_BASENAME = '/app';

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A refusal or a missing record will not change by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });

/** Sends the user to sign-in, remembering where they were, whenever the server says the session ended. */
const SessionEndedRedirect = ({ client }: { client: QueryClient }) => {
  const navigate = useNavigate();
  useEffect(() => {
    setSessionEndedHandler(() => {
      const here = window.location.pathname.replace(/^\/app(?=\/|$)/, '') + window.location.search;
      if (here.startsWith('/masuk')) return;
      navigate(signInPath(here || '/'), { replace: true });
      queueMicrotask(() => client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' }));
    });

    return () => setSessionEndedHandler(undefined);
  }, [navigate, client]);

  return null;
};

/** Providers shared by the real app and the tests; the router is supplied by the caller. */
export const AppProviders = ({ client, children }: { client: QueryClient; children: React.ReactNode }) => (
  <I18nextProvider i18n={i18n}>
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  </I18nextProvider>
);

export const App = () => {
  const [client] = useState(createQueryClient);

  return (
    <AppProviders client={client}>
      <BrowserRouter basename={APP_BASENAME}>
        <SessionEndedRedirect client={client} />
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
};
