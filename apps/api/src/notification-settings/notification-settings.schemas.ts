import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  isNotificationCategory,
  notificationCategories,
  type NotificationCategory,
  type NotificationPreferencesView,
  type UnsubscribeInput,
  type UnsubscribeTokenView,
  type UpdateNotificationPreferencesInput,
} from '@chorus/domain';

const Category = z.enum(notificationCategories);
const categoryList = notificationCategories.join(', ');

const NotificationPreferencesViewSchema = z.object({
  categories: z
    .record(Category, z.boolean())
    .describe('Every category: whether its emails reach you'),
  applicable: z
    .array(Category)
    .describe('The categories that can reach you at all, in display order'),
}) satisfies z.ZodType<NotificationPreferencesView>;
export class NotificationPreferencesViewDto extends createZodDto(
  NotificationPreferencesViewSchema,
) {}

const UpdateNotificationPreferencesSchema = z
  .object({
    categories: z
      .record(z.string(), z.boolean({ error: 'Each category is true (on) or false (off).' }), {
        error: `Send categories as an object, e.g. { "shipped": false }.`,
      })
      .superRefine((categories, context) => {
        for (const name of Object.keys(categories)) {
          if (!isNotificationCategory(name)) {
            context.addIssue({
              code: 'custom',
              path: [name],
              message: `There is no category "${name}"; the categories are ${categoryList}.`,
            });
          }
        }
      })
      .transform((categories) => categories as Partial<Record<NotificationCategory, boolean>>)
      .describe('Only the categories named change'),
  })
  .strict() satisfies z.ZodType<UpdateNotificationPreferencesInput>;
export class UpdateNotificationPreferencesDto extends createZodDto(
  UpdateNotificationPreferencesSchema,
) {}

const Token = z
  .string({ error: 'Send the token of the unsubscribe link.' })
  .min(1, 'Send the token of the unsubscribe link.')
  .max(1000, 'This unsubscribe link is not valid.');

const UnsubscribeTokenQuerySchema = z.object({ token: Token });
export class UnsubscribeTokenQuery extends createZodDto(UnsubscribeTokenQuerySchema) {}

/** The one-click POST of RFC 8058 carries the token in the URL and a form body we ignore. */
const OneClickQuerySchema = z.object({ token: Token.optional() });
export class OneClickQuery extends createZodDto(OneClickQuerySchema) {}

// Mail clients' one-click POST sends a form, which is not parsed: no body reads as empty.
const UnsubscribeSchema = z.preprocess(
  (body) => (typeof body === 'object' && body !== null ? body : {}),
  z.object({ token: Token.optional() }).strict(),
) satisfies z.ZodType<Partial<UnsubscribeInput>>;
export class UnsubscribeDto extends createZodDto(UnsubscribeSchema) {}

const UnsubscribeTokenViewSchema = z.object({
  category: Category,
  workspaceName: z.string(),
  subscribed: z.boolean().describe('Whether this category still reaches the person'),
}) satisfies z.ZodType<UnsubscribeTokenView>;
export class UnsubscribeTokenViewDto extends createZodDto(UnsubscribeTokenViewSchema) {}
