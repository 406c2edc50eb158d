import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  NewPassword,
  type ConfirmPasswordResetInput,
  type RequestPasswordResetInput,
} from '@chorus/domain';
import { CodeEmail, OneTimeCode, WorkspaceSlug } from '../one-time-codes';

const RequestPasswordResetSchema = z.object({
  workspace: WorkspaceSlug.optional(),
  email: CodeEmail,
}) satisfies z.ZodType<RequestPasswordResetInput>;
export class RequestPasswordResetDto extends createZodDto(RequestPasswordResetSchema) {}

const ConfirmPasswordResetSchema = z.object({
  workspace: WorkspaceSlug.optional(),
  email: CodeEmail,
  code: OneTimeCode,
  newPassword: NewPassword,
}) satisfies z.ZodType<ConfirmPasswordResetInput>;
export class ConfirmPasswordResetDto extends createZodDto(ConfirmPasswordResetSchema) {}
