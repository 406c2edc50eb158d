import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Mailer } from '../../platform/mailer';
import { OneTimeCodes, codeMail, validityText } from '../one-time-codes';
import { RequestPasswordResetCommand } from './request-password-reset.command';

type Account = { workspace_id: string; email: string; workspace_name: string; slug: string };

/**
 * Mails a code to an active teammate who forgot their password, one per workspace they are in
 * (each mail names its workspace). Nobody else gets a mail, and the answer is the same.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
  ) {}

  async execute({ input }: RequestPasswordResetCommand): Promise<void> {
    this.mailer.requireMail();
    if (!(await this.codes.mayMail('password-reset', input.email))) return;
    const accounts = await this.db.query<Account[]>(
      `SELECT u.workspace_id, u.email, w.name AS workspace_name, w.slug
       FROM users u JOIN workspaces w ON w.workspace_id = u.workspace_id
       WHERE lower(u.email) = $1 AND ($2::text IS NULL OR w.slug = $2)
         AND u.role <> 'customer' AND u.status = 'active'`,
      [input.email, input.workspace ?? null],
    );
    for (const account of accounts) {
      const code = await this.codes.issue({
        workspaceId: account.workspace_id,
        purpose: 'password-reset',
        email: input.email,
      });
      this.mailer.sendLater(
        codeMail({
          to: account.email,
          subject: 'Your code to reset your Chorus password',
          lead: `Someone, we hope you, asked to reset your password in the Chorus workspace ${account.workspace_name} (${account.slug}). Your code:`,
          code,
          after: `${validityText} If you did not ask for it, ignore this mail: your password stays as it is.`,
        }),
      );
    }
  }
}
