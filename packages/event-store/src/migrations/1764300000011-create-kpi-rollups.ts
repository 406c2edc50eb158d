import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPI rollup (packages/domain/src/kpis/kpi-rollup.ts, read-models/kpi-tables.ts) with its
 * history, so dashboards can be asked how they stood at any moment (ADR 13). Counters keep their
 * current counts and a table of the changes that made them; sets stamp each row with when it was
 * added; the other tables keep every version of every row, live from `valid_from` until
 * `valid_to` (null while current). A few indexes exist twice: over the current versions, which
 * dashboards read now, and over all of them, which `asOf` reads.
 */
export class CreateKpiRollups1764300000011 implements MigrationInterface {
  name = 'CreateKpiRollups1764300000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE kpi_feedback_daily (
        key uuid PRIMARY KEY,
        workspace_id text NOT NULL,
        day date NOT NULL,
        board_id text NOT NULL,
        source text NOT NULL,
        segment text,
        plan text,
        submitted int4 NOT NULL
      )`);
    await db.query(`
      CREATE TABLE kpi_feedback_daily_changes (
        key uuid NOT NULL,
        at timestamptz NOT NULL,
        workspace_id text NOT NULL,
        day date NOT NULL,
        board_id text NOT NULL,
        source text NOT NULL,
        segment text,
        plan text,
        submitted int4 NOT NULL
      )`);
    await db.query(
      `CREATE INDEX kpi_feedback_daily_ws_day ON kpi_feedback_daily (workspace_id, day)`,
    );
    await db.query(
      `CREATE INDEX kpi_feedback_daily_changes_ws_day ON kpi_feedback_daily_changes (workspace_id, day)`,
    );
    await db.query(`
      CREATE TABLE kpi_votes_daily (
        key uuid PRIMARY KEY,
        workspace_id text NOT NULL,
        day date NOT NULL,
        board_id text NOT NULL,
        segment text,
        plan text,
        votes_cast int4 NOT NULL,
        votes_withdrawn int4 NOT NULL
      )`);
    await db.query(`
      CREATE TABLE kpi_votes_daily_changes (
        key uuid NOT NULL,
        at timestamptz NOT NULL,
        workspace_id text NOT NULL,
        day date NOT NULL,
        board_id text NOT NULL,
        segment text,
        plan text,
        votes_cast int4 NOT NULL,
        votes_withdrawn int4 NOT NULL
      )`);
    await db.query(`CREATE INDEX kpi_votes_daily_ws_day ON kpi_votes_daily (workspace_id, day)`);
    await db.query(
      `CREATE INDEX kpi_votes_daily_changes_ws_day ON kpi_votes_daily_changes (workspace_id, day)`,
    );
    await db.query(`
      CREATE TABLE kpi_accepted_daily (
        key uuid PRIMARY KEY,
        workspace_id text NOT NULL,
        day date NOT NULL,
        items int4 NOT NULL,
        points float8 NOT NULL
      )`);
    await db.query(`
      CREATE TABLE kpi_accepted_daily_changes (
        key uuid NOT NULL,
        at timestamptz NOT NULL,
        workspace_id text NOT NULL,
        day date NOT NULL,
        items int4 NOT NULL,
        points float8 NOT NULL
      )`);
    await db.query(
      `CREATE INDEX kpi_accepted_daily_ws_day ON kpi_accepted_daily (workspace_id, day)`,
    );
    await db.query(
      `CREATE INDEX kpi_accepted_daily_changes_ws_day ON kpi_accepted_daily_changes (workspace_id, day)`,
    );
    await db.query(`
      CREATE TABLE kpi_sprint_work (
        key uuid PRIMARY KEY,
        workspace_id text NOT NULL,
        sprint_id text NOT NULL,
        accepted_items int4 NOT NULL,
        accepted_points float8 NOT NULL,
        carried_over_items int4 NOT NULL,
        carried_over_points float8 NOT NULL
      )`);
    await db.query(`
      CREATE TABLE kpi_sprint_work_changes (
        key uuid NOT NULL,
        at timestamptz NOT NULL,
        workspace_id text NOT NULL,
        sprint_id text NOT NULL,
        accepted_items int4 NOT NULL,
        accepted_points float8 NOT NULL,
        carried_over_items int4 NOT NULL,
        carried_over_points float8 NOT NULL
      )`);
    await db.query(`CREATE INDEX kpi_sprint_work_ws ON kpi_sprint_work (workspace_id)`);
    await db.query(
      `CREATE INDEX kpi_sprint_work_changes_ws ON kpi_sprint_work_changes (workspace_id)`,
    );
    await db.query(`
      CREATE TABLE kpi_voter_days (
        key uuid PRIMARY KEY,
        valid_from timestamptz NOT NULL,
        workspace_id text NOT NULL,
        day date NOT NULL,
        voter_id text NOT NULL,
        board_id text NOT NULL,
        segment text,
        plan text
      )`);
    await db.query(
      `CREATE INDEX kpi_voter_days_ws_day ON kpi_voter_days (workspace_id, day) INCLUDE (voter_id, valid_from)`,
    );
    await db.query(`
      CREATE TABLE kpi_active_days (
        key uuid PRIMARY KEY,
        valid_from timestamptz NOT NULL,
        workspace_id text NOT NULL,
        day date NOT NULL,
        customer_id text NOT NULL,
        company_id text,
        board_id text NOT NULL,
        segment text,
        plan text
      )`);
    await db.query(`CREATE INDEX kpi_active_days_ws_day ON kpi_active_days (workspace_id, day)`);
    await db.query(`
      CREATE TABLE kpi_feedback (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        feedback_id text NOT NULL,
        board_id text NOT NULL,
        source text NOT NULL,
        segment text,
        plan text,
        submitted_at timestamptz NOT NULL,
        status_id text NOT NULL,
        status_kind text NOT NULL,
        first_response_at timestamptz,
        triaged_at timestamptz,
        reached_active bool NOT NULL,
        reached_done bool NOT NULL,
        done_at timestamptz,
        notified bool NOT NULL,
        moderation text NOT NULL,
        spam bool NOT NULL,
        merged_into text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_feedback_current ON kpi_feedback (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_feedback_key ON kpi_feedback (key, valid_from)`);
    await db.query(
      `CREATE INDEX kpi_feedback_ws_submitted_at_now ON kpi_feedback (workspace_id, submitted_at) WHERE valid_to IS NULL`,
    );
    await db.query(
      `CREATE INDEX kpi_feedback_ws_submitted_at ON kpi_feedback (workspace_id, submitted_at)`,
    );
    await db.query(
      `CREATE INDEX kpi_feedback_ws_done_at_now ON kpi_feedback (workspace_id, done_at) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_feedback_ws_done_at ON kpi_feedback (workspace_id, done_at)`);
    await db.query(`CREATE INDEX kpi_feedback_merged_into ON kpi_feedback (merged_into)`);
    // The unresolved feedback the ageing figure counts, now: an index-only scan.
    await db.query(
      `CREATE INDEX kpi_feedback_unresolved ON kpi_feedback (workspace_id, submitted_at)
       INCLUDE (board_id, segment, plan)
       WHERE valid_to IS NULL AND status_kind IN ('open', 'active') AND NOT spam
         AND moderation <> 'rejected' AND merged_into IS NULL`,
    );
    await db.query(`
      CREATE TABLE kpi_ballots (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        feedback_id text NOT NULL,
        voter_id text NOT NULL,
        voted_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_ballots_current ON kpi_ballots (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_ballots_key ON kpi_ballots (key, valid_from)`);
    await db.query(
      `CREATE INDEX kpi_ballots_ws_voted_at ON kpi_ballots (workspace_id, voted_at) INCLUDE (feedback_id, voter_id, valid_to)`,
    );
    await db.query(`CREATE INDEX kpi_ballots_feedback_id ON kpi_ballots (feedback_id)`);
    await db.query(`
      CREATE TABLE kpi_feedback_links (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        feedback_id text NOT NULL,
        item_id text NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_feedback_links_current ON kpi_feedback_links (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_feedback_links_key ON kpi_feedback_links (key, valid_from)`);
    await db.query(
      `CREATE INDEX kpi_feedback_links_feedback_id ON kpi_feedback_links (feedback_id)`,
    );
    await db.query(`
      CREATE TABLE kpi_customers (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        customer_id text NOT NULL,
        company_id text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_customers_current ON kpi_customers (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_customers_key ON kpi_customers (key, valid_from)`);
    await db.query(`
      CREATE TABLE kpi_companies (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        company_id text,
        segment text,
        plan text,
        mrr_cents int8 NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_companies_current ON kpi_companies (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_companies_key ON kpi_companies (key, valid_from)`);
    await db.query(`CREATE INDEX kpi_companies_ws ON kpi_companies (workspace_id)`);
    await db.query(`
      CREATE TABLE kpi_backlog_items (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        item_id text NOT NULL,
        kind text NOT NULL,
        parent_id text,
        created_at timestamptz NOT NULL,
        stage text NOT NULL,
        estimate float8,
        criteria_count int4 NOT NULL,
        initiative_id text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_backlog_items_current ON kpi_backlog_items (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_backlog_items_key ON kpi_backlog_items (key, valid_from)`);
    await db.query(`CREATE INDEX kpi_backlog_items_ws ON kpi_backlog_items (workspace_id)`);
    await db.query(`
      CREATE TABLE kpi_sprints (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        sprint_id text NOT NULL,
        name text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        state text NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_sprints_current ON kpi_sprints (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_sprints_key ON kpi_sprints (key, valid_from)`);
    await db.query(`CREATE INDEX kpi_sprints_ws_end_date ON kpi_sprints (workspace_id, end_date)`);
    await db.query(`
      CREATE TABLE kpi_initiatives (
        key uuid NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        workspace_id text NOT NULL,
        initiative_id text,
        title text NOT NULL,
        lane text NOT NULL,
        quarter text,
        archived bool NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX kpi_initiatives_current ON kpi_initiatives (key) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX kpi_initiatives_key ON kpi_initiatives (key, valid_from)`);
    await db.query(`CREATE INDEX kpi_initiatives_ws ON kpi_initiatives (workspace_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE kpi_initiatives`);
    await db.query(`DROP TABLE kpi_sprints`);
    await db.query(`DROP TABLE kpi_backlog_items`);
    await db.query(`DROP TABLE kpi_companies`);
    await db.query(`DROP TABLE kpi_customers`);
    await db.query(`DROP TABLE kpi_feedback_links`);
    await db.query(`DROP TABLE kpi_ballots`);
    await db.query(`DROP TABLE kpi_feedback`);
    await db.query(`DROP TABLE kpi_active_days`);
    await db.query(`DROP TABLE kpi_voter_days`);
    await db.query(`DROP TABLE kpi_sprint_work_changes`);
    await db.query(`DROP TABLE kpi_sprint_work`);
    await db.query(`DROP TABLE kpi_accepted_daily_changes`);
    await db.query(`DROP TABLE kpi_accepted_daily`);
    await db.query(`DROP TABLE kpi_votes_daily_changes`);
    await db.query(`DROP TABLE kpi_votes_daily`);
    await db.query(`DROP TABLE kpi_feedback_daily_changes`);
    await db.query(`DROP TABLE kpi_feedback_daily`);
  }
}
