import { z } from 'zod';
import { CustomerEmail, type ImportJobError } from '@chorus/domain';
import {
  emptyPlan,
  isoDateTime,
  resolveMergeChains,
  slugOf,
  UnreadableImport,
  withImages,
  type ImportPlan,
  type PlannedCompany,
  type PlannedCustomer,
  type PlannedStatus,
  type SourceAt,
} from '../import-plan';

// A Canny export is one JSON document whose arrays are what Canny's API lists (boards, posts,
// votes, comments, users, companies, tags and changelog entries), in the API's shapes:
// https://developers.canny.io/api-reference. Only the fields Chorus keeps are read.

const Id = z.string().trim().min(1, 'An id must not be empty.');
const Ref = z.object({ id: Id });
const Timestamp = z.string().nullish();

const CannyCompany = z.object({
  id: Id,
  name: z.string().nullish(),
  domain: z.string().nullish(),
  /** In the account's currency units, per month. */
  monthlySpend: z.number().nonnegative('monthlySpend cannot be negative.').nullish(),
  customFields: z.record(z.string(), z.unknown()).nullish(),
  created: Timestamp,
});
const CannyUser = z.object({
  id: Id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  isAdmin: z.boolean().nullish(),
  /** The user's id in the host application, when Canny knows it. */
  userID: z.string().nullish(),
  created: Timestamp,
  companies: z.array(CannyCompany).nullish(),
});
const CannyBoard = z.object({
  id: Id,
  name: z.string().trim().min(1, 'A board needs a name.'),
  isPrivate: z.boolean().nullish(),
  created: Timestamp,
});
const CannyTag = z.object({
  id: Id,
  name: z.string().trim().min(1, 'A tag needs a name.'),
  board: Ref.nullish(),
  created: Timestamp,
});
const CannyMergedPost = z.object({
  id: Id,
  title: z.string(),
  details: z.string().nullish(),
  created: Timestamp,
  imageURLs: z.array(z.string()).nullish(),
});
const CannyPost = z.object({
  id: Id,
  title: z.string(),
  details: z.string().nullish(),
  board: Ref,
  author: CannyUser.nullish(),
  created: Timestamp,
  status: z.string().trim().min(1, 'A post needs a status.'),
  statusChangedAt: Timestamp,
  tags: z.array(z.object({ id: Id, name: z.string().trim().min(1) })).nullish(),
  imageURLs: z.array(z.string()).nullish(),
  /** The posts merged into this one. */
  mergeHistory: z.array(z.object({ created: Timestamp, post: CannyMergedPost })).nullish(),
});
const CannyVote = z.object({
  id: Id,
  post: Ref,
  voter: CannyUser,
  created: Timestamp,
});
const CannyComment = z.object({
  id: Id,
  post: Ref,
  author: CannyUser.nullish(),
  value: z.string(),
  internal: z.boolean().nullish(),
  parentID: z.string().nullish(),
  imageURLs: z.array(z.string()).nullish(),
  created: Timestamp,
});
const CannyEntry = z.object({
  id: Id,
  title: z.string(),
  markdownDetails: z.string().nullish(),
  plaintextDetails: z.string().nullish(),
  created: Timestamp,
  publishedAt: Timestamp,
});

type CannyUser = z.infer<typeof CannyUser>;
type CannyCompany = z.infer<typeof CannyCompany>;

const PARTS = [
  'boards',
  'posts',
  'votes',
  'comments',
  'users',
  'companies',
  'tags',
  'entries',
] as const;
type Part = (typeof PARTS)[number];

/** Canny's default statuses and the Chorus status each one is. */
const STATUS_IDS: Record<string, { id: string; kind: PlannedStatus['kind'] }> = {
  open: { id: 'open', kind: 'open' },
  'under review': { id: 'under_review', kind: 'open' },
  planned: { id: 'planned', kind: 'active' },
  'in progress': { id: 'in_progress', kind: 'active' },
  complete: { id: 'done', kind: 'done' },
  closed: { id: 'declined', kind: 'closed' },
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A customer's external id: the host application's own id when Canny has it. */
export const cannyExternalId = (user: CannyUser): string =>
  user.userID?.trim() ? user.userID.trim() : `canny:${user.id}`;

/** Custom field values Chorus can keep as a company's attributes. */
const attributesOf = (fields: CannyCompany['customFields']) => {
  const attributes: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name)) continue;
    if (typeof value === 'number' || typeof value === 'boolean') attributes[name] = value;
    else if (typeof value === 'string') attributes[name] = value.slice(0, 500);
  }
  return attributes;
};

/**
 * Reads a Canny export into a plan. A record that is not in Canny's shape, or names a board or
 * post the export does not have, is reported by its array and position and left out.
 */
