import { z } from 'zod';
import { actorRoles } from './roles';

export { actorRoles };
export const ActorRole = z.enum(actorRoles);
export type ActorRole = z.infer<typeof ActorRole>;

/** Whoever issues a command: every command records one. */
export type Actor = { id: string; role: ActorRole };

/** Anyone of the product organisation, as opposed to a customer. */
export const isStaff = (actor: Actor): boolean => actor.role !== 'customer';
