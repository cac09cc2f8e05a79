import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from '../test/fetch';
import { api, ApiError, setSessionEndedHandler, unwrap } from './api';

afterEach(() => setSessionEndedHandler(undefined));

describe('API client', () => {
  it('sends the CSRF token from the jj_csrf cookie on writes, and not on reads', async () => {
    document.cookie = 'jj_csrf=token-123; Path=/';
    const { calls } = mockFetch({ 'POST /api/auth/logout': { status: 204 }, 'GET /api/urusan': { body: { items: [] } } });

    await unwrap(api.POST('/api/auth/logout'));
    await unwrap(api.GET('/api/urusan'));

    expect(calls[0]?.headers.get('x-csrf-token')).toBe('token-123');
    expect(calls[1]?.headers.get('x-csrf-token')).toBeNull();
  });

  it('turns a problem+json answer into an ApiError with per-field messages', async () => {
    mockFetch({
      'POST /api/strategic-issues': problem(400, 'request.invalid', 'Data yang dikirim tidak valid.', [
        { path: 'code', code: 'invalid_format', message: 'Format harus format yang diminta.' },
        { path: 'nameId', code: 'too_short', message: 'Minimal 2 karakter.' },
      ]),
    });

    const error = await unwrap(api.POST('/api/strategic-issues', { body: { code: 'x', nameId: 'a', nameEn: 'Food' } })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'request.invalid', detail: 'Data yang dikirim tidak valid.', fieldErrors: { code: 'Format harus format yang diminta.', nameId: 'Minimal 2 karakter.' } });
  });

  it('reports an unreachable server as status 0 so the screen can say so', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));

    await expect(unwrap(api.GET('/api/urusan'))).rejects.toMatchObject({ status: 0, code: 'network.unreachable' });
  });

  it('sends the user to sign-in when a protected call finds the session ended', async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    mockFetch({ 'GET /api/auth/sessions': problem(401, 'auth.unauthenticated', 'Silakan masuk terlebih dahulu.') });

    await expect(unwrap(api.GET('/api/auth/sessions'))).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledOnce();
  });

  it('does not leave the page for a wrong password or a wrong two-factor code', async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    mockFetch({
      'POST /api/auth/login': problem(401, 'auth.invalid_credentials', 'E-mail atau kata sandi salah.'),
      'POST /api/auth/totp/enable': problem(401, 'auth.totp_invalid', 'Kode verifikasi salah atau kedaluwarsa.'),
    });

    await expect(unwrap(api.POST('/api/auth/login', { body: { email: 'a@b.id', password: 'x' } }))).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    await expect(unwrap(api.POST('/api/auth/totp/enable', { body: { code: '000000' } }))).rejects.toMatchObject({ code: 'auth.totp_invalid' });
    expect(ended).not.toHaveBeenCalled();
  });
});
