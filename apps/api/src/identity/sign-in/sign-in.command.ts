import { Command } from '@nestjs/cqrs';
import type { Me, SignInInput } from '@chorus/domain';
import type { SessionSecrets } from '../sessions';

export class SignInCommand extends Command<{ me: Me; secrets: SessionSecrets }> {
  constructor(readonly input: SignInInput) {
    super();
  }
}
