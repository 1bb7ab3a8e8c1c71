import pino, { type DestinationStream, type Logger } from 'pino';

/** Paths that could carry a secret; pino replaces them before anything is written. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessKeySecret',
  '*.sk',
  '*.auth',
  '*.csrfToken',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'console-bff' },
  };
  return destination ? pino(options, destination) : pino(options);
}
