import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../testing/test-app';

type FollowState = { feedbackId: string; following: boolean; followerCount: number };
type Follower = { id: string; name: string | null; reason: 'author' | 'voter' | 'explicit' };

describe('following feedback', () => {
  let app: TestApp;
  let feedbackId: string;
  const ids = { admin: '', teammate: '', customer: '', otherCustomer: '' };

  const followers = async (on = feedbackId) => {
    await app.settle();
    const response = await app.request<{ followers: Follower[] }>(
      'GET',
      `/api/v1/feedback/${on}/followers`,
    );
    expect(response.status).toBe(200);
    return response.body.followers;
  };
  const setFollowing = (method: 'PUT' | 'DELETE', token: string, on = feedbackId) =>
    app.request<FollowState>(method, `/api/v1/feedback/${on}/follow`, { token });
  const submit = async (title: string, token: string) =>
    (await app.request<{ id: string }>('POST', '/api/v1/feedback', { token, body: { title } })).body
      .id;

  beforeAll(async () => {
    app = await startTestApp();
    for (const who of ['admin', 'teammate', 'customer', 'otherCustomer'] as const) {
      ids[who] = (
        await app.request<{ id: string }>('GET', '/api/v1/me', { token: app.tokens[who] })
      ).body.id;
    }
    feedbackId = await submit('Two-factor authentication', app.tokens.customer);
  });
  afterAll(() => app.close());

  it('makes the author a follower', async () => {
    expect(await followers()).toEqual([
      { id: ids.customer, name: 'Cleo Customer', reason: 'author' },
    ]);
  });

  it('makes a voter a follower', async () => {
    await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, {
      token: app.tokens.otherCustomer,
    });
    // The author voting too stays a follower as the author.
    await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, {
      token: app.tokens.customer,
    });
    expect(await followers()).toEqual([
      { id: ids.customer, name: 'Cleo Customer', reason: 'author' },
      { id: ids.otherCustomer, name: 'Otto Customer', reason: 'voter' },
    ]);
  });

  it('lets anyone follow explicitly, and says how many follow', async () => {
    const followed = await setFollowing('PUT', app.tokens.teammate);
    expect(followed.status).toBe(200);
    expect(followed.body).toEqual({ feedbackId, following: true, followerCount: 3 });
    const again = await setFollowing('PUT', app.tokens.teammate);
    expect(again.body).toEqual({ feedbackId, following: true, followerCount: 3 });
    expect(await followers()).toContainEqual({
      id: ids.teammate,
      name: 'Tom Teammate',
      reason: 'explicit',
    });
  });

  it('lets an explicit unfollow win over voting, even voting again', async () => {
    const unfollowed = await setFollowing('DELETE', app.tokens.otherCustomer);
    expect(unfollowed.status).toBe(200);
    expect(unfollowed.body).toEqual({ feedbackId, following: false, followerCount: 2 });
    await app.request('DELETE', `/api/v1/feedback/${feedbackId}/votes`, {
      token: app.tokens.otherCustomer,
    });
    await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, {
      token: app.tokens.otherCustomer,
    });
    expect((await followers()).map((f) => f.id)).not.toContain(ids.otherCustomer);

    // The author can unfollow too, and follow again.
    await setFollowing('DELETE', app.tokens.customer);
    expect((await followers()).map((f) => f.id)).toEqual([ids.teammate]);
    const back = await setFollowing('PUT', app.tokens.customer);
    expect(back.body).toEqual({ feedbackId, following: true, followerCount: 2 });
    expect(await followers()).toContainEqual({
      id: ids.customer,
      name: 'Cleo Customer',
      reason: 'explicit',
    });
  });

  it('counts followers of duplicates merged into an item, each person once', async () => {
    const duplicate = await submit('2FA with an authenticator app', app.tokens.otherCustomer);
    await app.request('POST', `/api/v1/feedback/${duplicate}/votes`, {
      token: app.tokens.customer,
    });
    await app.settle();
    const merged = await app.request('POST', `/api/v1/feedback/${duplicate}/merge`, {
      body: { intoId: feedbackId },
    });
    expect(merged.status).toBe(200);
    // Otto unfollowed the survivor: authoring a duplicate of it does not bring him back.
    const list = await followers();
    expect(list.map((f) => f.id).sort()).toEqual([ids.customer, ids.teammate].sort());
    expect(list.find((f) => f.id === ids.customer)?.reason).toBe('explicit');

    const adminFollows = await setFollowing('PUT', app.tokens.admin, duplicate);
    expect(adminFollows.status).toBe(200);
    expect((await followers()).map((f) => f.id)).toContain(ids.admin);
  });

  it('tells each reader whether they follow an item, on the item and in the list', async () => {
    const item = await submit('Audit log export', app.tokens.admin);
    const following = async (token: string | null) => {
      await app.settle();
      const read = await app.request<{ following: boolean }>('GET', `/api/v1/feedback/${item}`, {
        token,
      });
      return read.status === 200 ? read.body.following : read.status;
    };
    const followingInList = async (token: string) => {
      await app.settle();
      const list = await app.request<{ items: { id: string; following: boolean }[] }>(
        'GET',
        '/api/v1/feedback?sort=newest&limit=100',
        { token },
      );
      return list.body.items.find((i) => i.id === item)?.following;
    };
    expect(await following(app.tokens.customer)).toBe(false);
    expect(await following(app.tokens.admin)).toBe(true);

    await setFollowing('PUT', app.tokens.customer, item);
    expect(await following(app.tokens.customer)).toBe(true);
    expect(await followingInList(app.tokens.customer)).toBe(true);
    expect(await following(app.tokens.otherCustomer)).toBe(false);
    expect(await followingInList(app.tokens.otherCustomer)).toBe(false);

    await setFollowing('DELETE', app.tokens.customer, item);
    expect(await following(app.tokens.customer)).toBe(false);
    expect(await followingInList(app.tokens.customer)).toBe(false);

    // Voting makes a follower, but not of an item one unfollowed by hand.
    await app.request('POST', `/api/v1/feedback/${item}/votes`, {
      token: app.tokens.otherCustomer,
    });
    expect(await following(app.tokens.otherCustomer)).toBe(true);
    await app.request('POST', `/api/v1/feedback/${item}/votes`, { token: app.tokens.customer });
    expect(await following(app.tokens.customer)).toBe(false);

    // Following a duplicate is following the item it was merged into.
    expect(
      await app.request<{ following: boolean }>('GET', `/api/v1/feedback/${feedbackId}`),
    ).toMatchObject({ status: 200, body: { following: true } });

    // Nobody signed in learns anything about the item.
    expect(await following(null)).toBe(401);
  });

  it('shows the follower list to teammates only', async () => {
    const response = await app.request('GET', `/api/v1/feedback/${feedbackId}/followers`, {
      token: app.tokens.customer,
    });
    expect(response.status).toBe(403);
  });

  it('answers 404 outside the workspace and for unknown feedback', async () => {
    expect((await setFollowing('PUT', app.tokens.outsider)).status).toBe(404);
    expect((await setFollowing('DELETE', app.tokens.outsider)).status).toBe(404);
    const list = await app.request('GET', `/api/v1/feedback/${feedbackId}/followers`, {
      token: app.tokens.outsider,
    });
    expect(list.status).toBe(404);
    expect((await setFollowing('PUT', app.tokens.admin, randomUUID())).status).toBe(404);
    const badId = await app.request('PUT', '/api/v1/feedback/nope/follow');
    expect(badId.status).toBe(400);
  });
});
