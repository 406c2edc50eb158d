import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  IMPORT_ERRORS_KEPT,
  type ImportCounts,
  type ImportItemKind,
  type ImportJobError,
  type ImportSource,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../catalog/read-catalog';
import { PeriodicRounds } from '../platform/periodic-rounds';
import type { AuthenticatedActor } from '../platform/auth';
import { ImportInterrupted, PlanApplier } from './apply/apply-plan';
import { plannedRecords, UnreadableImport, type ImportPlan } from './import-plan';
import { planFromCanny } from './sources/canny';
import { planFromCsv, type CsvKind } from './sources/csv';
import { planFromFider } from './sources/fider';
import { readFiderBackup } from './sources/fider-zip';

export const IMPORT_SWEEP_MS = 'CHORUS_IMPORT_SWEEP_MS';

export const importSweepMs = (): number =>
  z.coerce
    .number()
    .int()
    .positive()
    .default(30_000)
    .parse(process.env[IMPORT_SWEEP_MS] || undefined);

/** A job whose process has not beaten its heart for this long is dead. */
const STALE_AFTER_SECONDS = 60;
const HEARTBEAT_MS = 10_000;
/** Records per transaction: a chunk's progress is visible as soon as it commits. */
const CHUNK_SIZE = 200;

export const INTERRUPTED =
  'Interrupted: the server stopped before the import finished. Run it again: imports are idempotent, so what is already there is skipped.';
const UNEXPECTED =
  'The import stopped on an unexpected error; what was applied stays. Run it again: imports are idempotent.';

export type NewImport = {
  source: ImportSource;
  dryRun: boolean;
  file: Buffer;
  actor: AuthenticatedActor;
};

/** The first problems in file order, and how many there were in all. */
class ErrorLog {
  readonly kept: ImportJobError[] = [];
  count = 0;

  add(errors: readonly ImportJobError[]): boolean {
    this.count += errors.length;
    const room = IMPORT_ERRORS_KEPT - this.kept.length;
    if (room <= 0 || errors.length === 0) return false;
    this.kept.push(...errors.slice(0, room));
    this.kept.sort((a, b) => (a.part ?? '').localeCompare(b.part ?? '') || a.row - b.row);
    return true;
  }
}

const sumOf = (byKind: Record<ImportItemKind, ImportCounts>, outcome: keyof ImportCounts) =>
  Object.values(byKind).reduce((sum, counts) => sum + counts[outcome], 0);

/**
 * Runs imports in the background of the API process, one at a time, and keeps each job's row
 * up to date after every chunk. A job left unfinished by a process that died is marked failed
 * by the sweep (at start and every CHORUS_IMPORT_SWEEP_MS): imports are idempotent, so the
 * person simply runs it again.
 */
