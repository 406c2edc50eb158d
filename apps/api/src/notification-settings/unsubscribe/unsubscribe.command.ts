import { Command } from '@nestjs/cqrs';
import type { UnsubscribeTokenView } from '@chorus/domain';

export class UnsubscribeCommand extends Command<UnsubscribeTokenView> {
  constructor(readonly token: string | undefined) {
    super();
  }
}
