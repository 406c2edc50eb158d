import { Command } from '@nestjs/cqrs';
import type { RequestCustomerCodeInput } from '@chorus/domain';

export class RequestCustomerCodeCommand extends Command<void> {
  constructor(readonly input: RequestCustomerCodeInput) {
    super();
  }
}
