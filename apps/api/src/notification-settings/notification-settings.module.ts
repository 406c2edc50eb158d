import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnsubscribeTokens, loadUnsubscribeTokens } from '@chorus/worker';
import type { MailConfig } from '../platform/mailer';
import { ChangeNotificationPreferencesHandler } from './preferences/change-notification-preferences.handler';
import { GetNotificationPreferencesHandler } from './preferences/get-notification-preferences.handler';
import { NotificationPreferencesController } from './preferences/notification-preferences.controller';
import { DescribeUnsubscribeHandler } from './unsubscribe/describe-unsubscribe.handler';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeHandler } from './unsubscribe/unsubscribe.handler';
import {
  DIGEST_SETTINGS,
  digestPollMs,
  digestScheduleFromEnv,
} from './weekly-digest/digest-schedule';
import {
  WeeklyDigestScheduler,
  type DigestSettings,
} from './weekly-digest/weekly-digest-scheduler';

/**
 * Email preferences and the unsubscribe links of the worker's mails; with mail set up, the
 * weekly digest's scheduler too.
 */
@Module({})
export class NotificationSettingsModule {
  static forRoot(mail: MailConfig | undefined): DynamicModule {
    const digest: Provider[] = mail
      ? [
          {
            provide: DIGEST_SETTINGS,
            useFactory: (): DigestSettings => ({
              schedule: digestScheduleFromEnv(),
              pollMs: digestPollMs(),
              now: mail.now ?? (() => new Date()),
            }),
          },
          WeeklyDigestScheduler,
        ]
      : [];
    return {
      module: NotificationSettingsModule,
      controllers: [NotificationPreferencesController, UnsubscribeController],
      providers: [
        {
          provide: UnsubscribeTokens,
          inject: [DataSource],
          useFactory: (db: DataSource) => loadUnsubscribeTokens(db.manager),
        },
        GetNotificationPreferencesHandler,
        ChangeNotificationPreferencesHandler,
        DescribeUnsubscribeHandler,
        UnsubscribeHandler,
        ...digest,
      ],
    };
  }
}
