import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderApp } from '../../test/render';

const fill = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('sign-in', () => {
  it('asks for the two-factor code after the password, then signs in and shows the home page', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/login': [problem(401, 'auth.totp_required', 'Masukkan kode verifikasi dua langkah dari aplikasi autentikator.'), { body: { userId: buildMe().user.id, csrfToken: 'c', expiresAt: '2026-03-01T12:00:00Z' } }],
      'GET /api/me': { body: buildMe() },
    });
    renderApp('/masuk');

    fill(/Alamat e-mail/, 'sekretariat@hss.go.id');
    fill(/^Kata sandi$/, 'Kata-Sandi-Panjang-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    const code = await screen.findByLabelText(/Kode autentikator/);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(code, { target: { value: '492039' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi dan masuk' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Selamat datang, Siti Rahmah' })).toBeTruthy();
    const logins = calls.filter((c) => c.url.endsWith('/api/auth/login'));
    expect(await logins[0]!.json()).toEqual({ email: 'sekretariat@hss.go.id', password: 'Kata-Sandi-Panjang-2026' });
    expect(await logins[1]!.json()).toEqual({ email: 'sekretariat@hss.go.id', password: 'Kata-Sandi-Panjang-2026', totp: '492039' });
  });

  it('shows the server field errors next to the fields they belong to', async () => {
    mockFetch({ 'POST /api/auth/login': problem(400, 'request.invalid', 'Data yang dikirim tidak valid.', [{ path: 'email', code: 'invalid_format', message: 'Format harus alamat e-mail.' }]) });
    renderApp('/masuk');

    fill(/Alamat e-mail/, 'bukan-email');
    fill(/^Kata sandi$/, 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    expect(await screen.findByText('Format harus alamat e-mail.')).toBeTruthy();
    const email = screen.getByLabelText(/Alamat e-mail/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(screen.getByText('Format harus alamat e-mail.').id);
  });

  it('shows the lockout message the server gives', async () => {
    mockFetch({ 'POST /api/auth/login': problem(429, 'auth.locked_out', 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 4 menit.') });
    renderApp('/masuk');

    fill(/Alamat e-mail/, 'sekretariat@hss.go.id');
    fill(/^Kata sandi$/, 'salah');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 4 menit.');
  });

  it('keeps the password manager fields recognisable', () => {
    mockFetch({});
    renderApp('/masuk');

    expect(screen.getByLabelText(/Alamat e-mail/).getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText(/^Kata sandi$/).getAttribute('autocomplete')).toBe('current-password');
  });

  it('sends a visitor without a session to sign-in, remembering the page', async () => {
    mockFetch({ 'GET /api/me': problem(401, 'auth.unauthenticated', 'Silakan masuk terlebih dahulu.') });
    renderApp('/akun');

    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();
  });

  it('holds a session that must enrol two-factor on the enrolment screen', async () => {
    mockFetch({ 'GET /api/me': { body: buildMe({ restricted: true, twoFactor: { enabled: false, required: true } }) } });
    renderApp('/admin/pengguna');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aktifkan verifikasi dua langkah'));
    expect(screen.queryByRole('navigation', { name: 'Navigasi utama' })).toBeNull();
  });
});
