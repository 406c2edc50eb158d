import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ApiKeyList } from '@chorus/domain';
import { readApiKeys } from '../api-key.view';
import { ListApiKeysQuery } from './list-api-keys.query';

/** A workspace has a handful of keys, so one page holds them all. */
@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor }: ListApiKeysQuery): Promise<ApiKeyList> {
    return { items: await readApiKeys(this.db, actor.workspaceId) };
  }
}
