import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorRoles, can } from '@chorus/domain';
import { MAIL_CHANNEL, weeklyDigestDeliveryId } from '@chorus/worker';
import type { SqlQuery } from '../../dashboards/kpi-reader';
import { PeriodicRounds } from '../../platform/periodic-rounds';
import { DIGEST_SETTINGS, dueDigestWeek, type DigestSchedule } from './digest-schedule';
import { weeklyDigestFigures } from './weekly-digest-figures';

export type DigestSettings = { schedule: DigestSchedule; pollMs: number; now: () => Date };

/** Those who may read the dashboards may get their digest; their preferences decide. */
const readersOfDashboards = actorRoles.filter((role) => can(role, 'dashboards.read'));

/**
 * Once a week's digest is due, queues one delivery per person who may read the dashboards, keyed
 * by person and week: however many rounds and API instances run, each person has at most one
 * digest a week. The worker's dispatcher checks each person's preference as it sends (the digest
 * is on by default for product managers and admins only) and sends. The figures are counted
 * once per workspace, by the dashboards' own reader, and stored with the delivery.
 */
@Injectable()
export class WeeklyDigestScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WeeklyDigestScheduler');
  private readonly rounds: PeriodicRounds;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DIGEST_SETTINGS) private readonly settings: DigestSettings,
  ) {
    this.rounds = new PeriodicRounds(settings.pollMs, () => this.queueDueDigests(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.rounds.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  private async queueDueDigests(): Promise<void> {
    const now = this.settings.now();
    const week = dueDigestWeek(now, this.settings.schedule);
    if (week === null) return;
    const readers = await this.db.query<{ workspace_id: string; person_id: string }[]>(
      `SELECT workspace_id::text, id::text AS person_id FROM users
       WHERE status = 'active' AND role = ANY($1::text[])
       ORDER BY workspace_id, id`,
      [readersOfDashboards],
    );
    const queued = new Set(
      (
        await this.db.query<{ id: string }[]>(
          `SELECT id FROM email_deliveries WHERE id = ANY($1::text[])`,
          [readers.map((r) => weeklyDigestDeliveryId(r.person_id, week))],
        )
      ).map((row) => row.id),
    );
    const owed = new Map<string, string[]>();
    for (const { workspace_id: workspaceId, person_id: personId } of readers) {
      if (queued.has(weeklyDigestDeliveryId(personId, week))) continue;
      owed.set(workspaceId, [...(owed.get(workspaceId) ?? []), personId]);
    }
    const sql: SqlQuery = (text, values) => this.db.query(text, values);
    for (const [workspaceId, people] of owed) {
      const digest = await weeklyDigestFigures(sql, workspaceId, week);
      await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO email_deliveries (id, workspace_id, person_id, category, status,
             next_attempt_at, created_at, digest)
           SELECT d.id, $1, d.person_id, 'weekly_digest', 'pending', $4, $4, $5
           FROM unnest($2::text[], $3::text[]) AS d(id, person_id)
           ON CONFLICT (id) DO NOTHING`,
          [
            workspaceId,
            people.map((personId) => weeklyDigestDeliveryId(personId, week)),
            people,
            now,
            JSON.stringify(digest),
          ],
        );
        await tx.query(`SELECT pg_notify($1, '')`, [MAIL_CHANNEL]);
      });
    }
  }
}
