import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@chorus/event-store';
import { readScoring, toScoringModelsView } from '../read-scoring';
import { GetScoringModelsQuery } from './get-scoring-models.query';

/** A short stream: folding it is as cheap as reading a projection, and never stale. */
@QueryHandler(GetScoringModelsQuery)
export class GetScoringModelsHandler implements IQueryHandler<GetScoringModelsQuery> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ actor }: GetScoringModelsQuery) {
    const { scoring, version } = await readScoring(this.store, actor.workspaceId);
    return toScoringModelsView(scoring, version);
  }
}
