import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders, createQueryClient } from '../app/App';
import { AppRoutes } from '../app/routes';
import type { Me } from '../features/auth/auth.api';
import { SessionProvider } from '../features/auth/session';

/** The whole app (routes included) at a given address, with a fresh cache. */
export const renderApp = (path: string) => {
  const client = createQueryClient();

  return render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
};

/** One component inside the providers and a signed-in session. */
export const renderWithSession = (ui: ReactNode, me: Me = buildMe()) =>
  render(
    <AppProviders client={createQueryClient()}>
      <MemoryRouter>
        <SessionProvider me={me}>{ui}</SessionProvider>
      </MemoryRouter>
    </AppProviders>,
  );

export const buildMe = (overrides: Partial<Me> = {}): Me => ({
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'sekretariat@hss.go.id', name: 'Siti Rahmah', locale: 'id' },
  organization: { id: '00000000-0000-4000-8000-000000000002', name: 'Pemerintah Kabupaten Hulu Sungai Selatan', type: 'PEMDA', tenantId: '00000000-0000-4000-8000-000000000002', regionCode: '63.06' },
  roles: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      role: 'KSD_SECRETARIAT_ADMIN',
      orgId: '00000000-0000-4000-8000-000000000002',
      orgName: 'Pemerintah Kabupaten Hulu Sungai Selatan',
      orgType: 'PEMDA',
      tenantId: '00000000-0000-4000-8000-000000000002',
      validFrom: '2026-01-02',
      validTo: null,
    },
  ],
  permissions: ['audit.read', 'files.read', 'files.upload', 'org.read', 'user.read'],
  scope: { platformAdmin: false, tenantIds: ['00000000-0000-4000-8000-000000000002'], oversightProvinceCodes: [], readAll: false },
  twoFactor: { enabled: false, required: false },
  restricted: false,
  csrfToken: 'csrf-token',
  ...overrides,
});
