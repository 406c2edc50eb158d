import type { DashboardName } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';
import type { DashboardParamsInput } from '../dashboard-params';

export class GetDashboardQuery {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly dashboard: DashboardName,
    readonly params: DashboardParamsInput,
  ) {}
}
