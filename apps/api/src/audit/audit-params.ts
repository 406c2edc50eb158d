import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { fieldError, validationFailed } from '../platform/problem-details';
import { auditableTypes } from './audit-event-types';
import type { AuditFilter } from './audit-reader';
import { pageCursor, pageLimit } from '../platform/page-params';

const MAX_TYPES = 100;

/** `type=A&type=B` and `type=A,B` alike. */
const EventTypes = z
  .union([z.string(), z.array(z.string())], { error: 'type must be event type names.' })
  .transform((value) =>
    [...new Set((Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')))]
      .map((type) => type.trim())
      .filter((type) => type !== ''),
  )
  .pipe(
    z
      .array(z.string())
      .min(1, 'type must name at least one event type.')
      .max(MAX_TYPES, `type names at most ${MAX_TYPES} event types.`),
  )
  .superRefine((types, context) => {
    const unknown = types.filter((type) => !auditableTypes.has(type));
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an event type' : 'are not event types'} Chorus records (GET /api/v1/audit/event-types lists them).`,
      });
    }
  });

/** A stream type (`feedback`) or a stream id (`feedback-<id>`, `backlog-item-<id>`). */
const Resource = z
  .string()
  .trim()
  .max(200, 'resource is at most 200 characters.')
  .regex(
    /^[a-z]+(-[A-Za-z0-9-]+)?$/,
    'resource must be a stream type such as feedback, or a stream id such as feedback-<id>.',
  );

const instant = (field: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: `${field} must be a day like 2026-11-30 or a timestamp like 2026-11-30T12:00:00Z.`,
    })
    .optional();

/** The filters of the trail, as the list and the CSV both take them. */
export const AuditFiltersSchema = z.object({
  actorId: z
    .string()
    .trim()
    .min(1, 'actorId must not be empty.')
    .max(200, 'actorId is at most 200 characters.')
    .optional()
    .describe('The id of the person who did it'),
  type: EventTypes.optional().describe('Event types; repeat the parameter or separate by commas'),
  resource: Resource.optional().describe(
    'A stream id (feedback-<id>) or a stream type (feedback) for all of that kind',
  ),
  from: instant('from').describe('When it happened: from this day or moment on'),
  to: instant('to').describe('When it happened: up to this moment, or to the end of this day'),
});

export const AuditPageParamsSchema = AuditFiltersSchema.extend({
  limit: pageLimit(200, 50),
  cursor: pageCursor,
}).strict();

export class AuditFiltersDto extends createZodDto(AuditFiltersSchema.strict()) {}
export class AuditPageParamsDto extends createZodDto(AuditPageParamsSchema) {}

export type AuditFiltersInput = z.infer<typeof AuditFiltersSchema>;

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const DAY_MS = 86_400_000;

/**
 * The filters as the reader takes them: times as `occurredAt` is written (`toISOString`), the end
 * exclusive. A range that ends before it starts is refused naming `to`.
 */
export const resolveAuditFilter = (input: AuditFiltersInput): AuditFilter => {
  const from = input.from === undefined ? undefined : new Date(input.from).toISOString();
  const until =
    input.to === undefined
      ? undefined
      : new Date(Date.parse(input.to) + (isDay(input.to) ? DAY_MS : 1)).toISOString();
  if (from !== undefined && until !== undefined && from >= until) {
    throw validationFailed([
      fieldError(['to'], `to (${input.to}) is before from (${input.from}).`),
    ]);
  }
  const resource = input.resource;
  return {
    actorId: input.actorId,
    types: input.type,
    ...(resource === undefined
      ? {}
      : resource.includes('-')
        ? { streamId: resource }
        : { streamType: resource }),
    from,
    until,
  };
};
