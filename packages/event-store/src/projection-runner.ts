import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { EVENTS_CHANNEL } from './append-notifier';
import { LOG_START, PostgresEventStore, type LogPosition, type StoredEvent } from './event-store';

/**
 * A read model fed by the log. `applyBatch` writes through the given transaction, which also
 * stores the checkpoint: a crash rolls both back, so a batch is replayed whole, never skipped
 * or applied twice.
 */
export type Projection = {
  name: string;
  /** The tables this projection owns; a rebuild empties them. */
  tables: readonly string[];
  handles: ReadonlySet<string>;
  /**
   * How the projection gets personal data: opened with its owners' keys (the default), or as
   * stored, sealed — for what leaves Chorus, like the Kafka relay.
   */
  personalData?: 'opened' | 'sealed';
  applyBatch: (tx: EntityManager, events: readonly StoredEvent[]) => Promise<void>;
};

/**
 * Events a projection applies per transaction when it is behind. Large batches write each row
 * they touch once for many events (an item's votes, say); when caught up, a batch holds whatever
 * has arrived, so this delays nothing.
 */
const DEFAULT_BATCH_SIZE = 5000;

export type ProjectionRunnerOptions = {
  batchSize?: number;
  /** Poll this often even without a notification, in case one was missed. */
  idleWaitMs?: number;
  /** After a partial batch, gather events this long before the next: fewer, larger commits. */
  gatherMs?: number;
  onBatchApplied?: (projection: string, events: readonly StoredEvent[]) => void;
  onError?: (projection: string, error: unknown) => void;
};

type CheckpointRow = { transaction_id: string; global_position: string };

export const readCheckpoint = async (
  db: Pick<EntityManager, 'query'>,
  projection: string,
  lock = false,
): Promise<LogPosition> => {
  const rows = await db.query<CheckpointRow[]>(
    `SELECT transaction_id::text, global_position::text FROM projection_checkpoints WHERE projection = $1${
      lock ? ' FOR UPDATE' : ''
    }`,
    [projection],
  );
  const row = rows[0];
  return row
    ? { transactionId: row.transaction_id, globalPosition: row.global_position }
    : LOG_START;
};

