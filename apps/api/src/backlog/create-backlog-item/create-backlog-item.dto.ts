import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  AcceptanceCriterion,
  BacklogDescription,
  BacklogTitle,
  backlogItemKindNames,
  Estimate,
  Labels,
} from '@chorus/domain';

/** A criterion as written: given, when, then. */
export const CriterionTextSchema = AcceptanceCriterion.pick({
  given: true,
  when: true,
  then: true,
});

export const CreateBacklogItemSchema = z
  .object({
    kind: z.enum(backlogItemKindNames, {
      error: `Kind must be one of ${backlogItemKindNames.join(', ')}.`,
    }),
    title: BacklogTitle,
    description: BacklogDescription.optional().describe('Markdown'),
    parentId: z
      .uuid('parentId must be the id of a backlog item.')
      .nullable()
      .optional()
      .describe("A story's epic or a task's story; an epic has none"),
    acceptanceCriteria: z
      .array(CriterionTextSchema.strict())
      .max(50, 'An item may have at most 50 acceptance criteria.')
      .optional(),
    estimate: Estimate.nullable().optional().describe('Story points, 0–100'),
    labels: Labels.optional(),
    ownerId: z.uuid('ownerId must be the id of a teammate.').nullable().optional(),
    feedbackIds: z
      .array(z.uuid('Each feedback id must be a UUID.'))
      .max(100, 'Link at most 100 pieces of feedback at once.')
      .optional()
      .describe('Feedback the item answers, linked as it is created'),
    position: z
      .enum(['top', 'bottom'], { error: 'Position must be top or bottom.' })
      .default('bottom')
      .describe('Where it goes in the backlog'),
  })
  .strict();
export class CreateBacklogItemDto extends createZodDto(CreateBacklogItemSchema) {}
export type CreateBacklogItemInput = z.infer<typeof CreateBacklogItemSchema>;
