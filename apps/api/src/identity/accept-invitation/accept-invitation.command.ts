import { Command } from '@nestjs/cqrs';
import type { AcceptInvitationInput, Me } from '@chorus/domain';
import type { SessionSecrets } from '../sessions';

export class AcceptInvitationCommand extends Command<{ me: Me; secrets: SessionSecrets }> {
  constructor(readonly input: AcceptInvitationInput) {
    super();
  }
}
