import { Command } from '@nestjs/cqrs';
import type { ConfirmCustomerCodeInput, Me } from '@chorus/domain';
import type { SessionSecrets } from '../sessions';

export class ConfirmCustomerCodeCommand extends Command<{ me: Me; secrets: SessionSecrets }> {
  constructor(readonly input: ConfirmCustomerCodeInput) {
    super();
  }
}