const writeCheckpoint = (tx: EntityManager, projection: string, position: LogPosition) =>
  tx.query(
    `INSERT INTO projection_checkpoints (projection, transaction_id, global_position, updated_at)
     VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (projection) DO UPDATE
       SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
    [projection, position.transactionId, position.globalPosition],
  );

/**
 * Locks the projection's checkpoint row for this transaction, creating it on first use, so two
 * runners (or a rebuild) never apply the same batch at once.
 */
const lockCheckpoint = async (tx: EntityManager, projection: string): Promise<LogPosition> => {
  // Read models can be rebuilt from the log, so their commits need not wait for the disk: a crash
  // may lose the newest batches, rows and checkpoint together, and they are simply replayed.
  // This keeps projection commits from queueing with the event appends for WAL flushes.
  await tx.query('SET LOCAL synchronous_commit = off');
  const rows = await tx.query<CheckpointRow[]>(
    `SELECT transaction_id::text, global_position::text FROM projection_checkpoints
     WHERE projection = $1 FOR UPDATE`,
    [projection],
  );
  const row = rows[0];
  if (row) return { transactionId: row.transaction_id, globalPosition: row.global_position };
  await tx.query(
    `INSERT INTO projection_checkpoints (projection, transaction_id, global_position)
     VALUES ($1, '0', 0) ON CONFLICT DO NOTHING`,
    [projection],
  );
  return readCheckpoint(tx, projection, true);
};

export type BatchResult = {
  /** The events the projection handles that the batch applied. */
  events: readonly StoredEvent[];
  /** How many events of the log the batch moved over; fewer than the batch size at the head. */
  scanned: number;
  position: LogPosition;
};

/**
 * Applies one batch read after the projection's checkpoint, in one transaction with the new
 * checkpoint: the events it handles are applied, the others only passed over.
 */
export const applyNextBatch = async (
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  batchSize: number,
): Promise<BatchResult> =>
  db.transaction(async (tx) => {
    const checkpoint = await lockCheckpoint(tx, projection.name);
    const { events, scanned, end } = await store.readLogWindow(
      checkpoint,
      batchSize,
      projection.handles,
      tx,
      projection.personalData,
    );
    if (!end) return { events, scanned, position: checkpoint };
    if (events.length > 0) await projection.applyBatch(tx, events);
    await writeCheckpoint(tx, projection.name, end);
    return { events, scanned, position: end };
  });

/** Catches a projection up to the head of the log; returns the number of events read. */
export const catchUp = async (
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  batchSize = 2000,
): Promise<number> => {
  let total = 0;
  for (;;) {
    const { scanned } = await applyNextBatch(db, store, projection, batchSize);
    total += scanned;
    if (scanned < batchSize) return total;
  }
};

/**
 * Rebuilds a projection from position 0 in a single transaction: readers keep seeing the old
 * rows until it commits, and the live runner waits on the checkpoint lock meanwhile.
 */
export const rebuildProjection = async (
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<number> =>
  db.transaction(async (tx) => {
    await lockCheckpoint(tx, projection.name);
    for (const table of projection.tables) await tx.query(`DELETE FROM ${table}`);
    let position = LOG_START;
    let total = 0;
    for (;;) {
      const { events, scanned, end } = await store.readLogWindow(
        position,
        batchSize,
        projection.handles,
        tx,
        projection.personalData,
      );
      if (!end) break;
      if (events.length > 0) await projection.applyBatch(tx, events);
      position = end;
      total += scanned;
    }
    await writeCheckpoint(tx, projection.name, position);
    return total;
  });

/** Runs projections continuously, woken by LISTEN/NOTIFY on new events. */
export class ProjectionRunner {
  private readonly store: PostgresEventStore;
  private listener: Client | null = null;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly gatherMs: number;

  constructor(
    private readonly db: DataSource,
    private readonly databaseUrl: string,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.store = new PostgresEventStore(db);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.idleWaitMs = options.idleWaitMs ?? 1000;
    this.gatherMs = options.gatherMs ?? 20;
  }

  async start(): Promise<void> {
    this.running = true;
    this.listener = new Client({
      connectionString: this.databaseUrl,
      application_name: 'chorus-listener',
    });
    this.listener.on('notification', () => this.notify());
    this.listener.on('error', (error) => this.options.onError?.('listener', error));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.loops = this.projections.map((projection) => this.loop(projection));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await Promise.all(this.loops);
    await this.listener?.end();
    this.listener = null;
  }

  private readonly waiters = new Set<() => void>();
  /** Counts notifications, so one that arrives while a batch is being applied is not lost. */
  private generation = 0;

  private notify(): void {
    this.generation += 1;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private sleep(ms: number, seenGeneration = this.generation): Promise<void> {
    return new Promise((resolve) => {
      if (seenGeneration !== this.generation) {
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.add(done);
    });
  }

  private async loop(projection: Projection): Promise<void> {
    let failures = 0;
    // Where this runner last left the checkpoint: an idle wake-up checks for news without the
    // locking transaction (and its commit).
    let lastSeen: LogPosition | null = null;
    while (this.running) {
      const seen = this.generation;
      try {
        if (lastSeen && !(await this.store.hasEventsAfter(lastSeen))) {
          await this.sleep(this.idleWaitMs, seen);
          continue;
        }
        const batch = await applyNextBatch(this.db, this.store, projection, this.batchSize);
        lastSeen = batch.position;
        failures = 0;
        if (batch.events.length > 0) this.options.onBatchApplied?.(projection.name, batch.events);
        // The log is read below the oldest open transaction, and this batch's was one: events
        // committed meanwhile were held back from the other projections, and no notification
        // will come for them. Wake them to look again.
        if (batch.scanned > 0) this.notify();
        if (batch.scanned < this.batchSize) {
          await this.sleep(this.idleWaitMs, seen);
          await new Promise((resolve) => setTimeout(resolve, this.gatherMs));
        }
      } catch (error) {
        failures += 1;
        this.options.onError?.(projection.name, error);
        await this.sleep(Math.min(30_000, 100 * 2 ** failures));
      }
    }
  }
}
