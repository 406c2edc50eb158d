import { ActionForbidden, isStaff, type Actor } from '@chorus/domain';

/** Releases being prepared are the team's: customers read the published changelog instead. */
export const assertTeammate = (actor: Actor): void => {
  if (!isStaff(actor)) {
    throw new ActionForbidden('Only teammates see releases; the changelog shows what shipped.');
  }
};
