import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { WorkspaceSnapshot } from './workspace-snapshot';

/** Pages of records as JSON Lines: one chunk per page, one object per line. */
export async function* jsonLines<T>(pages: AsyncIterable<readonly T[]>): AsyncGenerator<Buffer> {
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield Buffer.from(page.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
  }
}

/**
 * What `produce` reads from the snapshot, as a byte stream pulled by the client: nothing is read
 * ahead of what it takes. The snapshot is closed when the stream ends, fails or is abandoned
 * (the client went away, and Nest destroyed the stream).
 */
export const snapshotStream = (
  snapshot: WorkspaceSnapshot,
  produce: (snapshot: WorkspaceSnapshot) => AsyncIterable<Buffer>,
): Readable => {
  async function* run(): AsyncGenerator<Buffer> {
    let failure: unknown = new Error('The download was abandoned.');
    try {
      yield* produce(snapshot);
      failure = undefined;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await snapshot.close(failure);
    }
  }
  return Readable.from(run(), { objectMode: false });
};

/** Passes bytes through, counting their SHA-256: the manifest's checksum of a file. */
export class Sha256 extends Transform {
  private readonly hash = createHash('sha256');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The hex digest, once the stream has ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
