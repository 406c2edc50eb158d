import { personDecider } from './person.decider';
import type { PersonEvent } from './person.events';
import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';

const spec = deciderSpec(personDecider);
const admin: Actor = { id: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57', role: 'admin' };
const personId = '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const now = '2026-11-29T10:00:00.000Z';
const joined = (role: 'admin' | 'teammate' = 'teammate'): PersonEvent => ({
  type: 'PersonJoined',
  data: { personId, role, via: 'provisioning' },
});
const invited: PersonEvent = {
  type: 'PersonInvited',
  data: {
    personId,
    role: 'product_owner',
    invitedBy: admin.id,
    expiresAt: '2026-12-06T10:00:00.000Z',
  },
};

describe('RegisterPerson', () => {
  it('lets a provisioned person join', () =>
    spec
      .given([])
      .when({ type: 'RegisterPerson', personId, role: 'teammate', via: 'provisioning' })
      .then([joined()]));

  it('refuses a second time', () =>
    spec
      .given([joined()])
      .when({ type: 'RegisterPerson', personId, role: 'teammate', via: 'sso' })
      .thenThrows(DomainRuleViolation, /already here/));
});

describe('InvitePerson and AcceptInvitation', () => {
  it('invites for seven days, with a role of the organisation', () =>
    spec
      .given([])
      .when({ type: 'InvitePerson', personId, role: 'product_owner', now, actor: admin })
      .then([invited]));

  it('does not invite a customer', () =>
    spec
      .given([])
      .when({ type: 'InvitePerson', personId, role: 'customer', now, actor: admin })
      .thenThrows(DomainRuleViolation, /portal/));

  it('lets the invited person join once, with the role they were invited with', () => {
    spec
      .given([invited])
      .when({ type: 'AcceptInvitation', personId, now })
      .then([
        { type: 'PersonJoined', data: { personId, role: 'product_owner', via: 'invitation' } },
      ]);
    spec
      .given([
        invited,
        { type: 'PersonJoined', data: { personId, role: 'product_owner', via: 'invitation' } },
      ])
      .when({ type: 'AcceptInvitation', personId, now })
      .thenThrows(DomainRuleViolation, /used already/);
  });

  it('refuses an expired invitation', () =>
    spec
      .given([invited])
      .when({ type: 'AcceptInvitation', personId, now: '2026-12-06T10:00:00.000Z' })
      .thenThrows(DomainRuleViolation, /expired/));
});

describe('ChangeRole', () => {
  it('changes a role, saying from what', () =>
    spec
      .given([joined()])
      .when({
        type: 'ChangeRole',
        personId,
        role: 'product_manager',
        activeAdmins: 1,
        actor: admin,
      })
      .then([
        {
          type: 'PersonRoleChanged',
          data: { personId, from: 'teammate', to: 'product_manager', changedBy: admin.id },
        },
      ]));

  it('does nothing for the same role', () =>
    spec
      .given([joined()])
      .when({ type: 'ChangeRole', personId, role: 'teammate', activeAdmins: 1, actor: admin })
      .thenNothingHappens());

  it('keeps the last active admin', () => {
    spec
      .given([joined('admin')])
      .when({ type: 'ChangeRole', personId, role: 'viewer', activeAdmins: 1, actor: admin })
      .thenThrows(DomainRuleViolation, /last active admin/);
    spec
      .given([joined('admin')])
      .when({ type: 'ChangeRole', personId, role: 'viewer', activeAdmins: 2, actor: admin })
      .then([
        {
          type: 'PersonRoleChanged',
          data: { personId, from: 'admin', to: 'viewer', changedBy: admin.id },
        },
      ]);
  });

  it('names an unknown role and an unknown person', () => {
    spec
      .given([joined()])
      .when({ type: 'ChangeRole', personId, role: 'owner', activeAdmins: 1, actor: admin })
      .thenThrows(DomainRuleViolation, /admin, product_manager/);
    spec
      .given([])
      .when({ type: 'ChangeRole', personId, role: 'viewer', activeAdmins: 1, actor: admin })
      .thenThrows(AggregateNotFound);
  });
});

describe('DeactivatePerson and ReactivatePerson', () => {
  const deactivated: PersonEvent = {
    type: 'PersonDeactivated',
    data: { personId, deactivatedBy: admin.id },
  };

  it('deactivates once and reactivates once', () => {
    spec
      .given([joined()])
      .when({ type: 'DeactivatePerson', personId, activeAdmins: 1, actor: admin })
      .then([deactivated]);
    spec
      .given([joined(), deactivated])
      .when({ type: 'DeactivatePerson', personId, activeAdmins: 1, actor: admin })
      .thenNothingHappens();
    spec
      .given([joined(), deactivated])
      .when({ type: 'ReactivatePerson', personId, actor: admin })
      .then([{ type: 'PersonReactivated', data: { personId, reactivatedBy: admin.id } }]);
  });

  it('refuses to deactivate yourself or the last admin', () => {
    spec
      .given([joined()])
      .when({
        type: 'DeactivatePerson',
        personId,
        activeAdmins: 2,
        actor: { id: personId, role: 'admin' },
      })
      .thenThrows(DomainRuleViolation, /yourself/);
    spec
      .given([joined('admin')])
      .when({ type: 'DeactivatePerson', personId, activeAdmins: 1, actor: admin })
      .thenThrows(DomainRuleViolation, /last active admin/);
  });
});

describe('ChangePassword', () => {
  it('records that an active person changed their password, never the password', () =>
    spec
      .given([joined()])
      .when({ type: 'ChangePassword', personId, via: 'self' })
      .then([{ type: 'PersonPasswordChanged', data: { personId, via: 'self' } }]));

  it('refuses an invited person', () =>
    spec
      .given([invited])
      .when({ type: 'ChangePassword', personId, via: 'reset' })
      .thenThrows(DomainRuleViolation, /active/));
});

describe('ErasePerson', () => {
  it('erases someone once; nothing can be done to them after', () => {
    const erased: PersonEvent = { type: 'PersonErased', data: { personId, erasedBy: admin.id } };
    spec
      .given([joined()])
      .when({ type: 'ErasePerson', personId, activeAdmins: 1, actor: admin })
      .then([erased]);
    spec
      .given([joined(), erased])
      .when({ type: 'ReactivatePerson', personId, actor: admin })
      .thenThrows(AggregateNotFound);
  });

  it('keeps the last admin and refuses to erase yourself', () => {
    spec
      .given([joined('admin')])
      .when({ type: 'ErasePerson', personId, activeAdmins: 1, actor: admin })
      .thenThrows(DomainRuleViolation, /last active admin/);
    spec
      .given([joined()])
      .when({
        type: 'ErasePerson',
        personId,
        activeAdmins: 2,
        actor: { id: personId, role: 'admin' },
      })
      .thenThrows(DomainRuleViolation, /yourself/);
  });
});
