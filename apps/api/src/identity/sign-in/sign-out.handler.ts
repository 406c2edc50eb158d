import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { hashToken } from '../../platform/auth';
import { SignOutCommand } from './sign-out.command';

/** A request signed in with a token has no session to end: signing out only clears cookies. */
@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ sessionToken }: SignOutCommand): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET revoked_at = now() WHERE token_sha256 = $1 AND revoked_at IS NULL`,
      [hashToken(sessionToken)],
    );
  }
}
