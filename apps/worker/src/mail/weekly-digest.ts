export type { WeeklyDigest } from './templates/weekly-digest-mail';

/** A digest's delivery: one per person and reported week, so none is ever sent twice. */
export const weeklyDigestDeliveryId = (personId: string, week: string): string =>
  `weekly_digest.${personId}.${week}`;
