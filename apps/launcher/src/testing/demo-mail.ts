import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export type DemoMail = { to: string; subject: string; text: string };

/** Every mail the demo mailbox (a folder of `.eml` files) holds for `address`, oldest first. */
export const demoMailsTo = async (dir: string, address: string): Promise<DemoMail[]> => {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.eml')).sort();
  const mails = await Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(join(dir, file)));
      const to = [mail.to ?? []].flat().map((addresses) => addresses.text);
      return { to: to.join(', '), subject: mail.subject ?? '', text: mail.text ?? '' };
    }),
  );
  return mails.filter((mail) => mail.to.includes(address));
};
