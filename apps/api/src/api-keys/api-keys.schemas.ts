import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { apiKeyScopes, type CreateApiKeyInput } from '@chorus/domain';

/** Shapes only: the rules of names, scopes and expiry are the decider's (422 naming the field). */
const CreateApiKeyInputSchema = z.object({
  name: z.string({ error: 'Name the key after the service that uses it.' }),
  scopes: z.array(
    z.enum(apiKeyScopes, { error: `A scope is one of ${apiKeyScopes.join(', ')}.` }),
    {
      error: 'Give the key its scopes as a list.',
    },
  ),
  expiresAt: z.iso
    .datetime({ offset: true, error: 'Give the expiry as an ISO timestamp.' })
    .nullable()
    .optional(),
}) satisfies z.ZodType<CreateApiKeyInput>;
export class CreateApiKeyInputDto extends createZodDto(CreateApiKeyInputSchema) {}

export const ApiKeyIdParamSchema = z.object({ id: z.uuid('An API key id is a UUID.') });
export class ApiKeyIdParam extends createZodDto(ApiKeyIdParamSchema) {}
