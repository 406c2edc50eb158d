import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of feedback operations: the inbox row grows triage fields and set-based demand
 * (votes, revenue, comments), plus customers, companies, comments and followers. Search uses
 * `tsvector` columns the projection fills in the configured language, and trigrams on titles.
 */
export class CreateFeedbackOperations1764300000004 implements MigrationInterface {
  name = 'CreateFeedbackOperations1764300000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      ALTER TABLE feedback_list
        DROP COLUMN voter_count,
        ADD COLUMN captured_by text,
        ADD COLUMN source text NOT NULL DEFAULT 'app',
        ADD COLUMN quote text,
        ADD COLUMN status_kind text NOT NULL DEFAULT 'open',
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN moderation text NOT NULL DEFAULT 'approved',
        ADD COLUMN spam boolean NOT NULL DEFAULT false,
        ADD COLUMN merged_into uuid,
        ADD COLUMN duplicate_count integer NOT NULL DEFAULT 0,
        ADD COLUMN revenue_cents bigint NOT NULL DEFAULT 0,
        ADD COLUMN comment_count integer NOT NULL DEFAULT 0,
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector`);
    await db.query(
      `CREATE INDEX feedback_list_by_revenue ON feedback_list (workspace_id, revenue_cents DESC, feedback_id DESC)`,
    );
    await db.query(`CREATE INDEX feedback_list_search ON feedback_list USING gin (search_vector)`);
    await db.query(
      `CREATE INDEX feedback_list_title_trgm ON feedback_list USING gin (title gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX feedback_list_tags ON feedback_list USING gin (tags)`);
    await db.query(
      `CREATE INDEX feedback_list_merged_into ON feedback_list (merged_into) WHERE merged_into IS NOT NULL`,
    );
    await db.query(`CREATE INDEX feedback_ballots_by_voter ON feedback_ballots (voter_id)`);
    await db.query(`
      CREATE TABLE companies (
        company_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        external_id text NOT NULL,
        name text NOT NULL,
        domain text,
        plan text,
        mrr_cents bigint NOT NULL,
        segment text,
        attributes jsonb NOT NULL DEFAULT '{}',
        UNIQUE (workspace_id, external_id)
      )`);
    await db.query(`CREATE INDEX companies_by_name ON companies (workspace_id, name, company_id)`);
    await db.query(`
      CREATE TABLE customers (
        customer_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        external_id text NOT NULL,
        email text,
        name text NOT NULL,
        company_id uuid,
        UNIQUE (workspace_id, external_id)
      )`);
    await db.query(`CREATE INDEX customers_by_company ON customers (company_id)`);
    await db.query(`
      CREATE TABLE feedback_comments (
        comment_id uuid PRIMARY KEY,
        feedback_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        parent_id uuid,
        author_id text NOT NULL,
        by_staff boolean NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
        body text NOT NULL,
        mentions text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        deleted boolean NOT NULL DEFAULT false,
        search_vector tsvector NOT NULL DEFAULT ''::tsvector
      )`);
    await db.query(
      `CREATE INDEX feedback_comments_by_feedback ON feedback_comments (feedback_id, created_at)`,
    );
    await db.query(
      `CREATE INDEX feedback_comments_search ON feedback_comments USING gin (search_vector)
       WHERE visibility = 'public' AND NOT deleted`,
    );
    await db.query(`
      CREATE TABLE feedback_followers (
        feedback_id uuid NOT NULL,
        person_id text NOT NULL,
        workspace_id uuid NOT NULL,
        -- Why they follow without asking (author or voter), if they do.
        auto_reason text CHECK (auto_reason IN ('author', 'voter')),
        -- What they chose explicitly, which wins over auto_reason.
        choice text CHECK (choice IN ('following', 'unfollowed')),
        PRIMARY KEY (feedback_id, person_id)
      )`);
    await db.query(`CREATE INDEX feedback_followers_by_person ON feedback_followers (person_id)`);
    // The timeline of an item gathers every event about it, whatever its stream.
    await db.query(
      `CREATE INDEX events_by_feedback ON events ((data->>'feedbackId'), global_position)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_by_feedback`);
    await db.query(`DROP TABLE feedback_followers`);
    await db.query(`DROP TABLE feedback_comments`);
    await db.query(`DROP TABLE customers`);
    await db.query(`DROP TABLE companies`);
    await db.query(`DROP INDEX feedback_ballots_by_voter`);
    await db.query(`
      ALTER TABLE feedback_list
        ADD COLUMN voter_count integer NOT NULL DEFAULT 0,
        DROP COLUMN captured_by, DROP COLUMN source, DROP COLUMN quote, DROP COLUMN status_kind,
        DROP COLUMN tags, DROP COLUMN moderation, DROP COLUMN spam, DROP COLUMN merged_into,
        DROP COLUMN duplicate_count, DROP COLUMN revenue_cents, DROP COLUMN comment_count,
        DROP COLUMN first_response_at, DROP COLUMN search_vector`);
  }
}
