import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { DomainRuleViolation } from '@chorus/domain';
import { ConcurrencyConflict } from '@chorus/event-store';
import { PeriodicRounds } from '../platform/periodic-rounds';
import { PublishReleaseCommand } from './publish-release/publish-release.command';

export const PUBLISH_POLL_MS = 'CHORUS_PUBLISH_POLL_MS';

export const publishPollMs = (): number =>
  z.coerce
    .number()
    .int()
    .positive()
    .default(15_000)
    .parse(process.env[PUBLISH_POLL_MS] || undefined);

type DueRelease = { id: string; workspace_id: string; version: number };

/**
 * Publishes every release whose schedule has come, every `CHORUS_PUBLISH_POLL_MS`. The list comes
 * from the read model; the publish handler decides on the streams, so a release unscheduled a
 * moment ago is left alone, and another API instance publishing it first is harmless.
 */
@Injectable()
export class ScheduledPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ScheduledPublisher');
  private readonly rounds: PeriodicRounds;
  /** Releases that could not be published, at the version tried: warn once, not every round. */
  private readonly refused = new Map<string, number>();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(PUBLISH_POLL_MS) pollMs: number,
  ) {
    this.rounds = new PeriodicRounds(pollMs, () => this.publishDue(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.rounds.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  private async publishDue(): Promise<void> {
    const due = await this.db.query<DueRelease[]>(
      `SELECT id, workspace_id, version FROM releases
       WHERE state = 'scheduled' AND publish_at <= now() ORDER BY publish_at LIMIT 100`,
    );
    for (const release of due) {
      if (this.refused.get(release.id) === release.version) continue;
      try {
        await this.commandBus.execute(
          new PublishReleaseCommand(release.id, {
            type: 'schedule',
            workspaceId: release.workspace_id,
            correlationId: randomUUID(),
          }),
        );
      } catch (error) {
        if (error instanceof ConcurrencyConflict) continue;
        if (!(error instanceof DomainRuleViolation)) throw error;
        this.refused.set(release.id, release.version);
        this.logger.warn(`Scheduled release ${release.id} was not published: ${error.message}`);
      }
    }
  }
}
