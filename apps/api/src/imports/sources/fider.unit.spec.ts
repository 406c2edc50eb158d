import { fiderBackupZip, fiderTables, zipOf } from '../fixtures/fixtures';
import { UnreadableImport } from '../import-plan';
import { planFromFider } from './fider';
import { readFiderBackup } from './fider-zip';

describe('reading a Fider backup', () => {
  it('reads the tables it needs out of the backup zip', async () => {
    const tables = await readFiderBackup(await fiderBackupZip());
    expect([...tables.keys()].sort()).toEqual([
      'comments',
      'post_tags',
      'post_votes',
      'posts',
      'tags',
      'tenants',
      'users',
    ]);
    expect(planFromFider(tables)).toEqual(planFromFider(fiderTables()));
  });

  it('plans the site as a board, its posts, votes, comments, responses and duplicates', () => {
    const plan = planFromFider(fiderTables());
    expect(plan.errors).toEqual([]);
    expect(plan.boards.map((b) => b.name)).toEqual(['Acme Feedback']);
    expect(plan.tags.map((t) => [t.key, t.name, t.colour])).toEqual([
      ['security', 'Security', '#e74c3c'],
      ['ux', 'UX', '#3498db'],
    ]);
    expect(plan.customers.map((c) => [c.externalId, c.email])).toEqual([
      ['fider:1', 'olivia@acme.example'],
      ['fider:2', 'victor@customer.example'],
      ['fider:3', 'wendy@customer.example'],
      ['fider:4', null],
      ['fider:5', 'cole@acme.example'],
    ]);
    // The deleted post (16) stays behind; the one titled 100 is read as text.
    expect(plan.feedback.map((f) => [f.key, f.title, f.status, f.tags])).toEqual([
      ['11', 'Two-factor authentication', 'planned', ['security']],
      ['12', 'Keyboard shortcuts', 'started', ['ux']],
      ['13', 'Export to PDF', 'completed', []],
      ['14', '2FA with an authenticator app', null, ['security']],
      ['15', 'Change the logo colour', 'declined', []],
      ['17', 'Dark theme', 'open', ['ux']],
      ['18', '100', 'open', []],
    ]);
    expect(plan.statuses.map((s) => [s.key, s.preferredId])).toEqual([
      ['planned', 'planned'],
      ['started', 'in_progress'],
      ['completed', 'done'],
      ['declined', 'declined'],
      ['open', 'open'],
    ]);
    expect(plan.merges.map((m) => [m.duplicateKey, m.intoKey])).toEqual([['14', '11']]);
    expect(plan.votes).toHaveLength(13);
    // Responses are public comments of who responded; the deleted comment stays behind.
    expect(plan.comments.map((c) => [c.key, c.authorExternalId, c.byStaff])).toEqual([
      ['response-11', 'fider:1', true],
      ['response-12', 'fider:5', true],
      ['response-13', 'fider:1', true],
      ['response-15', 'fider:1', true],
      ['101', 'fider:3', false],
      ['102', 'fider:5', true],
      ['104', 'fider:2', false],
    ]);
  });

  it('names the table, position and column of rows it leaves out', () => {
    const tables = new Map<string, unknown>([
      [
        'users',
        [
          { id: 1, name: 'A', email: 'nope', role: 1 },
          { id: 'x', role: 1 },
        ],
      ],
      [
        'posts',
        [
          { id: 1, title: 'Fine post', user_id: 1, status: 0 },
          { id: 2, title: 'Orphan', user_id: 9, status: 0 },
          { id: 3, title: 'Odd', user_id: 1, status: 9 },
        ],
      ],
      ['post_votes', [{ post_id: 7, user_id: 1 }]],
      ['comments', [{ id: 1, content: 'Hi', post_id: 1, user_id: 8 }]],
      ['post_tags', [{ post_id: 1, tag_id: 4 }]],
    ]);
    const plan = planFromFider(tables);
    expect(plan.errors).toEqual([
      { part: 'users', row: 2, field: 'id', message: 'An id must be a whole number.' },
      { part: 'posts', row: 3, field: 'status', message: 'A post status is 0 to 6.' },
      {
        part: 'users',
        row: 1,
        field: 'email',
        message: '"nope" is not an email address; the user is imported without one.',
      },
      { part: 'post_tags', row: 1, field: 'tag_id', message: 'There is no tag 4 in tags.json.' },
      { part: 'posts', row: 2, field: 'user_id', message: 'There is no user 9 in users.json.' },
      {
        part: 'post_votes',
        row: 1,
        field: 'post_id',
        message: 'There is no post 7 in posts.json.',
      },
      { part: 'comments', row: 1, field: 'user_id', message: 'There is no user 8 in users.json.' },
    ]);
    expect(plan.feedback.map((f) => f.key)).toEqual(['1']);
  });

  it('refuses a zip that is not a Fider backup, and a file that is not a zip', async () => {
    expect(() => planFromFider(new Map())).toThrow(UnreadableImport);
    await expect(readFiderBackup(Buffer.from('not a zip'))).rejects.toThrow(UnreadableImport);
    const broken = await zipOf({ 'posts.json': '[{"id": 1,' });
    await expect(readFiderBackup(broken)).rejects.toThrow('posts.json is not JSON');
  });
});
