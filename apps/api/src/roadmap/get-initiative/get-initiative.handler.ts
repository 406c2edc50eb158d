import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { InitiativeView } from '@chorus/domain';
import { readInitiatives } from '../initiative.view';
import { GetInitiativeQuery } from './get-initiative.query';

@QueryHandler(GetInitiativeQuery)
export class GetInitiativeHandler implements IQueryHandler<GetInitiativeQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, initiativeId }: GetInitiativeQuery): Promise<InitiativeView | null> {
    const [initiative] = await readInitiatives(this.db, actor.workspaceId, { initiativeId });
    return initiative ?? null;
  }
}
