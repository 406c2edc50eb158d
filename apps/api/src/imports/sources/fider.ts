import { z } from 'zod';
import { CustomerEmail } from '@chorus/domain';
import {
  emptyPlan,
  isoDateTime,
  resolveMergeChains,
  slugOf,
  UnreadableImport,
  type ImportPlan,
  type PlannedCustomer,
  type PlannedStatus,
  type SourceAt,
} from '../import-plan';

// A Fider backup is the zip of its admin page's "Download backup": one `<table>.json` per table
// of the site (app/pkg/backup in getfider/fider), each an array of its rows as `SELECT *` gives
// them: integer ids and enums, RFC 3339 times, and text that looks like a number as a number.

/** Text columns: Fider's backup writes "123" as 123. */
const Text = z
  .union([z.string(), z.number()], { error: 'Must be text.' })
  .transform((value) => String(value));
const Id = z.union(
  [
    z.number().int(),
    z
      .string()
      .regex(/^\d+$/)
      .transform((text) => Number(text)),
  ],
  { error: 'An id must be a whole number.' },
);
const Time = z.string().nullish();

const FiderTenant = z.object({ id: Id, name: Text.nullish() });
const FiderUser = z.object({
  id: Id,
  name: Text.nullish(),
  email: Text.nullish(),
  /** 1 visitor, 2 collaborator, 3 administrator, 4 moderator. */
  role: z.number().int(),
  created_at: Time,
});
const FiderPost = z.object({
  id: Id,
  title: Text,
  description: Text.nullish(),
  user_id: Id,
  created_at: Time,
  /** 0 open, 1 started, 2 completed, 3 declined, 4 planned, 5 duplicate, 6 deleted. */
  status: z.number().int().min(0).max(6, 'A post status is 0 to 6.'),
  response: Text.nullish(),
  response_date: Time,
  response_user_id: Id.nullish(),
  /** What a duplicate (status 5) duplicates. */
  original_id: Id.nullish(),
});
const FiderVote = z.object({ post_id: Id, user_id: Id, created_at: Time });
const FiderComment = z.object({
  id: Id,
  content: Text,
  post_id: Id,
  user_id: Id,
  created_at: Time,
  deleted_at: Time,
});
const FiderTag = z.object({ id: Id, name: Text, slug: Text.nullish(), color: Text.nullish() });
const FiderPostTag = z.object({ post_id: Id, tag_id: Id });

const ROLE_VISITOR = 1;
const STATUS_DUPLICATE = 5;
const STATUS_DELETED = 6;

/** Fider's statuses and the Chorus status each one is; duplicates are merges instead. */
const STATUSES = new Map<number, Omit<PlannedStatus, 'at'>>([
  [0, { key: 'open', name: 'Open', preferredId: 'open', kind: 'open' }],
  [1, { key: 'started', name: 'Started', preferredId: 'in_progress', kind: 'active' }],
  [2, { key: 'completed', name: 'Completed', preferredId: 'done', kind: 'done' }],
  [3, { key: 'declined', name: 'Declined', preferredId: 'declined', kind: 'closed' }],
  [4, { key: 'planned', name: 'Planned', preferredId: 'planned', kind: 'active' }],
]);

export const fiderExternalId = (userId: number): string => `fider:${userId}`;

/** The tables of a backup this import reads; `posts` must be there. */
export const FIDER_TABLES = [
  'tenants',
  'users',
  'posts',
  'post_votes',
  'comments',
  'tags',
  'post_tags',
] as const;

/**
 * Reads a Fider backup's tables (file name without `.json` → its parsed JSON) into a plan. A
 * site is one board; deleted posts and comments stay behind; a post's response becomes a public
 * comment of whoever responded. Rows not in Fider's shape, or naming a post or user the backup
 * does not have, are reported by table and position and left out.
 */
