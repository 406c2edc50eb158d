import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  NewPassword,
  actorRoles,
  type AcceptInvitationInput,
  type ChangePasswordInput,
  type ChangeRoleInput,
  type InvitePersonInput,
  type SignInInput,
} from '@chorus/domain';

const Email = z
  .string({ error: 'Give an email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Give an email address such as ada@example.com.'));
const Role = z.enum(actorRoles, { error: `A role is one of ${actorRoles.join(', ')}.` });

const SignInSchema = z.object({
  workspace: z.string().trim().min(1).optional(),
  email: Email,
  // Any password is checked: the rules are for choosing one, not for typing it.
  password: z.string({ error: 'Give your password.' }).min(1, 'Give your password.').max(1024),
}) satisfies z.ZodType<SignInInput>;
export class SignInDto extends createZodDto(SignInSchema) {}

const InvitePersonSchema = z.object({
  name: z
    .string({ error: 'Give their name.' })
    .trim()
    .min(1, 'Give their name.')
    .max(120, 'A name must be at most 120 characters.'),
  email: Email,
  role: Role,
}) satisfies z.ZodType<InvitePersonInput>;
export class InvitePersonDto extends createZodDto(InvitePersonSchema) {}

const AcceptInvitationSchema = z.object({
  token: z.string({ error: 'The invitation link is incomplete.' }).min(1).max(200),
  password: NewPassword,
}) satisfies z.ZodType<AcceptInvitationInput>;
export class AcceptInvitationDto extends createZodDto(AcceptInvitationSchema) {}

const ChangePasswordSchema = z.object({
  currentPassword: z.string().max(1024).optional(),
  newPassword: NewPassword,
}) satisfies z.ZodType<ChangePasswordInput>;
export class ChangePasswordDto extends createZodDto(ChangePasswordSchema) {}

const ChangeRoleSchema = z.object({ role: Role }) satisfies z.ZodType<ChangeRoleInput>;
export class ChangeRoleDto extends createZodDto(ChangeRoleSchema) {}

export const PersonIdParamSchema = z.object({ id: z.uuid('A person id is a UUID.') });
export class PersonIdParam extends createZodDto(PersonIdParamSchema) {}
