import { SetMetadata, applyDecorators, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import {
  can,
  permissionMatrix,
  roleLabels,
  scopesAllow,
  whoCan,
  type Permission,
} from '@chorus/domain';
import type { AuthenticatedActor } from './auth';
import { ProblemException } from './problem-details';

const PERMISSION = 'chorus:permission';

/**
 * The permission of the matrix (packages/domain/src/shared/permissions.ts) a route needs. Every
 * route that is not `@Public()` names exactly one; the OpenAPI document shows it as
 * `x-chorus-permission`, which docs/permissions.md and the matrix test read.
 */
export const Requires = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION, permission),
    ApiExtension('x-chorus-permission', permission),
  );

/** Refuses with 403 unless the actor's role has the route's permission; a route naming none is refused too. */
export const checkPermission = (
  reflector: Reflector,
  context: ExecutionContext,
  actor: AuthenticatedActor,
): void => {
  const permission = reflector.getAllAndOverride<Permission | undefined>(PERMISSION, [
    context.getHandler(),
    context.getClass(),
  ]);
  if (permission === undefined) {
    throw new ProblemException(
      403,
      'forbidden',
      'Forbidden',
      'This route names no permission, so nobody may use it.',
    );
  }
  if (actor.apiKey) {
    if (!scopesAllow(actor.apiKey.scopes, permission)) {
      throw new ProblemException(
        403,
        'forbidden',
        'Forbidden',
        `This API key's scopes (${actor.apiKey.scopes.join(', ')}) do not allow ${permission}: ${permissionMatrix[permission].what.toLowerCase()}.`,
      );
    }
    return;
  }
  if (!can(actor.role, permission)) {
    const what = permissionMatrix[permission].what;
    throw new ProblemException(
      403,
      'forbidden',
      'Forbidden',
      `A ${roleLabels[actor.role].toLowerCase()} may not do this (${permission}: ${what.toLowerCase()}); allowed: ${whoCan(permission)}.`,
    );
  }
};
