import { roleLabels, staffRoles, type PersonView } from '@chorus/domain/client';
import type { BadgeTone, SelectOption } from '@chorus/ui';

type Status = PersonView['status'];

export const statusLabels: Record<Status, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
  erased: 'Erased',
};

export const statusTones: Record<Status, BadgeTone> = {
  active: 'green',
  invited: 'blue',
  deactivated: 'neutral',
  erased: 'neutral',
};

/** What each role may do, in a line (docs/permissions.md has the whole matrix). */
export const roleSummaries: Record<(typeof staffRoles)[number], string> = {
  admin: 'Everything, people, API keys and the audit trail included.',
  product_manager: 'Plans the backlog and roadmap, manages boards, publishes releases.',
  product_owner: 'Plans the backlog and sprints, accepts done work.',
  teammate: 'Triages feedback, keeps customers up to date, moves planned work along.',
  viewer: 'Reads what the team sees and changes nothing.',
};

/** Customers join through the portal: a teammate's role is one of the staff roles. */
export const roleOptions: SelectOption[] = staffRoles.map((role) => ({
  value: role,
  label: roleLabels[role],
}));

/** An invitation past its date can no longer be accepted, though the person is still listed. */
export const invitationExpired = (person: PersonView, now: number): boolean =>
  person.status === 'invited' &&
  person.invitationExpiresAt !== null &&
  Date.parse(person.invitationExpiresAt) <= now;
