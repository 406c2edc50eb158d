import { actorRoles } from './roles';
import { can, permissions, scopesAllow, whoCan } from './permissions';

describe('the permission matrix', () => {
  it('lets an admin do everything', () => {
    expect(permissions.filter((p) => !can('admin', p))).toEqual([]);
  });

  it('lets a viewer only read, besides looking after their own profile', () => {
    expect(
      permissions
        .filter((p) => can('viewer', p) && p !== 'profile.update')
        .every((p) => p.endsWith('.read')),
    ).toBe(true);
  });

  it('keeps the organisation’s own data from customers', () => {
    expect(permissions.filter((p) => can('customer', p))).toEqual([
      'profile.read',
      'profile.update',
      'feedback.read',
      'feedback.participate',
      'catalog.read',
      'changelog.read',
    ]);
  });

  it('gives every role something, and keeps only the workspace’s administration to admins', () => {
    for (const role of actorRoles) expect(permissions.some((p) => can(role, p))).toBe(true);
    expect(permissions.filter((p) => actorRoles.every((r) => r === 'admin' || !can(r, p)))).toEqual(
      [
        'audit.read',
        'people.manage',
        'privacy.erase',
        'api-keys.manage',
        'workspace.import',
        'workspace.export',
      ],
    );
  });

  it('names who may, in words', () => {
    expect(whoCan('feedback.read')).toBe('everyone');
    expect(whoCan('sprints.manage')).toBe('admins and product owners');
    expect(whoCan('releases.manage')).toBe('admins, product managers and product owners');
  });
});

describe('API key scopes', () => {
  it('lets a read key read what a viewer may, and nothing of admins', () => {
    expect(permissions.filter((p) => scopesAllow(['read'], p))).toEqual(
      permissions.filter((p) => can('viewer', p) && p.endsWith('.read')),
    );
  });

  it('lets a write key do all but what only admins may', () => {
    expect(permissions.filter((p) => !scopesAllow(['write'], p))).toEqual([
      'audit.read',
      'people.manage',
      'privacy.erase',
      'api-keys.manage',
      'workspace.import',
      'workspace.export',
    ]);
    expect(permissions.filter((p) => !scopesAllow(['admin'], p))).toEqual([]);
  });
});
