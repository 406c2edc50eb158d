// Shapes of the releases and changelog endpoints, shared by the API and the web app.

export const releaseStates = ['draft', 'scheduled', 'published'] as const;
/** Draft until its changelog entry is scheduled or published; published is final. */
export type ReleaseState = (typeof releaseStates)[number];

export type ReleaseItemView = {
  id: string;
  title: string;
  kind: 'epic' | 'story' | 'task';
  /** The backlog item's status: `accepted` until the release is published, then `released`. */
  status: string;
  estimate: number | null;
};

export type ChangelogEntryContent = { title: string; body: string };

export type ReleaseView = {
  id: string;
  name: string;
  /** The planned release date, `YYYY-MM-DD`. */
  date: string;
  state: ReleaseState;
  publishAt: string | null;
  publishedAt: string | null;
  items: ReleaseItemView[];
  /** The markdown changelog entry written for it, if any. */
  changelog: ChangelogEntryContent | null;
  /** Feedback linked to its items: what publishing marks done and whose people it notifies. */
  linkedFeedbackCount: number;
  /** Send it back as If-Match to edit. */
  version: number;
};

export type ReleasePage = { items: ReleaseView[]; nextCursor: string | null };

/** `POST /api/v1/releases`; `PATCH` takes any of the fields. */
export type ReleaseInput = { name: string; date: string };
export type EditReleaseInput = Partial<ReleaseInput>;
/** `PUT /api/v1/releases/:id/changelog`: the body is markdown. */
export type ChangelogEntryInput = ChangelogEntryContent;
export type ScheduleChangelogInput = { publishAt: string };

/** A published changelog entry, as customers read it. */
export type ChangelogEntryView = {
  releaseId: string;
  name: string;
  date: string;
  title: string;
  /** Markdown. */
  body: string;
  publishedAt: string;
  items: Pick<ReleaseItemView, 'id' | 'title' | 'kind'>[];
};

export type ChangelogPage = { items: ChangelogEntryView[]; nextCursor: string | null };

/** A published release answering a feedback item, as `GET /api/v1/feedback/:id/releases` lists it. */
export type FeedbackReleaseView = {
  releaseId: string;
  name: string;
  date: string;
  publishedAt: string;
  changelogTitle: string;
};

export type FeedbackReleases = { items: FeedbackReleaseView[] };
