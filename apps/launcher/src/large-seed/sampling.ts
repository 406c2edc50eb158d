import { seededRandom } from '../demo-data';

/** A number in [0, 1) from a seeded generator: the same seed gives the same history. */
export type Random = () => number;

export { seededRandom };

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** Waiting times between independent happenings: many short, a few long. */
export const exponential = (random: Random, mean: number): number => -Math.log(1 - random()) * mean;

/** A standard normal deviate (Box–Muller). */
export const gaussian = (random: Random): number =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Money and sizes: most near the median, a long tail above it. */
export const logNormal = (random: Random, median: number, sigma: number): number =>
  median * Math.exp(sigma * gaussian(random));

/** Heavy-tailed activity (Pareto, minimum 1): a few people do most of the voting. */
export const pareto = (random: Random, alpha: number, cap: number): number =>
  Math.min(cap, Math.pow(1 - random(), -1 / alpha));

export const between = (random: Random, low: number, high: number): number =>
  low + random() * (high - low);

/** One of `items`, each as likely as its weight. */
export const weightedPick = <T>(random: Random, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let target = random() * total;
  for (const [item, weight] of items) {
    target -= weight;
    if (target < 0) return item;
  }
  return items[items.length - 1]![0];
};

/**
 * Splits `total` over slots in proportion to their weights, rounding the running sum so the
 * parts add up to exactly `total`.
 */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let given = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = Math.round((total * cumulative) / sum);
    const part = upTo - given;
    given = upTo;
    return part;
  });
};

/** A random permutation of 0…n-1 (Fisher–Yates). */
export const shuffledIndices = (random: Random, n: number): Int32Array => {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
};

/**
 * Draws indices in proportion to weights that change as the history unfolds (an item closes, a
 * customer joins): a Fenwick tree, so setting a weight and drawing both take O(log n).
 */
export class WeightedSampler {
  private readonly tree: Float64Array;
  private readonly weights: Float64Array;
  private readonly topBit: number;

  constructor(readonly capacity: number) {
    this.tree = new Float64Array(capacity + 1);
    this.weights = new Float64Array(capacity);
    let bit = 1;
    while (bit * 2 <= capacity) bit *= 2;
    this.topBit = bit;
  }

  weightOf(index: number): number {
    return this.weights[index] ?? 0;
  }

  set(index: number, weight: number): void {
    const delta = weight - this.weights[index]!;
    if (delta === 0) return;
    this.weights[index] = weight;
    for (let i = index + 1; i <= this.capacity; i += i & -i) this.tree[i]! += delta;
  }

  private total(): number {
    let sum = 0;
    for (let i = this.capacity; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  /** An index with a positive weight, or null when every weight is zero. */
  sample(random: Random): number | null {
    const total = this.total();
    if (!(total > 1e-12)) return null;
    // Rounding in the running sums can land a draw on an index whose weight went back to zero.
    for (let attempt = 0; attempt < 8; attempt++) {
      let target = random() * total;
      let position = 0;
      for (let bit = this.topBit; bit > 0; bit >>= 1) {
        const next = position + bit;
        if (next <= this.capacity && this.tree[next]! <= target) {
          target -= this.tree[next]!;
          position = next;
        }
      }
      if (position < this.capacity && this.weights[position]! > 0) return position;
    }
    return null;
  }
}

/**
 * Ids shaped like random (v4) UUIDs, drawn from their own seeded generator: deterministic, yet
 * spread over the key space like the API's randomUUID, so indexes see realistic inserts.
 */
export const deterministicIds = (seed: number): (() => string) => {
  const random = seededRandom(seed);
  const bytes = new Uint8Array(16);
  return () => {
    for (let i = 0; i < 16; i += 4) {
      const word = Math.floor(random() * 0x1_0000_0000);
      bytes[i] = word >>> 24;
      bytes[i + 1] = (word >>> 16) & 0xff;
      bytes[i + 2] = (word >>> 8) & 0xff;
      bytes[i + 3] = word & 0xff;
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    let id = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
      id += hexByte[bytes[i]!]!;
    }
    return id;
  };
};

const hexByte = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));

type Scheduled = { at: number; sequence: number; run: () => void };

/**
 * What happens next, in time order: a binary heap of actions. Actions scheduled for the same
 * moment run in the order they were scheduled, so a run is reproducible.
 */
export class Agenda {
  private readonly heap: Scheduled[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, run: () => void): void {
    const entry = { at, sequence: this.sequence++, run };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The earliest action, removed; undefined when nothing is left. */
  next(): Scheduled | undefined {
    const heap = this.heap;
    const first = heap[0];
    const last = heap.pop();
    if (first === undefined || last === undefined || heap.length === 0) return first;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return first;
  }
}

const before = (a: Scheduled, b: Scheduled) =>
  a.at < b.at || (a.at === b.at && a.sequence < b.sequence);
