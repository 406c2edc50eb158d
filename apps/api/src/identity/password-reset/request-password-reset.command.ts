import { Command } from '@nestjs/cqrs';
import type { RequestPasswordResetInput } from '@chorus/domain';

export class RequestPasswordResetCommand extends Command<void> {
  constructor(readonly input: RequestPasswordResetInput) {
    super();
  }
}
