import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { UserTwoFactorResetSection } from './UserEditSection';
import type { User } from './users.api';

const user: User = {
  id: '00000000-0000-4000-8000-000000000009',
  email: 'rina.maulida@hss.go.id',
  name: 'Rina Maulida',
  nip: null,
  phone: null,
  orgId: '00000000-0000-4000-8000-000000000002',
  orgName: 'Pemerintah Kabupaten Hulu Sungai Selatan',
  orgType: 'PEMDA',
  tenantId: '00000000-0000-4000-8000-000000000002',
  status: 'ACTIVE',
  locale: 'id',
  twoFactorEnabled: true,
  lastLoginAt: null,
  passwordChangedAt: null,
  createdAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('resetting a lost authenticator', () => {
  it('asks for confirmation before turning two-factor off, then reports it', async () => {
    const { calls } = mockFetch({ [`POST /api/users/${user.id}/reset-two-factor`]: { status: 204 } });
    renderWithSession(<UserTwoFactorResetSection user={user} />, buildMe({ permissions: ['user.read', 'user.manage'] }));

    fireEvent.click(screen.getByRole('button', { name: 'Reset verifikasi dua langkah…' }));
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Ya, matikan verifikasi dua langkah' }));

    await waitFor(() => expect(screen.getByText('Verifikasi dua langkah Rina Maulida telah direset.')).toBeDefined());
    expect(calls.map((r) => r.method)).toEqual(['POST']);
  });
});
