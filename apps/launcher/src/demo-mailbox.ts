import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Lines of a mail's text shown in the console; the whole mail is in its file. */
const SHOWN_LINES = 20;

export type DemoMailbox = { smtpUrl: string; dir: string; close: () => Promise<void> };

/**
 * The demo's mail server, so sign-in codes, password resets and notification emails work with
 * nothing installed: it accepts every mail on a local port, keeps each as a `.eml` file in
 * `dir`, and prints who it is for, its subject and the start of its text. Nothing is delivered.
 */
export const startDemoMailbox = async (
  dir: string,
  print: (message: string) => void,
): Promise<DemoMailbox> => {
  await mkdir(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        count += 1;
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
        Promise.all([writeFile(file, raw), simpleParser(raw)])
          .then(([, mail]) => {
            const text = (mail.text ?? '').trim().split('\n').slice(0, SHOWN_LINES);
            print(
              [`mail to ${to}: ${mail.subject ?? '(no subject)'} (${file})`, ...text]
                .map((line, i) => (i === 0 ? line : `    ${line}`))
                .join('\n'),
            );
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    dir,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
};