export const planFromFider = (tables: ReadonlyMap<string, unknown>): ImportPlan => {
  if (!tables.has('posts')) {
    throw new UnreadableImport(
      'This is not a Fider backup: it has no posts.json. Send the zip of “Download backup” on Fider’s admin Export page.',
    );
  }
  const plan = emptyPlan('fider');
  const fail = (at: SourceAt, field: string | null, message: string) =>
    plan.errors.push({ part: at.part, row: at.row, field, message });
  const read = <T>(table: string, schema: z.ZodType<T>): { value: T; at: SourceAt }[] => {
    const rows = tables.get(table);
    if (rows === undefined || rows === null) return [];
    if (!Array.isArray(rows)) {
      fail({ part: table, row: 0 }, null, `${table}.json must be an array of rows.`);
      return [];
    }
    return rows.flatMap((row, index) => {
      const at = { part: table, row: index + 1 };
      const parsed = schema.safeParse(row);
      if (parsed.success) return [{ value: parsed.data, at }];
      for (const issue of parsed.error.issues) {
        fail(at, issue.path.length > 0 ? issue.path.join('.') : null, issue.message);
      }
      return [];
    });
  };

  const tenant = read('tenants', FiderTenant)[0]?.value;
  const users = read('users', FiderUser);
  const posts = read('posts', FiderPost);
  const votes = read('post_votes', FiderVote);
  const comments = read('comments', FiderComment);
  const tags = read('tags', FiderTag);
  const postTags = read('post_tags', FiderPostTag);

  const boardKey = 'fider';
  plan.boards.push({
    key: boardKey,
    name: (tenant?.name?.trim() || 'Fider').slice(0, 60),
    isPrivate: false,
    at: { part: 'tenants', row: 1 },
  });

  const staff = new Set<number>();
  const customers = new Map<number, PlannedCustomer>();
  for (const { value: user, at } of users) {
    if (customers.has(user.id)) continue;
    if (user.role !== ROLE_VISITOR) staff.add(user.id);
    let email: string | null = user.email?.trim().toLowerCase() || null;
    if (email !== null && !CustomerEmail.safeParse(email).success) {
      fail(at, 'email', `"${email}" is not an email address; the user is imported without one.`);
      email = null;
    }
    customers.set(user.id, {
      externalId: fiderExternalId(user.id),
      name: user.name?.trim() ?? '',
      email,
      at,
    });
  }
  plan.customers = [...customers.values()];
  const knownUser = (userId: number, at: SourceAt, field: string): boolean => {
    if (customers.has(userId)) return true;
    fail(at, field, `There is no user ${userId} in users.json.`);
    return false;
  };

  const tagKeys = new Map<number, string>();
  for (const { value: tag, at } of tags) {
    const key = slugOf(tag.slug ?? tag.name);
    tagKeys.set(tag.id, key);
    if (plan.tags.some((t) => t.key === key)) continue;
    const colour = tag.color?.trim().toLowerCase() ?? '';
    plan.tags.push({
      key,
      name: tag.name,
      colour: /^[0-9a-f]{6}$/.test(colour) ? `#${colour}` : null,
      at,
    });
  }
  const tagsOfPost = new Map<number, string[]>();
  for (const { value: link, at } of postTags) {
    const key = tagKeys.get(link.tag_id);
    if (key === undefined) {
      fail(at, 'tag_id', `There is no tag ${link.tag_id} in tags.json.`);
      continue;
    }
    tagsOfPost.set(link.post_id, [...(tagsOfPost.get(link.post_id) ?? []), key]);
  }

  const inBackup = new Set(posts.map((p) => p.value.id));
  const kept = new Set<number>();
  for (const { value: post, at } of posts) {
    if (post.status === STATUS_DELETED || kept.has(post.id)) continue;
    if (!knownUser(post.user_id, at, 'user_id')) continue;
    kept.add(post.id);
    const status = STATUSES.get(post.status);
    if (status && !plan.statuses.some((s) => s.key === status.key)) {
      plan.statuses.push({ ...status, at });
    }
    plan.feedback.push({
      key: String(post.id),
      title: post.title,
      body: post.description ?? '',
      board: boardKey,
      tags: [...new Set(tagsOfPost.get(post.id) ?? [])],
      status: status?.key ?? null,
      authorExternalId: fiderExternalId(post.user_id),
      createdAt: isoDateTime(post.created_at),
      statusChangedAt: isoDateTime(post.response_date),
      at: { ...at, fields: { description: 'description' } },
    });
  }
  for (const { value: post, at } of posts) {
    if (!kept.has(post.id)) continue;
    if (
      post.status === STATUS_DUPLICATE &&
      post.original_id !== null &&
      post.original_id !== undefined
    ) {
      if (!kept.has(post.original_id)) {
        fail(
          at,
          'original_id',
          `Post ${post.id} duplicates post ${post.original_id}, which is not in posts.json.`,
        );
      } else {
        plan.merges.push({
          duplicateKey: String(post.id),
          intoKey: String(post.original_id),
          createdAt: isoDateTime(post.response_date),
          at,
        });
      }
    }
    const response = post.response?.trim() ?? '';
    const responder = post.response_user_id;
    if (response !== '' && responder !== null && responder !== undefined) {
      if (!knownUser(responder, at, 'response_user_id')) continue;
      plan.comments.push({
        key: `response-${post.id}`,
        feedbackKey: String(post.id),
        parentKey: null,
        authorExternalId: fiderExternalId(responder),
        byStaff: staff.has(responder),
        internal: false,
        body: response,
        createdAt: isoDateTime(post.response_date),
        at: { ...at, fields: { body: 'response' } },
      });
    }
  }
  plan.merges = resolveMergeChains(plan.merges);

  for (const { value: vote, at } of votes) {
    if (!kept.has(vote.post_id)) {
      if (!inBackup.has(vote.post_id)) {
        fail(at, 'post_id', `There is no post ${vote.post_id} in posts.json.`);
      }
      continue;
    }
    if (!knownUser(vote.user_id, at, 'user_id')) continue;
    plan.votes.push({
      feedback: { key: String(vote.post_id) },
      voterExternalId: fiderExternalId(vote.user_id),
      createdAt: isoDateTime(vote.created_at),
      at,
    });
  }

  for (const { value: comment, at } of comments) {
    if (comment.deleted_at) continue;
    if (!kept.has(comment.post_id)) {
      if (!inBackup.has(comment.post_id)) {
        fail(at, 'post_id', `There is no post ${comment.post_id} in posts.json.`);
      }
      continue;
    }
    if (!knownUser(comment.user_id, at, 'user_id')) continue;
    plan.comments.push({
      key: String(comment.id),
      feedbackKey: String(comment.post_id),
      parentKey: null,
      authorExternalId: fiderExternalId(comment.user_id),
      byStaff: staff.has(comment.user_id),
      internal: false,
      body: comment.content,
      createdAt: isoDateTime(comment.created_at),
      at: { ...at, fields: { body: 'content' } },
    });
  }
  return plan;
};
