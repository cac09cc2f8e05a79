import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, renderWithSession } from '../../test/render';
import { Navigation } from './Navigation';
import { visibleNavigation } from './navigation';

const links = () => within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getAllByRole('link').map((a) => a.textContent);

describe('navigation by capability', () => {
  it('shows an OPD staff member only what every user has and what their permissions allow', () => {
    const permissions = ['org.read', 'user.read', 'files.read', 'files.upload'];
    renderWithSession(<Navigation id="nav" open={false} onNavigate={() => undefined} permissions={permissions} />, buildMe({ permissions }));

    expect(links()).toEqual(['Beranda', 'Akun', 'Wilayah', 'Urusan pemerintahan', 'Organisasi', 'Pengguna']);
  });

  it('shows a platform administrator every administration page', () => {
    const permissions = ['org.read', 'org.manage', 'user.read', 'user.manage', 'role.manage', 'audit.read', 'outbox.read', 'jobs.read', 'reference.manage'];
    renderWithSession(<Navigation id="nav" open={false} onNavigate={() => undefined} permissions={permissions} />, buildMe({ permissions }));

    expect(links()).toEqual(['Beranda', 'Akun', 'Pembaruan menunggu persetujuan', 'Wilayah', 'Urusan pemerintahan', 'Organisasi', 'Pengguna', 'Log audit', 'Kotak keluar', 'Isu strategis']);
  });

  it('drops the administration section entirely for a user without admin permissions', () => {
    expect(visibleNavigation([]).map((s) => s.id)).toEqual(['main', 'reference']);
  });
});
