import type { Logger } from '@nestjs/common';

/**
 * Work the API does every so often in the background: one round at a time (a slow round is
 * never overlapped by the next), a failed round logged rather than thrown, and stopping waits
 * for the round under way.
 */
export class PeriodicRounds {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    private readonly everyMs: number,
    private readonly work: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** Starts the rounds; with `now`, the first runs at once instead of after `everyMs`. */
  start({ now = false }: { now?: boolean } = {}): void {
    this.timer = setInterval(() => this.runRound(), this.everyMs);
    this.timer.unref();
    if (now) this.runRound();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  private runRound(): void {
    if (this.round) return;
    this.round = this.work()
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => {
        this.round = undefined;
      });
  }
}
