import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ZodValidationPipe } from 'nestjs-zod';
import { CatalogModule } from './catalog/catalog.module';
import { CommentsModule } from './comments/comments.module';
import { CustomersModule } from './customers/customers.module';
import { FeedbackModule } from './feedback/feedback.module';
import { FollowModule } from './follow/follow.module';
import { BacklogModule } from './backlog/backlog.module';
import { SearchModule } from './search/search.module';
import { SprintsModule } from './sprints/sprints.module';
import { RoadmapModule } from './roadmap/roadmap.module';
import { ReleasesModule } from './releases/releases.module';
import { NotificationsModule } from './notifications/notifications.module';
import { NotificationSettingsModule } from './notification-settings/notification-settings.module';
import { PrioritisationModule } from './prioritisation/prioritisation.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { IdentityModule } from './identity/identity.module';
import { AuditModule } from './audit/audit.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ImportsModule } from './imports/imports.module';
import { WorkspaceExportModule } from './workspace-export/workspace-export.module';
import { MeController } from './me/me.controller';
import { AuthModule, BearerAuthGuard } from './platform/auth';
import { DatabaseModule } from './platform/database';
import type { HardeningConfig } from './platform/hardening';
import { MailerModule, type MailConfig } from './platform/mailer';
import { HealthController } from './platform/health';
import { ApiMetrics, HttpMetricsMiddleware, MetricsController } from './platform/metrics';
import { ProblemDetailsFilter } from './platform/problem-details';
import type { WebhookUrlPolicy } from '@chorus/domain';

export type ApiConfig = {
  databaseUrl: string;
  databasePoolSize: number;
  healthMaxLagSeconds: number;
  /** Which checkpoints health watches: the projections', or only the Kafka relay's. */
  transport?: 'postgres' | 'kafka';
  /** Rate limits, body limits, CORS and proxy trust: see platform/hardening.ts. */
  hardening: HardeningConfig;
  /** The SMTP server codes are mailed through; without it, what mails answers 503. */
  mail?: MailConfig;
  /** Where webhook subscriptions may point (https only by default). */
  webhooks?: WebhookUrlPolicy;
};

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        AuthModule,
        DatabaseModule.forRoot(config.databaseUrl, config.databasePoolSize),
        MailerModule.forRoot(config.mail),
        FeedbackModule,
        CatalogModule,
        CustomersModule,
        CommentsModule,
        FollowModule,
        SearchModule,
        SprintsModule,
        RoadmapModule,
        ReleasesModule,
        NotificationsModule,
        NotificationSettingsModule.forRoot(config.mail),
        BacklogModule,
        PrioritisationModule,
        DashboardsModule,
        ApiKeysModule,
        IdentityModule,
        AuditModule,
        WebhooksModule.forRoot(config.webhooks),
        ImportsModule,
        WorkspaceExportModule,
      ],
      controllers: [HealthController, MetricsController, MeController],
      providers: [
        ApiMetrics,
        { provide: 'HEALTH_MAX_LAG_SECONDS', useValue: config.healthMaxLagSeconds },
        { provide: 'EVENT_TRANSPORT', useValue: config.transport ?? 'postgres' },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
