import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import archiver from 'archiver';
import { DataSource } from 'typeorm';
import { ARCHIVE_FILES, writeWorkspaceArchive } from '../workspace-archive';
import { WorkspaceSnapshot } from '../workspace-snapshot';
import { ExportArchiveQuery } from './export-archive.query';

/**
 * The whole workspace as one zip, written from one snapshot as the client downloads it: each
 * entry is read from the database only as fast as the client takes the bytes. A failure half way
 * cuts the download short (the zip then has no central directory, so no reader takes it for
 * whole); a client that goes away ends the reading and frees the connection.
 */
@QueryHandler(ExportArchiveQuery)
export class ExportArchiveHandler implements IQueryHandler<ExportArchiveQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId }: ExportArchiveQuery): Promise<Readable> {
    const snapshot = await WorkspaceSnapshot.open(this.db, workspaceId);
    const archive = archiver('zip', { zlib: { level: 6 } });
    const abandoned = new AbortController();
    archive.once('close', () => abandoned.abort());
    // Nest answers the first error; a later one, once the client has gone, must not go
    // unhandled and bring the process down.
    archive.on('error', () => undefined);
    void this.fill(archive, snapshot, abandoned.signal);
    return archive;
  }

  private async fill(
    archive: archiver.Archiver,
    snapshot: WorkspaceSnapshot,
    signal: AbortSignal,
  ): Promise<void> {
    let manifest;
    try {
      manifest = await writeWorkspaceArchive(archive, snapshot, signal);
    } catch (error) {
      await snapshot.close(error);
      archive.destroy(error as Error);
      return;
    }
    await snapshot.close();
    if (signal.aborted) return;
    archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: ARCHIVE_FILES.manifest });
    // Whatever goes wrong from here is emitted on the archive, which ends the response.
    archive.finalize().catch(() => undefined);
  }
}
