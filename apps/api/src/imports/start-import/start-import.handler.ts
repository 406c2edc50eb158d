import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ImportJobDetail } from '@chorus/domain';
import { readImportJob } from '../import-job.view';
import { ImportJobs } from '../import-jobs';
import { StartImportCommand } from './start-import.command';

/** Queues the job and answers at once: the file is read and applied in the background. */
@CommandHandler(StartImportCommand)
export class StartImportHandler implements ICommandHandler<StartImportCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ImportJobs) private readonly jobs: ImportJobs,
  ) {}

  async execute({ source, dryRun, file, actor }: StartImportCommand): Promise<ImportJobDetail> {
    const id = await this.jobs.start({ source, dryRun, file, actor });
    const job = await readImportJob(this.db, actor.workspaceId, id);
    if (!job) throw new Error(`Import job ${id} vanished`);
    return job;
  }
}
