import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedRequest } from './auth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The metadata every event of this request will carry: workspace and actor from the token,
 * the caller's X-Correlation-Id when it sends one, and this request as the cause.
 */
export const RequestContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = request.actor;
    if (!actor) throw new Error('RequestContext used on a public route');
    const header = request.headers['x-correlation-id'];
    const correlationId = typeof header === 'string' && UUID.test(header) ? header : randomUUID();
    return {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      correlationId,
      causationId: randomUUID(),
    };
  },
);
