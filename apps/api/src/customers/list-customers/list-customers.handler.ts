import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  CUSTOMER_SELECT,
  containsPattern,
  customerViewFromRecord,
  nameCursor,
  type CustomerRecord,
} from '../customers.views';
import { ListCustomersQuery } from './list-customers.query';

@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, limit, q, companyId, cursor }: ListCustomersQuery) {
    const params: unknown[] = [actor.workspaceId];
    const where = ['p.workspace_id = $1'];
    if (q) {
      params.push(containsPattern(q));
      const p = `$${params.length}`;
      where.push(`(p.name ILIKE ${p} OR p.email ILIKE ${p} OR p.external_id ILIKE ${p})`);
    }
    if (companyId) {
      params.push(companyId);
      where.push(`p.company_id = $${params.length}::uuid`);
    }
    if (cursor !== undefined) {
      params.push(...nameCursor.decode(cursor));
      where.push(`(p.name, p.customer_id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<CustomerRecord[]>(
      `${CUSTOMER_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY p.name, p.customer_id LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(customerViewFromRecord),
      nextCursor:
        rows.length > limit && last ? nameCursor.encode([last.name, last.customer_id]) : null,
    };
  }
}
