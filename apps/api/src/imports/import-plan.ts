import type {
  CompanyInput,
  CustomerInput,
  ImportItemKind,
  ImportJobError,
  StatusKind,
} from '@chorus/domain';
import type { SourceFamily } from './import-ids';

// Every source is read into one plan: what to map or create, each thing named by its id in the
// source. Applying a plan (apply/apply-plan.ts) derives the Chorus ids and decides each thing
// through the domain's deciders, so the rules are the same as for a person clicking.

/**
 * Where a planned thing is in the file, to name it in an error. `fields` maps the names the
 * domain's rules use (`description`) to the file's own (`details`).
 */
export type SourceAt = { part: string | null; row: number; fields?: Record<string, string> };

/** A board of the source: mapped to the workspace's board of the same name, or created. */
export type PlannedBoard = { key: string; name: string; isPrivate: boolean; at: SourceAt };

/** A tag of the source: mapped to the workspace's tag of the same name, or created. */
export type PlannedTag = { key: string; name: string; colour: string | null; at: SourceAt };

/**
 * A status of the source: mapped to the workspace's status `preferredId` (Canny's "complete" is
 * Chorus's "done"), else to one of the same name, else created with `kind` and made reachable
 * from the status new feedback starts in.
 */
export type PlannedStatus = {
  key: string;
  name: string;
  preferredId: string | null;
  kind: StatusKind;
  at: SourceAt;
};

export type PlannedCompany = CompanyInput & { at: SourceAt };

export type PlannedCustomer = CustomerInput & { at: SourceAt };

/**
 * `board`, `tags` and `status` are keys of the plan's boards, tags and statuses, or ids of the
 * workspace's own (a CSV names existing ones). Without an author the importer is the author.
 */
export type PlannedFeedback = {
  key: string;
  title: string;
  body: string;
  board: string;
  tags: string[];
  status: string | null;
  authorExternalId: string | null;
  createdAt: string | null;
  /** When it moved to its status, if the source knows. */
  statusChangedAt: string | null;
  at: SourceAt;
};

/** The feedback voted on: imported in this plan's family (`key`), or already in Chorus (`id`). */
export type FeedbackRef = { key: string } | { id: string };

export type PlannedVote = {
  feedback: FeedbackRef;
  voterExternalId: string;
  createdAt: string | null;
  at: SourceAt;
};

/** Replies go one level deep in Chorus: `parentKey` is the top of the thread. */
export type PlannedComment = {
  key: string;
  feedbackKey: string;
  parentKey: string | null;
  authorExternalId: string | null;
  byStaff: boolean;
  internal: boolean;
  body: string;
  createdAt: string | null;
  at: SourceAt;
};

/** `intoKey` is never itself merged: chains are resolved to their end while planning. */
export type PlannedMerge = {
  duplicateKey: string;
  intoKey: string;
  createdAt: string | null;
  at: SourceAt;
};

/** A changelog entry becomes a release with that entry written, as a draft (docs/imports.md). */
export type PlannedChangelogEntry = {
  key: string;
  title: string;
  body: string;
  /** The release's date, YYYY-MM-DD. */
  date: string;
  createdAt: string | null;
  at: SourceAt;
};

export type ImportPlan = {
  family: SourceFamily;
  boards: PlannedBoard[];
  tags: PlannedTag[];
  statuses: PlannedStatus[];
  companies: PlannedCompany[];
  customers: PlannedCustomer[];
  feedback: PlannedFeedback[];
  votes: PlannedVote[];
  comments: PlannedComment[];
  merges: PlannedMerge[];
  changelog: PlannedChangelogEntry[];
  /** Records of the file left out while reading it. */
  errors: ImportJobError[];
};

export const emptyPlan = (family: SourceFamily): ImportPlan => ({
  family,
  boards: [],
  tags: [],
  statuses: [],
  companies: [],
  customers: [],
  feedback: [],
  votes: [],
  comments: [],
  merges: [],
  changelog: [],
  errors: [],
});

/** How many records a plan applies, each counted in its kind's progress. */
export const plannedRecords = (plan: ImportPlan): Record<ImportItemKind, number> => ({
  boards: plan.boards.length,
  tags: plan.tags.length,
  statuses: plan.statuses.length,
  companies: plan.companies.length,
  customers: plan.customers.length,
  feedback: plan.feedback.length,
  votes: plan.votes.length,
  comments: plan.comments.length,
  merges: plan.merges.length,
  changelog: plan.changelog.length,
});

/** The whole file cannot be read: the job fails with this sentence, nothing is applied. */
export class UnreadableImport extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableImport';
  }
}

/** An ISO timestamp of a source's date, or null when it has none or it is not a date. */
export const isoDateTime = (value: string | number | null | undefined): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const time = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
};

/** Markdown images after a text, for the pictures a source keeps beside it. */
export const withImages = (text: string, imageUrls: readonly string[]): string =>
  imageUrls.length === 0
    ? text
    : [text.trimEnd(), ...imageUrls.map((url) => `![](${url})`)].filter(Boolean).join('\n\n');

/**
 * Merges pointing at a duplicate go to where that one went (A into B, B into C: A and B into C),
 * because Chorus merges into items that are not merged themselves. A cycle is left out.
 */
export const resolveMergeChains = (merges: readonly PlannedMerge[]): PlannedMerge[] => {
  const into = new Map(merges.map((m) => [m.duplicateKey, m.intoKey]));
  const end = (key: string): string | null => {
    const seen = new Set<string>();
    let current = key;
    for (let next = into.get(current); next !== undefined; next = into.get(current)) {
      if (seen.has(next)) return null;
      seen.add(current);
      current = next;
    }
    return current;
  };
  return merges.flatMap((merge) => {
    const intoKey = end(merge.duplicateKey);
    return intoKey === null || intoKey === merge.duplicateKey ? [] : [{ ...merge, intoKey }];
  });
};

/** A catalog id made of a name: lowercase letters, digits and dashes, at most 64. */
export const slugOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '') || 'imported';
