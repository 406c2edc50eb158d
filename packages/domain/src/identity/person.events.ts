import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { actorRoles } from '../shared/roles';

/**
 * A person's life in a workspace, on `person-<personId>`. Names, emails and password hashes are
 * personal data and stay out of the log: they live in the `users` table, which erasure can scrub.
 */
const Role = z.enum(actorRoles);

export const PersonJoinedV1 = defineEvent(
  'PersonJoined',
  1,
  z.object({
    personId: z.uuid(),
    role: Role,
    via: z.enum(['provisioning', 'invitation', 'sso', 'portal']),
  }),
);
export const PersonInvitedV1 = defineEvent(
  'PersonInvited',
  1,
  z.object({
    personId: z.uuid(),
    role: Role,
    invitedBy: z.uuid(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
);
export const PersonRoleChangedV1 = defineEvent(
  'PersonRoleChanged',
  1,
  z.object({ personId: z.uuid(), from: Role, to: Role, changedBy: z.uuid() }),
);
export const PersonDeactivatedV1 = defineEvent(
  'PersonDeactivated',
  1,
  z.object({ personId: z.uuid(), deactivatedBy: z.uuid() }),
);
export const PersonReactivatedV1 = defineEvent(
  'PersonReactivated',
  1,
  z.object({ personId: z.uuid(), reactivatedBy: z.uuid() }),
);
export const PersonPasswordChangedV1 = defineEvent(
  'PersonPasswordChanged',
  1,
  z.object({ personId: z.uuid(), via: z.enum(['self', 'reset']) }),
);

/** A person's account was erased (GDPR): name and email gone from `users`, no way in left. */
export const PersonErasedV1 = defineEvent(
  'PersonErased',
  1,
  z.object({ personId: z.uuid(), erasedBy: z.uuid() }),
);

type EventOf<T extends string, D extends { schema: z.ZodType }> = {
  type: T;
  data: z.infer<D['schema']>;
};
export type PersonJoined = EventOf<'PersonJoined', typeof PersonJoinedV1>;
export type PersonInvited = EventOf<'PersonInvited', typeof PersonInvitedV1>;
export type PersonRoleChanged = EventOf<'PersonRoleChanged', typeof PersonRoleChangedV1>;
export type PersonDeactivated = EventOf<'PersonDeactivated', typeof PersonDeactivatedV1>;
export type PersonReactivated = EventOf<'PersonReactivated', typeof PersonReactivatedV1>;
export type PersonPasswordChanged = EventOf<
  'PersonPasswordChanged',
  typeof PersonPasswordChangedV1
>;
export type PersonErased = EventOf<'PersonErased', typeof PersonErasedV1>;
export type PersonEvent =
  | PersonErased
  | PersonJoined
  | PersonInvited
  | PersonRoleChanged
  | PersonDeactivated
  | PersonReactivated
  | PersonPasswordChanged;

export const personEventDefinitions = [
  PersonJoinedV1,
  PersonInvitedV1,
  PersonRoleChangedV1,
  PersonDeactivatedV1,
  PersonReactivatedV1,
  PersonPasswordChangedV1,
  PersonErasedV1,
];

export const personStreamId = (personId: string): string => `person-${personId}`;
