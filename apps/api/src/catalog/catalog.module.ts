import { Module } from '@nestjs/common';
import { ChangeCatalogController } from './change-catalog/change-catalog.controller';
import { ChangeCatalogHandler } from './change-catalog/change-catalog.handler';
import { GetCatalogController } from './get-catalog/get-catalog.controller';
import { GetCatalogHandler } from './get-catalog/get-catalog.handler';

@Module({
  controllers: [GetCatalogController, ChangeCatalogController],
  providers: [GetCatalogHandler, ChangeCatalogHandler],
})
export class CatalogModule {}
