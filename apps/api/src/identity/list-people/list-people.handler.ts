import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PeopleList } from '@chorus/domain';
import { readPeople } from '../people.view';
import { ListPeopleQuery } from './list-people.query';

/** The organisation's people, active first: a workspace has tens or hundreds, one page. */
@QueryHandler(ListPeopleQuery)
export class ListPeopleHandler implements IQueryHandler<ListPeopleQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor }: ListPeopleQuery): Promise<PeopleList> {
    return { items: await readPeople(this.db, actor.workspaceId) };
  }
}
