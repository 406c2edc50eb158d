import type { ActorRoleName } from '../shared/roles';

// Shapes of the audit trail endpoints (admins only), shared by the API and the web app. The trail
// is the event log itself, read newest first: nothing is stored for it besides indexes.

/**
 * The query string of `GET /api/v1/audit` and `GET /api/v1/audit.csv`. `type` may repeat (or be
 * comma-separated); `resource` is a stream id (`feedback-<id>`) or a stream type (`feedback`,
 * all of that kind). `from` and `to` are ISO dates or timestamps of when things happened, both
 * included (a date `to` includes its whole UTC day).
 */
export type AuditQuery = {
  actorId?: string;
  type?: string[];
  resource?: string;
  from?: string;
  to?: string;
  /** Entries per page, 50 unless given, at most 200; the CSV has no limit. */
  limit?: number;
  cursor?: string;
};

/** Who did it: their name and role as they are today, when Chorus knows them. */
export type AuditActor = { id: string; name: string | null; role: ActorRoleName | null };

/** The pages of the admin app an entry can link to. */
export type AuditLinkKind =
  'feedback' | 'backlogItem' | 'sprint' | 'release' | 'initiative' | 'company';

/** What an event changed: the stream it was appended to. */
export type AuditResource = {
  /** The stream type: the stream id up to its first dash (`feedback`, `ballot`, `backlog`, …). */
  type: string;
  /** What a person calls that kind of resource (`Feedback`, `Vote`, `Backlog item`). */
  typeName: string;
  /** The id inside the stream id (a ballot's is `<feedbackId>-<voterId>`). */
  id: string;
  streamId: string;
  /** A title or name from the read models, today's: for votes, comments and follows, the feedback's. */
  label: string | null;
  /** The page showing it (for votes, comments and follows, their feedback's), if the app has one. */
  link: { kind: AuditLinkKind; id: string } | null;
};

export type AuditEntry = {
  /** The event's global position in the log: unique, and the tie-breaker of entries at one time. */
  position: string;
  occurredAt: string;
  actor: AuditActor;
  /** The event type, e.g. `FeedbackStatusChanged`. */
  type: string;
  /** What happened, in a few words built from the type: `changed status`. */
  summary: string;
  resource: AuditResource;
  /** Shared by every event of one request. */
  correlationId: string | null;
  data: Record<string, unknown>;
};

/** Newest first: by when it happened, then by position. */
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };

/** `GET /api/v1/audit/event-types`: every event type Chorus records, grouped by area. */
export type AuditEventTypeArea = { area: string; types: { type: string; label: string }[] };
export type AuditEventTypes = { areas: AuditEventTypeArea[] };

/** `GET /api/v1/audit/people?q=`: the workspace's people, accounts and customers, to filter by. */
export type AuditPerson = AuditActor & { email: string | null };
export type AuditPeople = { people: AuditPerson[] };
