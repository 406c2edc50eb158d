import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live scores of backlog items, kept by the `feedback_list` projection next to the ballots and
 * companies they are counted from: the workspace's scoring models (a row only once it changed
 * them), the projection's own copy of which feedback each item answers, hand-set factor values,
 * and each item's demand, score and breakdown under the active model.
 */
export class CreateBacklogScores1764300000008 implements MigrationInterface {
  name = 'CreateBacklogScores1764300000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scoring_models (
        workspace_id uuid PRIMARY KEY,
        models jsonb NOT NULL,
        active_model_id text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE backlog_score_links (
        item_id uuid NOT NULL,
        feedback_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        PRIMARY KEY (item_id, feedback_id)
      )`);
    await db.query(
      `CREATE INDEX backlog_score_links_by_feedback ON backlog_score_links (feedback_id)`,
    );
    // Lets a batch of votes in a workspace without links stop after one lookup.
    await db.query(
      `CREATE INDEX backlog_score_links_by_workspace ON backlog_score_links (workspace_id)`,
    );
    await db.query(`
      CREATE TABLE backlog_item_factors (
        item_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        factors jsonb NOT NULL
      )`);
    await db.query(`
      CREATE TABLE backlog_scores (
        item_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        model_id text NOT NULL,
        score double precision NULL,
        breakdown jsonb NOT NULL,
        votes integer NOT NULL,
        revenue_cents bigint NOT NULL,
        segment_votes jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX backlog_scores_by_score ON backlog_scores (workspace_id, score DESC NULLS LAST)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE backlog_scores`);
    await db.query(`DROP TABLE backlog_item_factors`);
    await db.query(`DROP TABLE backlog_score_links`);
    await db.query(`DROP TABLE scoring_models`);
  }
}
