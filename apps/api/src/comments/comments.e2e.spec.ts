import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

type Comment = {
  id: string;
  feedbackId: string;
  parentId: string | null;
  author: { id: string; name: string | null; staff: boolean };
  visibility: 'public' | 'internal';
  body: string;
  mentions: { id: string; name: string | null }[];
  createdAt: string;
  editedAt: string | null;
  replies: Comment[];
};
type CommentList = { comments: Comment[] };

describe('comments', () => {
  let app: TestApp;
  let feedbackId: string;
  const ids = { admin: '', teammate: '', customer: '', otherCustomer: '' };

  const post = (body: unknown, token?: string, on = feedbackId) =>
    app.request<Comment & ProblemDetails>('POST', `/api/v1/feedback/${on}/comments`, {
      token,
      body,
    });
  const list = async (token: string, on = feedbackId) => {
    await app.settle();
    return app.request<CommentList>('GET', `/api/v1/feedback/${on}/comments`, { token });
  };
  const submit = async (title: string) =>
    (
      await app.request<{ id: string }>('POST', '/api/v1/feedback', {
        token: app.tokens.customer,
        body: { title },
      })
    ).body.id;

  beforeAll(async () => {
    app = await startTestApp();
    for (const who of ['admin', 'teammate', 'customer', 'otherCustomer'] as const) {
      ids[who] = (
        await app.request<{ id: string }>('GET', '/api/v1/me', { token: app.tokens[who] })
      ).body.id;
    }
    feedbackId = await submit('Slack integration');
    await app.settle();
  });
  afterAll(() => app.close());

  let publicComment: Comment;
  let internalComment: Comment;
  let customerComment: Comment;
  let reply: Comment;

  it('posts public and internal comments and returns them as written', async () => {
    const first = await post({ body: 'Thanks! Which workspace plan are you on?' });
    expect(first.status).toBe(201);
    publicComment = first.body;
    expect(publicComment).toMatchObject({
      feedbackId,
      parentId: null,
      author: { id: ids.admin, name: 'Ada Admin', staff: true },
      visibility: 'public',
      body: 'Thanks! Which workspace plan are you on?',
      mentions: [],
      editedAt: null,
      replies: [],
    });
    expect(Date.parse(publicComment.createdAt)).not.toBeNaN();

    const internal = await post({
      body: 'Big account, @Tom can you look?',
      visibility: 'internal',
      mentions: [ids.teammate, ids.teammate],
    });
    expect(internal.status).toBe(201);
    internalComment = internal.body;
    expect(internalComment.mentions).toEqual([{ id: ids.teammate, name: 'Tom Teammate' }]);

    const byCustomer = await post({ body: 'Pro plan, and we need it soon' }, app.tokens.customer);
    expect(byCustomer.status).toBe(201);
    customerComment = byCustomer.body;
    expect(customerComment.author).toEqual({
      id: ids.customer,
      name: 'Cleo Customer',
      staff: false,
    });
  });

  it('threads replies one level deep', async () => {
    const answer = await post(
      { body: 'Enterprise for us', parentId: publicComment.id },
      app.tokens.otherCustomer,
    );
    expect(answer.status).toBe(201);
    reply = answer.body;
    expect(reply.parentId).toBe(publicComment.id);

    const deeper = await post({ body: 'Reply to a reply', parentId: reply.id });
    expect(deeper.status).toBe(422);
    expect(deeper.body.errors?.[0]?.field).toBe('parentId');

    const elsewhere = await submit('Another idea');
    const wrongItem = await post(
      { body: 'Wrong thread', parentId: publicComment.id },
      undefined,
      elsewhere,
    );
    expect(wrongItem.status).toBe(422);
    expect(wrongItem.body.errors?.[0]?.field).toBe('parentId');

    const publicReplyToInternal = await post({ body: 'Oops', parentId: internalComment.id });
    expect(publicReplyToInternal.status).toBe(422);
    expect(publicReplyToInternal.body.errors?.[0]?.field).toBe('visibility');
  });

  it('never shows internal comments to customers, and shows teammates everything', async () => {
    const staffView = await list(app.tokens.teammate);
    expect(staffView.status).toBe(200);
    expect(staffView.body.comments.map((c) => c.id)).toEqual([
      publicComment.id,
      internalComment.id,
      customerComment.id,
    ]);
    expect(staffView.body.comments[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(staffView.body.comments[0]!.replies[0]!.author.name).toBe('Otto Customer');
    expect(staffView.body.comments[1]).toMatchObject({
      visibility: 'internal',
      mentions: [{ id: ids.teammate, name: 'Tom Teammate' }],
    });

    for (const token of [app.tokens.customer, app.tokens.otherCustomer]) {
      const customerView = await list(token);
      expect(customerView.status).toBe(200);
      expect(customerView.body.comments.map((c) => c.id)).toEqual([
        publicComment.id,
        customerComment.id,
      ]);
      expect(JSON.stringify(customerView.body)).not.toContain('Big account');
    }
  });

  it('refuses internal comments from customers, and replies to internal ones', async () => {
    const internal = await post({ body: 'Psst', visibility: 'internal' }, app.tokens.customer);
    expect(internal.status).toBe(403);
    const sneakyReply = await post(
      { body: 'I found it', parentId: internalComment.id, visibility: 'public' },
      app.tokens.customer,
    );
    expect(sneakyReply.status).toBe(422);
    expect(sneakyReply.body.errors?.[0]?.field).toBe('parentId');
    const customerView = await list(app.tokens.customer);
    expect(JSON.stringify(customerView.body)).not.toContain('I found it');
  });

  it('lets only teammates be mentioned', async () => {
    const customerMentioned = await post({ body: 'Hey @Cleo', mentions: [ids.customer] });
    expect(customerMentioned.status).toBe(422);
    expect(customerMentioned.body.errors?.[0]?.field).toBe('mentions');
    const stranger = await post({ body: 'Hey you', mentions: [randomUUID()] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors?.[0]?.field).toBe('mentions');
    const notAnId = await post({ body: 'Hey you', mentions: ['not-a-uuid'] });
    expect(notAnId.status).toBe(422);
    expect(notAnId.body.errors?.[0]?.field).toBe('mentions');
  });

  it('validates the body', async () => {
    const empty = await post({ body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.field).toBe('body');
    const unknownVisibility = await post({ body: 'Hi', visibility: 'secret' });
    expect(unknownVisibility.status).toBe(400);
    expect(unknownVisibility.body.errors?.[0]?.field).toBe('visibility');
  });

  it('lets only the author edit or delete a comment', async () => {
    const byOther = await app.request<ProblemDetails>(
      'PATCH',
      `/api/v1/comments/${customerComment.id}`,
      {
        token: app.tokens.otherCustomer,
        body: { body: 'Hijacked' },
      },
    );
    expect(byOther.status).toBe(403);
    const byAdmin = await app.request<ProblemDetails>(
      'DELETE',
      `/api/v1/comments/${customerComment.id}`,
    );
    expect(byAdmin.status).toBe(403);

    const edited = await app.request<Comment>('PATCH', `/api/v1/comments/${customerComment.id}`, {
      token: app.tokens.customer,
      body: { body: 'Pro plan, we need it this quarter', mentions: [ids.admin] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: customerComment.id,
      body: 'Pro plan, we need it this quarter',
      mentions: [{ id: ids.admin, name: 'Ada Admin' }],
      createdAt: customerComment.createdAt,
    });
    expect(edited.body.editedAt).not.toBeNull();

    const read = await list(app.tokens.customer);
    expect(read.body.comments.find((c) => c.id === customerComment.id)).toMatchObject({
      body: 'Pro plan, we need it this quarter',
      editedAt: edited.body.editedAt,
    });
  });

  it('keeps a deleted comment with replies as a tombstone and drops one without', async () => {
    expect((await app.request('DELETE', `/api/v1/comments/${publicComment.id}`)).status).toBe(204);
    expect(
      (
        await app.request('DELETE', `/api/v1/comments/${customerComment.id}`, {
          token: app.tokens.customer,
        })
      ).status,
    ).toBe(204);
    const again = await app.request('DELETE', `/api/v1/comments/${customerComment.id}`, {
      token: app.tokens.customer,
    });
    expect(again.status).toBe(404);
    const editDeleted = await app.request('PATCH', `/api/v1/comments/${customerComment.id}`, {
      token: app.tokens.customer,
      body: { body: 'Back from the dead' },
    });
    expect(editDeleted.status).toBe(404);

    const read = await list(app.tokens.customer);
    expect(read.body.comments).toHaveLength(1);
    expect(read.body.comments[0]).toMatchObject({
      id: publicComment.id,
      body: '(deleted)',
      replies: [expect.objectContaining({ id: reply.id, body: 'Enterprise for us' })],
    });
    const replyToDeleted = await post({ body: 'Late', parentId: publicComment.id });
    expect(replyToDeleted.status).toBe(422);
  });

  it('shows the comments of duplicates merged into the item', async () => {
    const duplicate = await submit('Slack notifications');
    const onDuplicate = await post(
      { body: 'Same as the Slack one?' },
      app.tokens.otherCustomer,
      duplicate,
    );
    expect(onDuplicate.status).toBe(201);
    const internalOnDuplicate = await post(
      { body: 'Merging this', visibility: 'internal' },
      undefined,
      duplicate,
    );
    await app.settle();
    const merged = await app.request('POST', `/api/v1/feedback/${duplicate}/merge`, {
      body: { intoId: feedbackId },
    });
    expect(merged.status).toBe(200);
    const staffView = await list(app.tokens.admin);
    expect(staffView.body.comments.map((c) => c.id)).toEqual(
      expect.arrayContaining([onDuplicate.body.id, internalOnDuplicate.body.id]),
    );
    const customerView = await list(app.tokens.customer);
    const fromDuplicate = customerView.body.comments.filter((c) => c.feedbackId === duplicate);
    expect(fromDuplicate.map((c) => c.id)).toEqual([onDuplicate.body.id]);
  });

  it('keeps comments inside the workspace: an outsider gets 404', async () => {
    const read = await app.request('GET', `/api/v1/feedback/${feedbackId}/comments`, {
      token: app.tokens.outsider,
    });
    expect(read.status).toBe(404);
    const write = await post({ body: 'Hello from Globex' }, app.tokens.outsider);
    expect(write.status).toBe(404);
    const edit = await app.request('PATCH', `/api/v1/comments/${reply.id}`, {
      token: app.tokens.outsider,
      body: { body: 'Mine' },
    });
    expect(edit.status).toBe(404);
    const remove = await app.request('DELETE', `/api/v1/comments/${reply.id}`, {
      token: app.tokens.outsider,
    });
    expect(remove.status).toBe(404);
    const missing = await app.request('GET', `/api/v1/feedback/${randomUUID()}/comments`);
    expect(missing.status).toBe(404);
  });

  it('lists teammates for mention pickers, to teammates only', async () => {
    const teammates = await app.request<{ teammates: { id: string; role: string }[] }>(
      'GET',
      '/api/v1/teammates',
      { token: app.tokens.teammate },
    );
    expect(teammates.status).toBe(200);
    // Everyone of the organisation, by name; customers are not teammates.
    expect(teammates.body.teammates.map((t) => [t.id, t.role])).toEqual([
      [ids.admin, 'admin'],
      [expect.any(String), 'product_manager'],
      [expect.any(String), 'product_owner'],
      [ids.teammate, 'teammate'],
      [expect.any(String), 'viewer'],
    ]);
    const byCustomer = await app.request('GET', '/api/v1/teammates', {
      token: app.tokens.customer,
    });
    expect(byCustomer.status).toBe(403);
  });
});
