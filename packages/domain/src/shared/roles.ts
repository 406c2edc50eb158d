export const actorRoles = ['admin', 'staff', 'customer'] as const;
export type ActorRoleName = (typeof actorRoles)[number];
