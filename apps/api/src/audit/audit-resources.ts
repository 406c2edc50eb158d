import type { AuditLinkKind } from '@chorus/domain';

/** A thing a stream is or belongs to, whose name a read model holds. */
export type ResourceRef = { kind: AuditLinkKind | 'workspace' | 'person'; id: string };

type StreamKind = {
  /** What a person calls it. */
  name: string;
  /** The stream id before the resource's own id, when more than `<type>-`. */
  prefix?: string;
  /** What to name and link the entry by, given the resource's id and the event's data. */
  about: (id: string, data: Record<string, unknown>) => ResourceRef | null;
};

const itself =
  (kind: ResourceRef['kind']) =>
  (id: string): ResourceRef => ({ kind, id });

/** Votes, comments and follows are shown as what they are about: their feedback. */
const theirFeedback = (_: string, data: Record<string, unknown>): ResourceRef | null =>
  typeof data.feedbackId === 'string' ? { kind: 'feedback', id: data.feedbackId } : null;

const nothing = (): null => null;

/** Every stream type Chorus writes (see the streams of ARCHITECTURE.md), by its type. */
const streamKinds: Readonly<Record<string, StreamKind>> = {
  workspace: { name: 'Workspace', about: itself('workspace') },
  api: { name: 'API keys', prefix: 'api-keys-', about: nothing },
  person: { name: 'Person', about: itself('person') },
  catalog: { name: 'Catalog', about: nothing },
  feedback: { name: 'Feedback', about: itself('feedback') },
  ballot: { name: 'Vote', about: theirFeedback },
  comment: { name: 'Comment', about: theirFeedback },
  follow: { name: 'Follow', about: theirFeedback },
  customer: { name: 'Customer', about: itself('person') },
  company: { name: 'Company', about: itself('company') },
  backlog: { name: 'Backlog item', prefix: 'backlog-item-', about: itself('backlogItem') },
  sprint: { name: 'Sprint', about: itself('sprint') },
  scoring: { name: 'Scoring models', about: nothing },
  initiative: { name: 'Initiative', about: itself('initiative') },
  release: { name: 'Release', about: itself('release') },
  notifications: {
    name: 'Release notifications',
    prefix: 'notifications-release-',
    about: itself('release'),
  },
  notification: {
    name: 'Notifications read',
    prefix: 'notification-reads-',
    about: itself('person'),
  },
};

export type DescribedStream = { typeName: string; id: string; about: ResourceRef | null };

/** A stream of a type added later still reads: by its type and the rest of its id. */
export const describeStream = (
  streamId: string,
  streamType: string,
  data: Record<string, unknown>,
): DescribedStream => {
  const kind = streamKinds[streamType];
  const prefix = kind?.prefix && streamId.startsWith(kind.prefix) ? kind.prefix : `${streamType}-`;
  const id = streamId.slice(prefix.length);
  if (!kind) {
    return { typeName: streamType.charAt(0).toUpperCase() + streamType.slice(1), id, about: null };
  }
  return { typeName: kind.name, id, about: kind.about(id, data) };
};

const linkKinds: ReadonlySet<string> = new Set<AuditLinkKind>([
  'feedback',
  'backlogItem',
  'sprint',
  'release',
  'initiative',
  'company',
]);

export const isLinkKind = (kind: ResourceRef['kind']): kind is AuditLinkKind => linkKinds.has(kind);
