import { Query } from '@nestjs/cqrs';
import type { ExportReadModels } from '@chorus/domain';

/** The same tables for every workspace: their rows are what differ. */
export class ListReadModelsQuery extends Query<ExportReadModels> {}
