import { Module } from '@nestjs/common';
import { ExportArchiveController } from './export-archive/export-archive.controller';
import { ExportArchiveHandler } from './export-archive/export-archive.handler';
import { ExportEventsController } from './export-events/export-events.controller';
import { ExportEventsHandler } from './export-events/export-events.handler';
import { ExportReadModelsController } from './export-read-models/export-read-models.controller';
import {
  ExportReadModelHandler,
  ListReadModelsHandler,
} from './export-read-models/export-read-models.handlers';

/** The workspace export (docs/export.md); its restore is the `import-workspace` command. */
@Module({
  controllers: [ExportArchiveController, ExportEventsController, ExportReadModelsController],
  providers: [
    ExportArchiveHandler,
    ExportEventsHandler,
    ExportReadModelHandler,
    ListReadModelsHandler,
  ],
})
export class WorkspaceExportModule {}
