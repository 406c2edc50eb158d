import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ActorRole, type AuditEventTypes, type AuditPage, type AuditPeople } from '@chorus/domain';

const AuditActorSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  role: ActorRole.nullable(),
});

const AuditEntrySchema = z.object({
  position: z.string().describe('Global position in the log'),
  occurredAt: z.iso.datetime(),
  actor: AuditActorSchema,
  type: z.string(),
  summary: z.string(),
  resource: z.object({
    type: z.string(),
    typeName: z.string(),
    id: z.string(),
    streamId: z.string(),
    label: z.string().nullable(),
    link: z
      .object({
        kind: z.enum(['feedback', 'backlogItem', 'sprint', 'release', 'initiative', 'company']),
        id: z.string(),
      })
      .nullable(),
  }),
  correlationId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<AuditPage>;
export class AuditPageDto extends createZodDto(AuditPageSchema) {}

const AuditEventTypesSchema = z.object({
  areas: z.array(
    z.object({
      area: z.string(),
      types: z.array(z.object({ type: z.string(), label: z.string() })),
    }),
  ),
}) satisfies z.ZodType<AuditEventTypes>;
export class AuditEventTypesDto extends createZodDto(AuditEventTypesSchema) {}

const AuditPeopleSchema = z.object({
  people: z.array(AuditActorSchema.extend({ email: z.string().nullable() })),
}) satisfies z.ZodType<AuditPeople>;
export class AuditPeopleDto extends createZodDto(AuditPeopleSchema) {}
