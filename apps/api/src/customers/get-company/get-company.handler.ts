import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CompanyDetail } from '@chorus/domain';
import { notFound } from '../../platform/problem-details';
import {
  COMPANY_SELECT,
  CUSTOMER_SELECT,
  companyViewFromRecord,
  customerViewFromRecord,
  type CompanyRecord,
  type CustomerRecord,
} from '../customers.views';
import { GetCompanyQuery } from './get-company.query';

/** How many people and items the company page shows at most. */
const PAGE_CAP = 500;

// Feedback a moderator threw out is not demand; merged duplicates still are, under their status.
const COUNTS_AS_DEMAND = `NOT f.spam AND f.moderation <> 'rejected'`;

@QueryHandler(GetCompanyQuery)
export class GetCompanyHandler implements IQueryHandler<GetCompanyQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, companyId }: GetCompanyQuery): Promise<CompanyDetail> {
    const params = [actor.workspaceId, companyId];
    const [company] = await this.db.query<CompanyRecord[]>(
      `${COMPANY_SELECT} WHERE c.workspace_id = $1 AND c.company_id = $2`,
      params,
    );
    if (!company) throw notFound(`Company ${companyId} does not exist.`);
    const [customers, requested, votedOn] = await Promise.all([
      this.db.query<CustomerRecord[]>(
        `${CUSTOMER_SELECT} WHERE p.workspace_id = $1 AND p.company_id = $2
         ORDER BY p.name, p.customer_id LIMIT ${PAGE_CAP}`,
        params,
      ),
      this.db.query<
        {
          feedback_id: string;
          title: string;
          status: string;
          vote_count: number;
          author_id: string;
        }[]
      >(
        `SELECT f.feedback_id, f.title, f.status, f.vote_count, f.author_id
         FROM customers p
         JOIN feedback_list f ON f.author_id = p.customer_id::text AND f.workspace_id = p.workspace_id
         WHERE p.workspace_id = $1 AND p.company_id = $2 AND ${COUNTS_AS_DEMAND}
         ORDER BY f.vote_count DESC, f.created_at DESC, f.feedback_id
         LIMIT ${PAGE_CAP}`,
        params,
      ),
      this.db.query<
        {
          feedback_id: string;
          title: string;
          status: string;
          vote_count: number;
          voter_ids: string[];
        }[]
      >(
        `SELECT f.feedback_id, f.title, f.status, f.vote_count,
           array_agg(b.voter_id ORDER BY b.voted_at, b.voter_id) AS voter_ids
         FROM feedback_ballots b
         JOIN feedback_list f ON f.feedback_id = b.feedback_id
         WHERE b.workspace_id = $1 AND b.company_id = $2 AND ${COUNTS_AS_DEMAND}
         GROUP BY f.feedback_id, f.title, f.status, f.vote_count, f.created_at
         ORDER BY count(*) DESC, f.vote_count DESC, f.created_at DESC, f.feedback_id
         LIMIT ${PAGE_CAP}`,
        params,
      ),
    ]);
    return {
      ...companyViewFromRecord(company),
      customers: customers.map(customerViewFromRecord),
      requested: requested.map((r) => ({
        id: r.feedback_id,
        title: r.title,
        status: r.status,
        voteCount: r.vote_count,
        authorId: r.author_id,
      })),
      votedOn: votedOn.map((r) => ({
        id: r.feedback_id,
        title: r.title,
        status: r.status,
        voteCount: r.vote_count,
        voterIds: r.voter_ids,
      })),
    };
  }
}
