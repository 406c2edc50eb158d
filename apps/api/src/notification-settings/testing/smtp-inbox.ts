import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One mail as the SMTP server received it, with its headers and parts decoded. */
export type ReceivedMail = {
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

const partOf = (raw: string, type: string): string => {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const part = parts.find((p) => new RegExp(`content-type:\\s*${type}`, 'i').test(p));
  if (!part) throw new Error(`The mail has no ${type} part`);
  const [headers = '', ...body] = part.split(/\r?\n\r?\n/);
  const content = body.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(headers)) {
    return Buffer.from(content, 'base64').toString('utf8');
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const soft = content.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const hex = soft[i] === '=' ? /^[0-9A-F]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else {
        bytes.push(soft.charCodeAt(i));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return content;
};

/**
 * A real SMTP server that keeps every mail it accepts. `refuseNext` answers the next mails'
 * data with a 451 (try again later); `holdNext` keeps the next mail's sender waiting for the
 * answer until the test lets it go — accepted, or dropped as a crashed worker's would be.
 */
export const startSmtpInbox = async () => {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let hold: { arrived: () => void; answer: Promise<Error | null> } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            header: (name) => headerOf(raw, name),
            part: (type) => partOf(raw, type),
          });
          callback();
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
  return {
    url: `smtp://127.0.0.1:${port}`,
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
