import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ConfirmCustomerCodeInput, RequestCustomerCodeInput } from '@chorus/domain';
import { CodeEmail, OneTimeCode, WorkspaceSlug } from '../one-time-codes';

const RequestCustomerCodeSchema = z.object({
  workspace: WorkspaceSlug,
  email: CodeEmail,
}) satisfies z.ZodType<RequestCustomerCodeInput>;
export class RequestCustomerCodeDto extends createZodDto(RequestCustomerCodeSchema) {}

const ConfirmCustomerCodeSchema = z.object({
  workspace: WorkspaceSlug,
  email: CodeEmail,
  code: OneTimeCode,
}) satisfies z.ZodType<ConfirmCustomerCodeInput>;
export class ConfirmCustomerCodeDto extends createZodDto(ConfirmCustomerCodeSchema) {}
