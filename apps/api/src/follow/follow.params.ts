import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const FeedbackIdParamSchema = z.object({ id: z.uuid('Feedback id must be a UUID.') });
export class FeedbackIdParam extends createZodDto(FeedbackIdParamSchema) {}
