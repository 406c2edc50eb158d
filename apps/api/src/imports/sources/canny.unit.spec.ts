import { cannyExport } from '../fixtures/fixtures';
import { UnreadableImport } from '../import-plan';
import { planFromCanny } from './canny';

const post = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  title: `Post ${id}`,
  details: '',
  board: { id: 'b1' },
  author: { id: 'u1', name: 'Uma', email: 'uma@example.com', isAdmin: false, userID: null },
  created: '2024-01-01T00:00:00.000Z',
  status: 'open',
  tags: [],
  ...fields,
});

describe('reading a Canny export', () => {
  it('plans every board, tag, status, company, customer, post, vote, comment, merge and entry', () => {
    const plan = planFromCanny(cannyExport());
    expect(plan.errors).toEqual([]);
    expect(plan.boards.map((b) => b.name)).toEqual(['Feature Requests', 'Integrations']);
    expect(plan.tags.map((t) => t.name)).toEqual(['Reporting', 'Mobile', 'Slack']);
    expect(plan.statuses.map((s) => [s.key, s.preferredId, s.kind])).toEqual([
      ['planned', 'planned', 'active'],
      ['open', 'open', 'open'],
      ['in progress', 'in_progress', 'active'],
      ['complete', 'done', 'done'],
      ['under review', 'under_review', 'open'],
      ['closed', 'declined', 'closed'],
      ['waiting on partner', null, 'open'],
    ]);
    // Companies from the list and from users; MRR from monthlySpend, in cents.
    expect(plan.companies.map((c) => [c.externalId, c.name, c.mrrCents, c.domain])).toEqual([
      ['acme-co', 'Acme Corp', 125_050, 'acme.example'],
      ['globex-co', 'Globex', 49_900, 'globex.example'],
      ['initech', 'Initech', 8_999, 'initech.example'],
    ]);
    expect(plan.companies[0]?.attributes).toEqual({ plan: 'enterprise', seats: 120 });
    // The host application's id when Canny has it, else Canny's own.
    expect(plan.customers.map((c) => [c.externalId, c.email, c.companyExternalId])).toEqual([
      ['app-alice', 'alice@acme.example', 'acme-co'],
      ['canny:5f0a00000000000000000002', 'bob@globex.example', 'globex-co'],
      ['app-carol', 'carol@initech.example', 'initech'],
      ['canny:5f0a00000000000000000004', null, null],
      ['staff-paula', 'paula@vendor.example', null],
    ]);
    expect(plan.feedback).toHaveLength(10);
    expect(plan.feedback[0]).toMatchObject({
      title: 'Export reports to CSV',
      board: '64a1f0c2e4b0a1a2b3c4d501',
      tags: ['reporting'],
      status: 'planned',
      authorExternalId: 'app-alice',
      createdAt: '2024-01-10T09:30:00.000Z',
      statusChangedAt: '2024-03-01T10:00:00.000Z',
    });
    expect(plan.votes).toHaveLength(18);
    expect(plan.merges).toEqual([
      expect.objectContaining({
        duplicateKey: '64c300000000000000000007',
        intoKey: '64c300000000000000000006',
        createdAt: '2024-02-20T09:00:00.000Z',
      }),
    ]);
    expect(
      plan.comments.map((c) => [c.body.slice(0, 12), c.internal, c.byStaff, c.parentKey]),
    ).toEqual([
      ['We would use', false, false, null],
      ['Finance aske', true, true, null],
      ['Same for Mic', false, false, null],
      ['Shipped: dig', false, true, null],
      ['Thanks! This', false, true, '64e500000000000000000001'],
    ]);
    expect(plan.changelog).toEqual([
      expect.objectContaining({
        title: 'Scheduled email digests are here',
        date: '2024-05-02',
        body: expect.stringContaining('**every Monday**') as unknown,
      }),
    ]);
  });

  it('names the array, position and field of records it leaves out', () => {
    const plan = planFromCanny({
      boards: [{ id: 'b1', name: 'Ideas' }, { id: 'b2' }],
      users: [{ id: 'u9', name: 'Ned', email: 'not-an-email', isAdmin: false, userID: null }],
      posts: [
        post('p1'),
        post('p2', { board: { id: 'nowhere' } }),
        post('p3', { title: undefined }),
        post('p4', {
          mergeHistory: [
            { created: '2024-02-01T00:00:00Z', post: { id: 'gone', title: 'Old one' } },
          ],
        }),
      ],
      votes: [
        { id: 'v1', post: { id: 'p1' }, voter: { id: 'u9' }, created: '2024-01-02T00:00:00Z' },
        { id: 'v2', post: { id: 'p2' }, voter: { id: 'u9' } },
      ],
      comments: [
        { id: 'c1', post: { id: 'p404' }, author: { id: 'u9' }, value: 'Hello' },
        { id: 'c2', post: { id: 'p1' }, author: { id: 'u9' }, value: 'Top' },
        { id: 'c3', post: { id: 'p1' }, author: { id: 'u9' }, value: 'Reply', parentID: 'c4' },
        { id: 'c4', post: { id: 'p1' }, author: { id: 'u9' }, value: 'Mid', parentID: 'c2' },
      ],
    });
    expect(plan.errors).toEqual([
      { part: 'boards', row: 2, field: 'name', message: expect.any(String) as unknown },
      { part: 'posts', row: 3, field: 'title', message: expect.any(String) as unknown },
      {
        part: 'users',
        row: 1,
        field: 'email',
        message: '"not-an-email" is not an email address; the user is imported without one.',
      },
      {
        part: 'posts',
        row: 2,
        field: 'board',
        message: 'There is no board "nowhere" in this export.',
      },
      { part: 'votes', row: 2, field: 'post', message: 'There is no post "p2" in this export.' },
      {
        part: 'comments',
        row: 1,
        field: 'post',
        message: 'There is no post "p404" in this export.',
      },
    ]);
    expect(plan.customers.map((c) => [c.externalId, c.email])).toEqual([
      ['canny:u9', null],
      ['canny:u1', 'uma@example.com'],
    ]);
    // A merged post only in the survivor's history still comes, and is merged.
    expect(plan.feedback.map((f) => f.key)).toEqual(['p1', 'p4', 'gone']);
    expect(plan.merges.map((m) => [m.duplicateKey, m.intoKey])).toEqual([['gone', 'p4']]);
    // A reply to a reply joins the top of its thread.
    expect(plan.comments.map((c) => [c.key, c.parentKey])).toEqual([
      ['c2', null],
      ['c3', 'c2'],
      ['c4', 'c2'],
    ]);
  });

  it('refuses what is not a Canny export at all', () => {
    expect(() => planFromCanny([])).toThrow(UnreadableImport);
    expect(() => planFromCanny({ issues: [] })).toThrow(UnreadableImport);
  });
});
