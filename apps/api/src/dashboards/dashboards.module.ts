import { Module } from '@nestjs/common';
import { DashboardTableController } from './dashboard-table/dashboard-table.controller';
import { DashboardTableHandler } from './dashboard-table/dashboard-table.handler';
import { DrillController } from './drill/drill.controller';
import { DrillHandler } from './drill/drill.handler';
import { GetDashboardController } from './get-dashboard/get-dashboard.controller';
import { GetDashboardHandler } from './get-dashboard/get-dashboard.handler';

@Module({
  controllers: [DrillController, GetDashboardController, DashboardTableController],
  providers: [GetDashboardHandler, DashboardTableHandler, DrillHandler],
})
export class DashboardsModule {}
