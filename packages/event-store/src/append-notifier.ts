/** The channel projection runners LISTEN on. */
export const EVENTS_CHANNEL = 'chorus_events';

/**
 * Wakes projection runners after appends, at most once per window. A NOTIFY inside every append
 * would make each commit queue for Postgres's single notification lock (measured: the largest
 * cost of a vote); a NOTIFY on its own, a few milliseconds later, costs nothing per vote.
 */
export class AppendNotifier {
  private scheduled = false;

  constructor(
    private readonly sendNotify: () => Promise<unknown>,
    private readonly windowMs = 5,
  ) {}

  poke(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      // Runners also poll, so a notification lost to a closing pool delays, never loses, work.
      this.sendNotify().catch(() => undefined);
    }, this.windowMs).unref();
  }
}
