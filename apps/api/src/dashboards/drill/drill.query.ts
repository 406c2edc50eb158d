import type { AuthenticatedActor } from '../../platform/auth';
import type { DashboardParamsInput } from '../dashboard-params';
import type { DrillTarget } from '../kpi-reader';

export class DrillQuery {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly params: DashboardParamsInput,
    readonly target: DrillTarget,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}
}