export const planFromCanny = (document: unknown): ImportPlan => {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new UnreadableImport(
      `A Canny export is one JSON object with the arrays ${PARTS.join(', ')}.`,
    );
  }
  const record = document as Record<string, unknown>;
  if (!PARTS.some((part) => Array.isArray(record[part]))) {
    throw new UnreadableImport(
      `This JSON has none of the arrays of a Canny export (${PARTS.join(', ')}).`,
    );
  }
  const plan = emptyPlan('canny');
  const errors = plan.errors;
  const fail = (at: SourceAt, field: string | null, message: string) =>
    errors.push({ part: at.part, row: at.row, field, message } satisfies ImportJobError);

  /** Each record of a part in its shape, with where it is; misshapen ones are reported. */
  const read = <T>(part: Part, schema: z.ZodType<T>): { value: T; at: SourceAt }[] => {
    const items = record[part];
    if (items === undefined || items === null) return [];
    if (!Array.isArray(items)) {
      fail({ part, row: 0 }, null, `"${part}" must be an array.`);
      return [];
    }
    return items.flatMap((item, index) => {
      const at = { part, row: index + 1 };
      const parsed = schema.safeParse(item);
      if (parsed.success) return [{ value: parsed.data, at }];
      for (const issue of parsed.error.issues) {
        fail(at, issue.path.length > 0 ? issue.path.join('.') : null, issue.message);
      }
      return [];
    });
  };

  const boards = read('boards', CannyBoard);
  const tags = read('tags', CannyTag);
  const users = read('users', CannyUser);
  const companies = read('companies', CannyCompany);
  const posts = read('posts', CannyPost);
  const votes = read('votes', CannyVote);
  const comments = read('comments', CannyComment);
  const entries = read('entries', CannyEntry);

  // Companies: the list first, then those only named on a user.
  const companyByExternalId = new Map<string, PlannedCompany>();
  const addCompany = (company: CannyCompany, at: SourceAt) => {
    if (companyByExternalId.has(company.id)) return;
    companyByExternalId.set(company.id, {
      externalId: company.id,
      name: company.name?.trim() || company.id,
      domain: company.domain?.trim().toLowerCase() || null,
      mrrCents:
        company.monthlySpend === null || company.monthlySpend === undefined
          ? undefined
          : Math.round(company.monthlySpend * 100),
      attributes: attributesOf(company.customFields),
      at: { ...at, fields: { mrrCents: 'monthlySpend', attributes: 'customFields' } },
    });
  };
  for (const { value, at } of companies) addCompany(value, at);

  // Customers: the user list first, then users only seen as authors, voters or commenters.
  const customerById = new Map<string, PlannedCustomer>();
  const addUser = (user: CannyUser, at: SourceAt) => {
    if (customerById.has(user.id)) return;
    for (const company of user.companies ?? []) addCompany(company, at);
    let email: string | null = user.email?.trim().toLowerCase() || null;
    if (email !== null && !CustomerEmail.safeParse(email).success) {
      fail(at, 'email', `"${email}" is not an email address; the user is imported without one.`);
      email = null;
    }
    customerById.set(user.id, {
      externalId: cannyExternalId(user),
      name: user.name?.trim() ?? '',
      email,
      companyExternalId: user.companies?.[0]?.id ?? null,
      at: { ...at, fields: { externalId: 'userID', companyId: 'companies' } },
    });
  };
  for (const { value, at } of users) addUser(value, at);
  const staff = new Set(users.filter((u) => u.value.isAdmin).map((u) => u.value.id));
  const authorOf = (user: CannyUser | null | undefined, at: SourceAt): string | null => {
    if (!user) return null;
    addUser(user, at);
    if (user.isAdmin) staff.add(user.id);
    return customerById.get(user.id)?.externalId ?? null;
  };

  const boardIds = new Set<string>();
  for (const { value, at } of boards) {
    if (boardIds.has(value.id)) continue;
    boardIds.add(value.id);
    plan.boards.push({ key: value.id, name: value.name, isPrivate: value.isPrivate ?? false, at });
  }

  const tagKeys = new Map<string, string>();
  const addTag = (name: string, at: SourceAt) => {
    // Canny's tags belong to a board; Chorus's are the workspace's, so one name is one tag.
    const key = slugOf(name);
    if (!tagKeys.has(name.toLowerCase())) {
      tagKeys.set(name.toLowerCase(), key);
      if (!plan.tags.some((t) => t.key === key)) {
        plan.tags.push({ key, name, colour: null, at });
      }
    }
    return tagKeys.get(name.toLowerCase())!;
  };
  for (const { value, at } of tags) addTag(value.name, at);

  const statusKey = (name: string, at: SourceAt): string => {
    const key = name.trim().toLowerCase();
    if (!plan.statuses.some((s) => s.key === key)) {
      const known = STATUS_IDS[key];
      plan.statuses.push({
        key,
        name: capitalised(name.trim()),
        preferredId: known?.id ?? null,
        kind: known?.kind ?? 'open',
        at,
      });
    }
    return key;
  };

  const postIds = new Set<string>();
  for (const { value: post, at } of posts) {
    if (!boardIds.has(post.board.id)) {
      fail(at, 'board', `There is no board "${post.board.id}" in this export.`);
      continue;
    }
    if (postIds.has(post.id)) continue;
    postIds.add(post.id);
    plan.feedback.push({
      key: post.id,
      title: post.title,
      body: withImages(post.details ?? '', post.imageURLs ?? []),
      board: post.board.id,
      tags: [...new Set((post.tags ?? []).map((tag) => addTag(tag.name, at)))],
      status: statusKey(post.status, at),
      authorExternalId: authorOf(post.author, at),
      createdAt: isoDateTime(post.created),
      statusChangedAt: isoDateTime(post.statusChangedAt),
      at: { ...at, fields: { description: 'details', boardId: 'board' } },
    });
  }
  // A merged post may be gone from the list: its snapshot in the survivor's history stands in.
  for (const { value: post, at } of posts) {
    if (!postIds.has(post.id)) continue;
    for (const merged of post.mergeHistory ?? []) {
      if (!postIds.has(merged.post.id)) {
        postIds.add(merged.post.id);
        plan.feedback.push({
          key: merged.post.id,
          title: merged.post.title,
          body: withImages(merged.post.details ?? '', merged.post.imageURLs ?? []),
          board: post.board.id,
          tags: [],
          status: null,
          authorExternalId: null,
          createdAt: isoDateTime(merged.post.created),
          statusChangedAt: null,
          at: { ...at, fields: { description: 'mergeHistory.post.details' } },
        });
      }
      plan.merges.push({
        duplicateKey: merged.post.id,
        intoKey: post.id,
        createdAt: isoDateTime(merged.created),
        at,
      });
    }
  }
  plan.merges = resolveMergeChains(plan.merges);

  const seenBallots = new Set<string>();
  for (const { value: vote, at } of votes) {
    if (!postIds.has(vote.post.id)) {
      fail(at, 'post', `There is no post "${vote.post.id}" in this export.`);
      continue;
    }
    const voterExternalId = authorOf(vote.voter, at)!;
    const ballot = `${vote.post.id}\u0000${voterExternalId}`;
    if (seenBallots.has(ballot)) continue;
    seenBallots.add(ballot);
    plan.votes.push({
      feedback: { key: vote.post.id },
      voterExternalId,
      createdAt: isoDateTime(vote.created),
      at: { ...at, fields: { voterId: 'voter' } },
    });
  }

  const commentPost = new Map(comments.map(({ value }) => [value.id, value]));
  /** Chorus threads go one level deep: a reply to a reply joins the thread's top comment. */
  const threadTop = (parentId: string | null | undefined): string | null => {
    const seen = new Set<string>();
    let current = parentId ? commentPost.get(parentId) : undefined;
    while (current?.parentID && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = commentPost.get(current.parentID);
      if (!parent) break;
      current = parent;
    }
    return current?.id ?? null;
  };
  const planned = comments.filter(({ value: comment, at }) => {
    if (postIds.has(comment.post.id)) return true;
    fail(at, 'post', `There is no post "${comment.post.id}" in this export.`);
    return false;
  });
  // Tops of threads before their replies: a reply needs its thread to be there.
  const ordered = planned
    .map((c) => ({ ...c, top: threadTop(c.value.parentID) }))
    .sort((a, b) => Number(a.top !== null) - Number(b.top !== null));
  for (const { value: comment, at, top } of ordered) {
    const authorExternalId = authorOf(comment.author, at);
    const internal = comment.internal ?? false;
    plan.comments.push({
      key: comment.id,
      feedbackKey: comment.post.id,
      parentKey: top,
      authorExternalId,
      // Only Canny's admins write internal comments.
      byStaff: internal || (comment.author ? staff.has(comment.author.id) : false),
      internal,
      body: withImages(comment.value, comment.imageURLs ?? []),
      createdAt: isoDateTime(comment.created),
      at: { ...at, fields: { body: 'value', parentId: 'parentID' } },
    });
  }

  for (const { value: entry, at } of entries) {
    const createdAt = isoDateTime(entry.created);
    const publishedAt = isoDateTime(entry.publishedAt);
    plan.changelog.push({
      key: entry.id,
      title: entry.title,
      body: entry.markdownDetails ?? entry.plaintextDetails ?? '',
      date: (publishedAt ?? createdAt ?? new Date().toISOString()).slice(0, 10),
      createdAt: publishedAt ?? createdAt,
      at: { ...at, fields: { body: 'markdownDetails', name: 'title' } },
    });
  }

  plan.companies = [...companyByExternalId.values()];
  plan.customers = [...customerById.values()];
  return plan;
};
