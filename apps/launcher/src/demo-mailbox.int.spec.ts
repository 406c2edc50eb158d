import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startDemoMailbox, type DemoMailbox } from './demo-mailbox';

describe('the demo mailbox', () => {
  let dir: string;
  let mailbox: DemoMailbox;
  const printed: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chorus-mail-'));
    mailbox = await startDemoMailbox(join(dir, 'mail'), (message) => printed.push(message));
  });
  afterAll(async () => {
    await mailbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every mail as a file and prints who it is for, its subject and its text', async () => {
    const transport = createTransport(mailbox.smtpUrl);
    await transport.sendMail({
      from: 'Chorus <no-reply@localhost>',
      to: 'cleo@customer.test',
      subject: 'Your sign-in code for Acme',
      text: 'Your code:\n\n    482913\n\nIt works for 10 minutes.',
      html: '<p>Your code: <b>482913</b></p>',
    });
    transport.close();

    const [file] = await readdir(mailbox.dir);
    expect(file).toMatch(/\.eml$/);
    expect(await readFile(join(mailbox.dir, file!), 'utf8')).toContain(
      'Subject: Your sign-in code',
    );
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('mail to cleo@customer.test: Your sign-in code for Acme');
    expect(printed[0]).toContain('482913');
  });
});
