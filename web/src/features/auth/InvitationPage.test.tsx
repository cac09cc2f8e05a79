import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { renderApp } from '../../test/render';

const TOKEN = 'Jk8d2Hq0cTn5Vw1xYz7AbCdEfGhIjKlMnOpQrStUvW';
const fill = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('accepting an invitation', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('greets the invitee, refuses two different passwords, then saves and points to sign-in', async () => {
    window.location.hash = `#${TOKEN}`;
    const { calls } = mockFetch({
      'POST /api/auth/invitations/inspect': { body: { email: 'peneliti@banuaraya.test', name: 'Dr. Rahmat' } },
      'POST /api/auth/invitations/accept': { status: 204 },
    });
    renderApp('/undangan');

    expect(await screen.findByText(/Selamat datang, Dr. Rahmat/)).toBeTruthy();
    fill(/^Kata sandi baru/, 'Kata-Sandi-Mitra-2026');
    fill(/^Ulangi kata sandi/, 'Kata-Sandi-Lain-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await screen.findByText('Kedua kata sandi tidak sama.')).toBeTruthy();
    expect(calls.filter((c) => c.url.endsWith('/accept'))).toHaveLength(0);

    fill(/^Ulangi kata sandi/, 'Kata-Sandi-Mitra-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await screen.findByRole('link', { name: 'Masuk' })).toBeTruthy();
    expect(await calls.find((c) => c.url.endsWith('/accept'))!.json()).toEqual({ token: TOKEN, password: 'Kata-Sandi-Mitra-2026' });
  });

  it('explains a used or expired link', async () => {
    window.location.hash = `#${TOKEN}`;
    mockFetch({ 'POST /api/auth/invitations/inspect': problem(410, 'identity.invitation_invalid', 'Tautan undangan ini sudah dipakai atau kedaluwarsa.') });
    renderApp('/undangan');

    expect((await screen.findByRole('alert')).textContent).toContain('sudah dipakai atau kedaluwarsa');
  });
});
