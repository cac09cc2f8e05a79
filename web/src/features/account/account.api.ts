import { api, unwrap, type Schemas } from '../../lib/api';

export type Session = Schemas['Session'];
export type MeUpdate = Schemas['MeUpdate'];
export type PasswordChange = Schemas['PasswordChange'];

export const sessionsQueryKey = ['auth', 'sessions'] as const;

export const updateMe = (body: MeUpdate) => unwrap(api.PATCH('/api/me', { body }));

export const changePassword = (body: PasswordChange) => unwrap(api.POST('/api/auth/password', { body }));

export const fetchSessions = () => unwrap(api.GET('/api/auth/sessions'));

export const logoutEverywhere = () => unwrap(api.POST('/api/auth/logout-all'));

export const startTotpSetup = () => unwrap(api.POST('/api/auth/totp/setup'));

export const enableTotp = (code: string) => unwrap(api.POST('/api/auth/totp/enable', { body: { code } }));

export const disableTotp = (password: string) => unwrap(api.POST('/api/auth/totp/disable', { body: { password } }));

export const regenerateRecoveryCodes = (password: string) => unwrap(api.POST('/api/auth/recovery-codes', { body: { password } }));

/** The QR code as an image address: CSP allows data: images, while inline SVG markup would be injected HTML. */
export const svgDataUrl = (svg: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);

  return `data:image/svg+xml;base64,${btoa(binary)}`;
};
