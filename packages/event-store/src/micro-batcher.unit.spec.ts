import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('sends an item at once when idle, and gathers items that arrive while a batch is in flight', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((i) => i * 10);
      },
      { maxBatch: 10, maxConcurrent: 1 },
    );
    const first = batcher.submit(1);
    const rest = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the items the batch says failed, and all of them when the batch throws', async () => {
    const perItem = new MicroBatcher<number, number>(
      (items) => Promise.resolve(items.map((i) => (i % 2 ? new Error(`odd ${i}`) : i))),
      { maxBatch: 10, maxConcurrent: 1 },
    );
    await expect(perItem.submit(2)).resolves.toBe(2);
    await expect(perItem.submit(3)).rejects.toThrow('odd 3');
    const broken = new MicroBatcher<number, number>(
      () => Promise.reject(new Error('connection lost')),
      { maxBatch: 10, maxConcurrent: 2 },
    );
    await expect(Promise.all([broken.submit(1), broken.submit(2)])).rejects.toThrow(
      'connection lost',
    );
  });

  it('never exceeds the batch size or the concurrency', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    const sizes: number[] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        concurrent -= 1;
        return items;
      },
      { maxBatch: 3, maxConcurrent: 2 },
    );
    await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(maxConcurrent).toBe(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20);
  });
});
