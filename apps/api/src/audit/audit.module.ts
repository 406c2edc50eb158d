import { Module } from '@nestjs/common';
import { AuditFiltersController } from './audit-filters/audit-filters.controller';
import { ExportAuditController } from './export-audit/export-audit.controller';
import { ExportAuditHandler } from './export-audit/export-audit.handler';
import { ListAuditController } from './list-audit/list-audit.controller';
import { ListAuditHandler } from './list-audit/list-audit.handler';

@Module({
  controllers: [AuditFiltersController, ListAuditController, ExportAuditController],
  providers: [ListAuditHandler, ExportAuditHandler],
})
export class AuditModule {}
