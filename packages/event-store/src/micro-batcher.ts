type Pending<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Natural batching: items submitted while earlier batches are in flight wait and go together in
 * the next one. Under load many commands share one statement and one commit; alone, an item
 * goes at once.
 */
export class MicroBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;

  constructor(
    /** Returns one result per item, in order: a value, or an Error for that item alone. */
    private readonly runBatch: (items: I[]) => Promise<(O | Error)[]>,
    private readonly options: { maxBatch: number; maxConcurrent: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxConcurrent) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.runBatch(batch.map((p) => p.item))
        .then(
          (results) =>
            batch.forEach((pending, index) => {
              const result = results[index];
              if (result instanceof Error) pending.reject(result);
              else pending.resolve(result as O);
            }),
          (error: unknown) => batch.forEach((pending) => pending.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }
}
