import { Module } from '@nestjs/common';
import { GetImportController } from './get-import/get-import.controller';
import { GetImportHandler } from './get-import/get-import.handler';
import { ImportJobs, IMPORT_SWEEP_MS, importSweepMs } from './import-jobs';
import { ListImportsController } from './list-imports/list-imports.controller';
import { ListImportsHandler } from './list-imports/list-imports.handler';
import { StartImportController } from './start-import/start-import.controller';
import { StartImportHandler } from './start-import/start-import.handler';

/** Imports from CSV files, a Canny export or a Fider backup, as background jobs. */
@Module({
  controllers: [StartImportController, ListImportsController, GetImportController],
  providers: [
    StartImportHandler,
    ListImportsHandler,
    GetImportHandler,
    { provide: IMPORT_SWEEP_MS, useFactory: importSweepMs },
    ImportJobs,
  ],
})
export class ImportsModule {}
