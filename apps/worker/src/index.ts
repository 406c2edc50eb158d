export { startWorker, type RunningWorker, type WorkerOptions } from './worker';
export { projections } from './projections';
export { WEBHOOKS_CHANNEL } from './projections/webhook-deliveries/webhook-deliveries.projection';
export {
  MAIL_CHANNEL,
  emailOutboxProjection,
} from './projections/email-outbox/email-outbox.projection';
export { DEFAULT_MAIL_FROM, type MailOptions } from './mail/mail-options';
export { weeklyDigestDeliveryId, type WeeklyDigest } from './mail/weekly-digest';
export { findMailPerson, readNotificationPreferences, type MailPerson } from './mail/mail-people';
export {
  UnsubscribeTokens,
  loadUnsubscribeTokens,
  type UnsubscribeScope,
} from './mail/unsubscribe-tokens';
