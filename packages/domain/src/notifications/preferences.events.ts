import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { notificationCategories } from './categories';

/**
 * A person turned categories of email on or off, in their settings or with the unsubscribe link
 * of a mail. Only the categories that changed are named: the others keep following what they
 * were, the default of the person's role until first chosen.
 */
export const NotificationPreferencesChangedV1 = defineEvent(
  'NotificationPreferencesChanged',
  1,
  z.object({
    personId: z.string().min(1),
    categories: z
      .partialRecord(z.enum(notificationCategories), z.boolean())
      .refine((categories) => Object.keys(categories).length > 0, 'Name a category that changed.'),
    /** The person themself: with a link, the mail's token speaks for them. */
    by: z.string().min(1),
    via: z.enum(['settings', 'unsubscribe_link']),
  }),
);

export type NotificationPreferencesChanged = {
  type: 'NotificationPreferencesChanged';
  data: z.infer<typeof NotificationPreferencesChangedV1.schema>;
};

export const notificationPreferencesEventDefinitions = [NotificationPreferencesChangedV1];

/** `notification-preferences-<personId>`: stream type `notification`, like a person's reads. */
export const notificationPreferencesStreamId = (personId: string): string =>
  `notification-preferences-${personId}`;
