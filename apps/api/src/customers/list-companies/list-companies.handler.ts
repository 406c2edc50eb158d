import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  COMPANY_SELECT,
  companyViewFromRecord,
  containsPattern,
  nameCursor,
  type CompanyRecord,
} from '../customers.views';
import { ListCompaniesQuery } from './list-companies.query';

@QueryHandler(ListCompaniesQuery)
export class ListCompaniesHandler implements IQueryHandler<ListCompaniesQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, limit, q, cursor }: ListCompaniesQuery) {
    const params: unknown[] = [actor.workspaceId];
    const where = ['c.workspace_id = $1'];
    if (q) {
      params.push(containsPattern(q));
      where.push(`(c.name ILIKE $${params.length} OR c.domain ILIKE $${params.length})`);
    }
    if (cursor !== undefined) {
      params.push(...nameCursor.decode(cursor));
      where.push(`(c.name, c.company_id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<CompanyRecord[]>(
      `${COMPANY_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY c.name, c.company_id LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(companyViewFromRecord),
      nextCursor:
        rows.length > limit && last ? nameCursor.encode([last.name, last.company_id]) : null,
    };
  }
}
