import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Mailer } from '../../platform/mailer';
import { OneTimeCodes, codeMail, validityText } from '../one-time-codes';
import { RequestCustomerCodeCommand } from './request-customer-code.command';

/**
 * Mails a sign-in code to anyone who asks: a customer who has none yet becomes one by using it.
 * Not to a teammate's address (they sign in with their password or single sign-on) nor to a
 * deactivated one; the answer is the same either way.
 */
@CommandHandler(RequestCustomerCodeCommand)
export class RequestCustomerCodeHandler implements ICommandHandler<RequestCustomerCodeCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
  ) {}

  async execute({ input }: RequestCustomerCodeCommand): Promise<void> {
    this.mailer.requireMail();
    if (!(await this.codes.mayMail('customer-sign-in', input.email))) return;
    const [workspace] = await this.db.query<{ workspace_id: string; name: string }[]>(
      `SELECT w.workspace_id, w.name FROM workspaces w
       WHERE w.slug = $1 AND NOT EXISTS (
         SELECT 1 FROM users u WHERE u.workspace_id = w.workspace_id AND lower(u.email) = $2
           AND (u.role <> 'customer' OR u.status <> 'active'))`,
      [input.workspace, input.email],
    );
    if (!workspace) return;
    const code = await this.codes.issue({
      workspaceId: workspace.workspace_id,
      purpose: 'customer-sign-in',
      email: input.email,
    });
    this.mailer.sendLater(
      codeMail({
        to: input.email,
        subject: `Your code to sign in to ${workspace.name}`,
        lead: `Here is your code to sign in to the feedback portal of ${workspace.name}:`,
        code,
        after: `${validityText} If you did not ask for it, ignore this mail.`,
      }),
    );
  }
}
