import { Command } from '@nestjs/cqrs';
import type { FeedbackChanged } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

/** The triage moves that need no If-Match: each re-checks its rule on the current state. */
export type TriageAction =
  | { type: 'TagFeedback'; tagId: string }
  | { type: 'UntagFeedback'; tagId: string }
  | { type: 'CategoriseFeedback'; categoryId: string | null }
  | { type: 'ApproveFeedback' }
  | { type: 'RejectFeedback'; reason?: string }
  | { type: 'MarkFeedbackSpam' }
  | { type: 'ClearFeedbackSpam' };

export class TriageFeedbackCommand extends Command<FeedbackChanged> {
  constructor(
    readonly feedbackId: string,
    readonly action: TriageAction,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
