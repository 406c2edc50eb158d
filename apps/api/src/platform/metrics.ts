import { Controller, Get, Header, Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { Public } from './auth';
import { readProjectionLag } from './projection-lag';

@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'chorus_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly commandConflicts = new Counter({
    name: 'chorus_command_conflicts_total',
    help: 'Commands that met a concurrent write (retried or answered 409/412).',
    registers: [this.registry],
  });

  constructor(@Inject(DataSource) db: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'chorus_api_' });
    new Gauge({
      name: 'chorus_projection_lag_events',
      help: 'Events in the log not yet applied, per projection.',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const lag of await readProjectionLag(db))
          this.set({ projection: lag.projection }, lag.eventsBehind);
      },
    });
  }
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(ApiMetrics) private readonly metrics: ApiMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}

@ApiExcludeController()
@Controller('api/metrics')
export class MetricsController {
  constructor(@Inject(ApiMetrics) private readonly metrics: ApiMetrics) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
