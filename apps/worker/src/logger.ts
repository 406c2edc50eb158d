import pino, { type DestinationStream, type Logger } from 'pino';

const REDACTED = '[redacted]';

/** postgres://user:password@host → postgres://user:[redacted]@host */
const scrubUrlPasswords = (text: string): string =>
  text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^@/?#\s]+@/gi, `$1${REDACTED}@`);

/**
 * The worker's logger. It never logs secrets: SQL parameters (personal data), passwords and
 * connection strings are censored, and passwords in URLs inside error messages are scrubbed
 * (docs/security.md).
 */
export const createWorkerLogger = (
  level = 'info',
  destination: DestinationStream = pino.destination(1),
): Logger =>
  pino(
    {
      name: 'chorus-worker',
      level,
      redact: {
        paths: [
          'err.parameters',
          'err.driverError.parameters',
          'password',
          'databaseUrl',
          '*.password',
          '*.databaseUrl',
          '*.authorization',
        ],
        censor: REDACTED,
      },
      serializers: {
        err: (error: Error) => {
          const serialized = pino.stdSerializers.err(error);
          serialized.message = scrubUrlPasswords(serialized.message);
          serialized.stack = scrubUrlPasswords(serialized.stack);
          return serialized;
        },
      },
    },
    destination,
  );
