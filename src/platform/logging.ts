import { pino, type Logger } from 'pino';

/**
 * Personal identifiers must never reach the logs in clear: these paths are
 * redacted wherever they appear in a logged object.
 */
const redactPaths = [
  'password',
  '*.password',
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } });
}

export type { Logger };
