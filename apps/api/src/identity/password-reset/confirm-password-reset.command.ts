import { Command } from '@nestjs/cqrs';
import type { ConfirmPasswordResetInput, Me } from '@chorus/domain';
import type { SessionSecrets } from '../sessions';

export class ConfirmPasswordResetCommand extends Command<{ me: Me; secrets: SessionSecrets }> {
  constructor(readonly input: ConfirmPasswordResetInput) {
    super();
  }
}
