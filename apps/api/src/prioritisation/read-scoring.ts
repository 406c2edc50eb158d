import type { EntityManager } from 'typeorm';
import {
  fold,
  scoringDecider,
  scoringStreamId,
  toScoringModelView,
  type Scoring,
  type ScoringEvent,
  type ScoringModelsView,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';

/**
 * A workspace's scoring models, folded from their stream (a handful of settings events), so
 * commands decide against the models as they are now, like the catalog (ADR 10).
 */
export const readScoring = async (
  store: PostgresEventStore,
  workspaceId: string,
  manager?: EntityManager,
): Promise<{ scoring: Scoring; version: number }> => {
  const events = await store.readStream(scoringStreamId(workspaceId), { workspaceId, manager });
  return {
    scoring: fold(
      scoringDecider,
      events.map((e) => asDomainEvent<ScoringEvent>(e)),
    ),
    version: events.length,
  };
};

export const toScoringModelsView = (scoring: Scoring, version: number): ScoringModelsView => ({
  models: scoring.models.map((m) => toScoringModelView(scoring, m)),
  activeModelId: scoring.activeModelId,
  version,
});
