import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; secrets and credentials are redacted wherever they appear. */
export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: { app: 'jejaring' },
    redact: {
      paths: ['password', '*.password', 'totp', '*.totp', 'req.headers.cookie', 'headers.cookie', 'token', '*.token'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