@Injectable()
export class ImportJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ImportJobs');
  private queue: Promise<void> = Promise.resolve();
  /** Jobs of this process, queued or running: their hearts beat. */
  private readonly mine = new Set<string>();
  private stopping = false;
  private readonly sweeps: PeriodicRounds;
  private readonly heartbeats: PeriodicRounds;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(IMPORT_SWEEP_MS) sweepMs: number,
  ) {
    this.sweeps = new PeriodicRounds(sweepMs, () => this.sweep(), this.logger);
    this.heartbeats = new PeriodicRounds(HEARTBEAT_MS, () => this.beat(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.sweeps.start({ now: true });
    this.heartbeats.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.sweeps.stop(), this.heartbeats.stop()]);
    await this.queue;
  }

  /** Records the job as queued and runs it after the jobs before it. */
  async start({ source, dryRun, file, actor }: NewImport): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO import_jobs (id, workspace_id, source, dry_run, status, file_bytes, created_by)
       VALUES ($1, $2, $3, $4, 'queued', $5, $6)`,
      [id, actor.workspaceId, source, dryRun, file.length, actor.id],
    );
    this.mine.add(id);
    this.queue = this.queue
      .then(() => this.run(id, { source, dryRun, file, actor }))
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => this.mine.delete(id));
    return id;
  }

  /** Fails the jobs whose process stopped beating their heart. */
  async sweep(): Promise<void> {
    await this.db.query(
      `UPDATE import_jobs SET status = 'failed', failure = $1, finished_at = now()
       WHERE status IN ('queued', 'running')
         AND heartbeat_at < now() - make_interval(secs => $2)`,
      [INTERRUPTED, STALE_AFTER_SECONDS],
    );
  }

  private async beat(): Promise<void> {
    if (this.mine.size === 0) return;
    await this.db.query(`UPDATE import_jobs SET heartbeat_at = now() WHERE id = ANY($1)`, [
      [...this.mine],
    ]);
  }

  private async run(id: string, job: NewImport): Promise<void> {
    if (this.stopping) {
      await this.finish(id, 'failed', INTERRUPTED);
      return;
    }
    await this.db.query(
      `UPDATE import_jobs SET status = 'running', started_at = now(), heartbeat_at = now()
       WHERE id = $1 AND status = 'queued'`,
      [id],
    );
    try {
      const plan = await this.planOf(job);
      const errors = new ErrorLog();
      errors.add(plan.errors);
      const total = Object.values(plannedRecords(plan)).reduce((sum, n) => sum + n, 0);
      await this.db.query(
        `UPDATE import_jobs SET total = $2, errors = $3, error_count = $4, heartbeat_at = now()
         WHERE id = $1`,
        [id, total, JSON.stringify(errors.kept), errors.count],
      );
      const applier = new PlanApplier(this.db, this.store, plan, {
        workspaceId: job.actor.workspaceId,
        actor: { id: job.actor.id, role: job.actor.role },
        correlationId: id,
        dryRun: job.dryRun,
        chunkSize: CHUNK_SIZE,
        shouldStop: () => this.stopping,
        onProgress: async (progress) => {
          const changed = errors.add(progress.errors);
          await this.db.query(
            `UPDATE import_jobs SET processed = $2, created_count = $3, updated_count = $4,
               skipped_count = $5, by_kind = $6, error_count = $7,
               errors = CASE WHEN $8 THEN $9::jsonb ELSE errors END, heartbeat_at = now()
             WHERE id = $1`,
            [
              id,
              progress.processed,
              sumOf(progress.byKind, 'created'),
              sumOf(progress.byKind, 'updated'),
              sumOf(progress.byKind, 'skipped'),
              JSON.stringify(progress.byKind),
              errors.count,
              changed,
              JSON.stringify(errors.kept),
            ],
          );
        },
      });
      await applier.apply();
      await this.finish(id, 'succeeded', null);
    } catch (error) {
      if (error instanceof UnreadableImport) {
        await this.finish(id, 'failed', error.message);
      } else if (error instanceof ImportInterrupted) {
        await this.finish(id, 'failed', INTERRUPTED);
      } else {
        this.logger.error(error);
        await this.finish(id, 'failed', UNEXPECTED);
      }
    }
  }

  private async finish(id: string, status: 'succeeded' | 'failed', failure: string | null) {
    await this.db.query(
      `UPDATE import_jobs SET status = $2, failure = $3, finished_at = now() WHERE id = $1`,
      [id, status, failure],
    );
  }

  /** Reads the file into a plan; a file that cannot be read at all is an UnreadableImport. */
  private async planOf({ source, file, actor }: NewImport): Promise<ImportPlan> {
    switch (source) {
      case 'canny': {
        let document: unknown;
        try {
          document = JSON.parse(file.toString('utf8'));
        } catch (error) {
          throw new UnreadableImport(`This is not JSON: ${(error as Error).message}`);
        }
        return planFromCanny(document);
      }
      case 'fider':
        return planFromFider(await readFiderBackup(file));
      case 'csv-feedback':
        return this.csvPlan('feedback', file, actor);
      case 'csv-votes':
        return this.csvPlan('votes', file, actor);
      case 'csv-customers':
        return this.csvPlan('customers', file, actor);
      case 'csv-companies':
        return this.csvPlan('companies', file, actor);
    }
  }

  /** A CSV's feedback names the workspace's boards, tags and statuses: read as they are now. */
  private async csvPlan(kind: CsvKind, file: Buffer, actor: AuthenticatedActor) {
    const { catalog } = await readCatalog(this.store, actor.workspaceId);
    return planFromCsv(kind, file.toString('utf8'), catalog);
  }
}
