/**
 * Who a person is in a workspace. Everyone but a customer works for the product organisation
 * (a "teammate" in the broad sense); what each may do is the permission matrix's to say.
 */
export const actorRoles = [
  'admin',
  'product_manager',
  'product_owner',
  'teammate',
  'viewer',
  'customer',
] as const;
export type ActorRoleName = (typeof actorRoles)[number];

export const roleLabels: Record<ActorRoleName, string> = {
  admin: 'Admin',
  product_manager: 'Product manager',
  product_owner: 'Product owner',
  teammate: 'Teammate',
  viewer: 'Viewer',
  customer: 'Customer',
};

export type StaffRoleName = Exclude<ActorRoleName, 'customer'>;

/** The roles of the product organisation itself: everyone but customers. */
export const staffRoles = actorRoles.filter((role): role is StaffRoleName => role !== 'customer');
