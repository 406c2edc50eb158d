import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { staffRoles, type SingleSignOnInput } from '@chorus/domain';

const StaffRole = z.enum(staffRoles, { error: `A role is one of ${staffRoles.join(', ')}.` });

const SingleSignOnSchema = z.object({
  enabled: z.boolean({ error: 'Say whether single sign-on is on.' }),
  issuer: z
    .string({ error: 'Give the issuer URL.' })
    .trim()
    .min(1, 'Give the issuer URL.')
    .max(500),
  clientId: z
    .string({ error: 'Give the client id.' })
    .trim()
    .min(1, 'Give the client id.')
    .max(200),
  clientSecret: z.string().min(1, 'Give the client secret.').max(500).optional(),
  roleClaim: z.string().trim().min(1).max(100).nullable(),
  roleMap: z.record(z.string().min(1).max(200), StaffRole),
  defaultRole: StaffRole.nullable(),
}) satisfies z.ZodType<SingleSignOnInput>;
export class SingleSignOnDto extends createZodDto(SingleSignOnSchema) {}

const StartSchema = z.object({
  // Only a path of this app: anything else would make the sign-in an open redirect.
  returnTo: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/, 'returnTo is a path of this app, such as /backlog.')
    .default('/'),
});
export class StartSsoDto extends createZodDto(StartSchema) {}

const CallbackSchema = z.object({
  state: z.string().min(1).max(200).optional(),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
});
export class SsoCallbackDto extends createZodDto(CallbackSchema) {}

export const WorkspaceSlugParamSchema = z.object({ workspaceSlug: z.string().min(1).max(48) });
export class WorkspaceSlugParam extends createZodDto(WorkspaceSlugParamSchema) {}
