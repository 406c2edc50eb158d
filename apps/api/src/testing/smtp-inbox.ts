import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail as the SMTP server received it, with its headers and parts decoded. */
export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  header: (name: string) => string | undefined;
  /** The decoded `text/plain` or `text/html` part. */
  part: (type: 'text/plain' | 'text/html') => string;
};

const headerOf = (raw: string, name: string): string | undefined => {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
};

/** Who may send: without, anyone; with, only a client that logs in with these. */
type Credentials = { username: string; password: string };

/**
 * A real SMTP server that keeps every mail it accepts, parsed by mailparser. `refuseNext` answers the next mails'
 * data with a 451 (try again later); `holdNext` keeps the next mail's sender waiting for the
 * answer until the test lets it go — accepted, or dropped as a crashed worker's would be.
 */
export const startSmtpInbox = async (credentials?: Credentials) => {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let hold: { arrived: () => void; answer: Promise<Error | null> } | null = null;
  const server = new SMTPServer({
    authOptional: !credentials,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (
        credentials &&
        auth.username === credentials.username &&
        auth.password === credentials.password
      ) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          simpleParser(raw)
            .then((parsed) => {
              const parts = { 'text/plain': parsed.text, 'text/html': parsed.html || undefined };
              received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                header: (name) => headerOf(raw, name),
                part: (type) => {
                  const part = parts[type];
                  if (part === undefined) throw new Error(`The mail has no ${type} part`);
                  return part;
                },
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        };
        if (refusals > 0) {
          refusals -= 1;
          callback(
            Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }),
          );
          return;
        }
        if (hold) {
          const { arrived, answer } = hold;
          hold = null;
          arrived();
          void answer.then((error) => (error ? callback(error) : accept()));
          return;
        }
        accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const login = credentials ? `${credentials.username}:${credentials.password}@` : '';
  return {
    url: `smtp://${login}127.0.0.1:${port}`,
    received,
    mailsTo: (address: string) => received.filter((mail) => mail.to.includes(address)),
    refuseNext: (count: number) => {
      refusals = count;
    },
    /** Holds the next mail; resolves once it has arrived, with how to answer it. */
    holdNext: () => {
      let answer!: (error: Error | null) => void;
      const answered = new Promise<Error | null>((resolve) => (answer = resolve));
      return new Promise<{ accept: () => void; drop: () => void }>((resolve) => {
        hold = {
          arrived: () =>
            resolve({
              accept: () => answer(null),
              drop: () =>
                answer(Object.assign(new Error('Connection lost'), { responseCode: 421 })),
            }),
          answer: answered,
        };
      });
    },
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
};

export type SmtpInbox = Awaited<ReturnType<typeof startSmtpInbox>>;
