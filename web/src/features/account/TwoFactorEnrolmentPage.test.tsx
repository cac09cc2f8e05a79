import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { TwoFactorEnrolmentPage } from './TwoFactorEnrolmentPage';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const CODES = ['k7q2-9xmd', 'p3tw-8hzc', 'r5bn-2vxe'];

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:http://localhost/recovery');
  URL.revokeObjectURL = vi.fn();
});

describe('two-factor enrolment', () => {
  it('shows the QR code as an image with the secret as text, then the recovery codes once', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/totp/setup': { body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Jejaring:a?secret=JBSWY3DPEHPK3PXP', qrSvg: SVG } },
      'POST /api/auth/totp/enable': { body: { recoveryCodes: CODES } },
    });
    renderWithSession(<TwoFactorEnrolmentPage forced />, buildMe({ restricted: true, twoFactor: { enabled: false, required: true } }));

    expect(screen.getByText(/Peran Anda mewajibkan verifikasi dua langkah/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan kode QR' }));

    const qr = await screen.findByRole('img', { name: 'Kode QR untuk aplikasi autentikator' });
    const src = qr.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(src.slice('data:image/svg+xml;base64,'.length))).toBe(SVG);
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Kode dari aplikasi/), { target: { value: '492039' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan' }));

    expect(await screen.findByRole('heading', { name: 'Kode pemulihan' })).toBeTruthy();
    for (const code of CODES) expect(screen.getByText(code)).toBeTruthy();
    const download = screen.getByRole('link', { name: 'Unduh sebagai berkas .txt' });
    expect(download.getAttribute('href')).toBe('blob:http://localhost/recovery');
    expect(download.getAttribute('download')).toMatch(/\.txt$/);
    expect(await calls.find((c) => c.url.endsWith('/totp/enable'))!.json()).toEqual({ code: '492039' });

    const proceed = screen.getByRole('button', { name: 'Lanjutkan' }) as HTMLButtonElement;
    expect(proceed.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Saya sudah menyimpan kode pemulihan ini.'));
    expect(proceed.disabled).toBe(false);
  });

  it('keeps the user on the code step with the server message when the code is wrong', async () => {
    mockFetch({
      'POST /api/auth/totp/setup': { body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrSvg: SVG } },
      'POST /api/auth/totp/enable': problem(401, 'auth.totp_invalid', 'Kode verifikasi salah atau kedaluwarsa.'),
    });
    renderWithSession(<TwoFactorEnrolmentPage forced />);

    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan kode QR' }));
    fireEvent.change(await screen.findByLabelText(/Kode dari aplikasi/), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan' }));

    expect(await screen.findByText('Kode verifikasi salah atau kedaluwarsa.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Kode pemulihan' })).toBeNull();
  });
});
