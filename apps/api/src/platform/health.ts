import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from './auth';
import { readProjectionLag, type ProjectionLag } from './projection-lag';

export type Health = {
  status: 'ok' | 'lagging' | 'down';
  postgres: 'up' | 'down';
  projections: ProjectionLag[];
  maxLagSeconds: number;
};

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject('HEALTH_MAX_LAG_SECONDS') private readonly maxLagSeconds: number,
    @Inject('EVENT_TRANSPORT') private readonly transport: 'postgres' | 'kafka',
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Postgres reachability and projection lag; 503 when down or lagging' })
  @ApiOkResponse({ description: 'Healthy' })
  @ApiServiceUnavailableResponse({ description: 'Postgres is down or a projection lags too far' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    let health: Health;
    try {
      await this.db.query('SELECT 1');
      // Through Kafka, projections keep no log checkpoints; the relay to the broker is what lags.
      const projections = (await readProjectionLag(this.db)).filter((p) =>
        this.transport === 'kafka'
          ? p.projection === 'kafka_relay'
          : p.projection !== 'kafka_relay',
      );
      const lagging = projections.some((p) => p.secondsBehind > this.maxLagSeconds);
      health = {
        status: lagging ? 'lagging' : 'ok',
        postgres: 'up',
        projections,
        maxLagSeconds: this.maxLagSeconds,
      };
    } catch {
      health = {
        status: 'down',
        postgres: 'down',
        projections: [],
        maxLagSeconds: this.maxLagSeconds,
      };
    }
    response.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
