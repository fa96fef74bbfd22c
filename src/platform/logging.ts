import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Personal identifiers must never reach the logs in clear: these paths are
 * redacted wherever they appear in a logged object, and citizen-ID-shaped
 * numbers are masked in logged URLs (a look-up may carry one in its query).
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
  'res.headers["set-cookie"]',
];

/** 18-character citizen ID numbers: keep the region (6) and the last 4, as on public pages. */
const CITIZEN_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;

export function maskPersonalNumbers(text: string): string {
  return text.replace(CITIZEN_ID, '$1********$2');
}

interface LoggedRequest {
  method: string;
  url: string;
  id?: string;
  ip?: string;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: {
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: maskPersonalNumbers(decodeSafely(req.url)),
          id: req.id,
          remoteAddress: req.ip,
        }),
      },
    },
    destination,
  );
}

function decodeSafely(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export type { Logger };
