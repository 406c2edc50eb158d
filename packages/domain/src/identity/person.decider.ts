import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { staffRoles, type ActorRoleName } from '../shared/roles';
import type { PersonEvent } from './person.events';

export type PersonStatus = 'invited' | 'active' | 'deactivated';
export type Person =
  | { exists: false }
  | {
      exists: true;
      role: ActorRoleName;
      /** An erased person is a tombstone: nothing can be done to them any more. */
      status: PersonStatus | 'erased';
      invitationExpiresAt: string | null;
    };

/**
 * Commands that could leave a workspace without an admin carry how many active admins it has
 * now; the handler counts them under a workspace lock, so two demotions cannot both pass.
 */
export type PersonCommand =
  | {
      type: 'RegisterPerson';
      personId: string;
      role: ActorRoleName;
      via: 'provisioning' | 'sso' | 'portal';
    }
  | { type: 'InvitePerson'; personId: string; role: string; now: string; actor: Actor }
  | { type: 'AcceptInvitation'; personId: string; now: string }
  | {
      type: 'ChangeRole';
      personId: string;
      role: string;
      activeAdmins: number;
      actor: Actor;
    }
  | { type: 'DeactivatePerson'; personId: string; activeAdmins: number; actor: Actor }
  | { type: 'ReactivatePerson'; personId: string; actor: Actor }
  | { type: 'ChangePassword'; personId: string; via: 'self' | 'reset' }
  | { type: 'ErasePerson'; personId: string; activeAdmins: number; actor: Actor };

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 7;

const staffRole = (role: string): ActorRoleName => {
  const found = staffRoles.find((r) => r === role);
  if (!found) {
    throw new DomainRuleViolation(
      `A teammate's role is one of ${staffRoles.join(', ')}; customers sign in through the portal.`,
      'role',
    );
  }
  return found;
};

const existing = (person: Person, personId: string) => {
  if (!person.exists || person.status === 'erased') throw new AggregateNotFound('Person', personId);
  return person;
};

const keepsAnAdmin = (
  person: { role: ActorRoleName; status: PersonStatus | 'erased' },
  admins: number,
) => {
  if (person.role === 'admin' && person.status === 'active' && admins <= 1) {
    throw new DomainRuleViolation(
      'This is the last active admin of the workspace; make someone else an admin first.',
    );
  }
};

/** Who may manage people is the permission matrix's to say (`people.manage`). */
export const personDecider: Decider<PersonCommand, PersonEvent, Person> = {
  initialState: () => ({ exists: false }),
  evolve: (person, event) => {
    switch (event.type) {
      case 'PersonJoined':
        return { exists: true, role: event.data.role, status: 'active', invitationExpiresAt: null };
      case 'PersonInvited':
        return {
          exists: true,
          role: event.data.role,
          status: 'invited',
          invitationExpiresAt: event.data.expiresAt,
        };
      case 'PersonRoleChanged':
        return person.exists ? { ...person, role: event.data.to } : person;
      case 'PersonDeactivated':
        return person.exists ? { ...person, status: 'deactivated' } : person;
      case 'PersonReactivated':
        return person.exists ? { ...person, status: 'active' } : person;
      case 'PersonPasswordChanged':
        return person;
      case 'PersonErased':
        return person.exists ? { ...person, status: 'erased' } : person;
    }
  },
  decide: (command, person) => {
    switch (command.type) {
      case 'RegisterPerson':
        if (person.exists) throw new DomainRuleViolation('This person is already here.');
        return [
          {
            type: 'PersonJoined',
            data: { personId: command.personId, role: command.role, via: command.via },
          },
        ];
      case 'InvitePerson': {
        if (person.exists) throw new DomainRuleViolation('This person is already here.');
        const expiresAt = new Date(Date.parse(command.now) + INVITATION_DAYS * 86_400_000);
        return [
          {
            type: 'PersonInvited',
            data: {
              personId: command.personId,
              role: staffRole(command.role),
              invitedBy: command.actor.id,
              expiresAt: expiresAt.toISOString(),
            },
          },
        ];
      }
      case 'AcceptInvitation': {
        const invited = existing(person, command.personId);
        if (invited.status !== 'invited') {
          throw new DomainRuleViolation('This invitation has been used already; sign in instead.');
        }
        if (invited.invitationExpiresAt !== null && invited.invitationExpiresAt <= command.now) {
          throw new DomainRuleViolation('This invitation has expired; ask an admin for a new one.');
        }
        return [
          {
            type: 'PersonJoined',
            data: { personId: command.personId, role: invited.role, via: 'invitation' },
          },
        ];
      }
      case 'ChangeRole': {
        const current = existing(person, command.personId);
        if (current.role === 'customer') {
          throw new DomainRuleViolation('Customers have no role to change.', 'role');
        }
        const role = staffRole(command.role);
        if (role === current.role) return [];
        if (role !== 'admin') keepsAnAdmin(current, command.activeAdmins);
        return [
          {
            type: 'PersonRoleChanged',
            data: {
              personId: command.personId,
              from: current.role,
              to: role,
              changedBy: command.actor.id,
            },
          },
        ];
      }
      case 'DeactivatePerson': {
        const current = existing(person, command.personId);
        if (command.personId === command.actor.id) {
          throw new DomainRuleViolation('You cannot deactivate yourself.');
        }
        if (current.status === 'deactivated') return [];
        keepsAnAdmin(current, command.activeAdmins);
        return [
          {
            type: 'PersonDeactivated',
            data: { personId: command.personId, deactivatedBy: command.actor.id },
          },
        ];
      }
      case 'ReactivatePerson': {
        const current = existing(person, command.personId);
        if (current.status !== 'deactivated') return [];
        return [
          {
            type: 'PersonReactivated',
            data: { personId: command.personId, reactivatedBy: command.actor.id },
          },
        ];
      }
      case 'ErasePerson': {
        const current = existing(person, command.personId);
        if (command.personId === command.actor.id) {
          throw new DomainRuleViolation('You cannot erase yourself; ask another admin.');
        }
        keepsAnAdmin(current, command.activeAdmins);
        return [
          {
            type: 'PersonErased',
            data: { personId: command.personId, erasedBy: command.actor.id },
          },
        ];
      }
      case 'ChangePassword': {
        const current = existing(person, command.personId);
        if (current.status !== 'active') {
          throw new DomainRuleViolation('Only an active person can set a password.');
        }
        return [
          { type: 'PersonPasswordChanged', data: { personId: command.personId, via: command.via } },
        ];
      }
    }
  },
};
