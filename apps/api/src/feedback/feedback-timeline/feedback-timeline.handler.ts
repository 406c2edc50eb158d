import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Timeline, TimelineEntry } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import { namesOf } from '../../teammates/people';
import { FeedbackTimelineQuery } from './feedback-timeline.query';
import { summarise } from './timeline-summary';

type EventRow = {
  type: string;
  data: Record<string, unknown>;
  actor_id: string;
  occurred_at: string;
  feedback_id: string;
};

const TIMELINE_LIMIT = 1_000;

/**
 * Everything that happened to an item, read from the log itself (events indexed by the feedback
 * they concern): its own stream, its ballots, comments and follows, and those of every duplicate
 * merged into it. Not the notifications of those changes: one per follower, they would bury them.
 */
@QueryHandler(FeedbackTimelineQuery)
export class FeedbackTimelineHandler implements IQueryHandler<FeedbackTimelineQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, feedbackId }: FeedbackTimelineQuery): Promise<Timeline | null> {
    const { workspaceId } = actor;
    const members = await this.db.query<{ feedback_id: string; title: string }[]>(
      `SELECT feedback_id, title FROM feedback_list
       WHERE workspace_id = $1 AND (feedback_id = $2 OR merged_into = $2)`,
      [workspaceId, feedbackId],
    );
    if (!members.some((m) => m.feedback_id === feedbackId)) return null;
    const events = await this.db.query<EventRow[]>(
      `SELECT type, data, metadata->>'actorId' AS actor_id, metadata->>'occurredAt' AS occurred_at,
         data->>'feedbackId' AS feedback_id
       FROM events
       WHERE data->>'feedbackId' = ANY($2::text[]) AND workspace_id = $1
         AND stream_type <> 'notifications'
       ORDER BY global_position LIMIT ${TIMELINE_LIMIT}`,
      [workspaceId, members.map((m) => m.feedback_id)],
    );
    const mentioned = new Set<string>();
    for (const e of events) {
      mentioned.add(e.actor_id);
      for (const key of ['authorId', 'voterId', 'capturedBy', 'personId']) {
        const value = e.data[key];
        if (typeof value === 'string') mentioned.add(value);
      }
    }
    const relatedIds = events.flatMap((e) =>
      ['intoId', 'fromId', 'duplicateId'].flatMap((k) =>
        typeof e.data[k] === 'string' ? [e.data[k]] : [],
      ),
    );
    const [nameOf, titles, { catalog }] = await Promise.all([
      namesOf(this.db, workspaceId, mentioned),
      this.db.query<{ feedback_id: string; title: string }[]>(
        `SELECT feedback_id, title FROM feedback_list WHERE workspace_id = $1 AND feedback_id = ANY($2::uuid[])`,
        [workspaceId, relatedIds],
      ),
      readCatalog(this.store, workspaceId),
    ]);
    const titleOf = new Map(titles.map((t) => [t.feedback_id, t.title]));
    const names = {
      catalog,
      person: (id: string) => nameOf.get(id) ?? 'Someone',
      feedbackTitle: (id: string) => titleOf.get(id) ?? id,
    };
    const entries: TimelineEntry[] = events.map((e) => {
      const actorName = names.person(e.actor_id);
      // Comment bodies are read from the comments endpoint, which knows who may see them.
      const { body: _body, ...data } = e.data;
      return {
        type: e.type,
        at: e.occurred_at,
        actor: { id: e.actor_id, name: nameOf.get(e.actor_id) ?? null },
        summary: summarise(e.type, e.data, actorName, names),
        viaDuplicateId: e.feedback_id === feedbackId ? null : e.feedback_id,
        data,
      };
    });
    return { entries };
  }
}
