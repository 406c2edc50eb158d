import type { PersonStatus } from '../identity/person.decider';
import type { ActorRoleName } from '../shared/roles';

// Shapes of sign-in, sessions and people management, shared by the API and the web app.

/**
 * `POST /api/v1/auth/sessions`. Without `workspace` (its slug), the email must belong to one
 * workspace only. Answers `Me` (feedback-api) and sets the session and CSRF cookies.
 */
export type SignInInput = { workspace?: string; email: string; password: string };

/** Every state-changing request made with the session cookie echoes this cookie as a header. */
export const CSRF_COOKIE = 'chorus_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A member of the workspace as admins see them. */
export type PersonView = {
  id: string;
  name: string;
  email: string;
  role: ActorRoleName;
  /** `erased`: name and email are gone for good; the row stays for what they did. */
  status: PersonStatus | 'erased';
  createdAt: string;
  lastSignInAt: string | null;
  /** While invited: until when the invitation can be accepted. */
  invitationExpiresAt: string | null;
  /** Whether they can sign in with a password (rather than only a token or single sign-on). */
  hasPassword: boolean;
};

export type PeopleList = { items: PersonView[] };

/** `POST /api/v1/people/invitations`: a teammate's role only; customers use the portal. */
export type InvitePersonInput = { name: string; email: string; role: ActorRoleName };

/** The invitation link is shown once, to pass on; it holds the secret that accepts it. */
export type Invitation = { person: PersonView; acceptUrl: string };

/** `POST /api/v1/auth/invitations/accept`: choose a password and be signed in. */
export type AcceptInvitationInput = { token: string; password: string };

/** `PUT /api/v1/me/password`: the current password is needed when there is one. */
export type ChangePasswordInput = { currentPassword?: string; newPassword: string };

/** `PUT /api/v1/people/:id/role`. */
export type ChangeRoleInput = { role: ActorRoleName };
