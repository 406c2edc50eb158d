import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookEventTypes } from '@chorus/domain';
import { catalogKey, eventCatalog } from '@chorus/contracts';
import { publishedEventTypes } from '@chorus/event-store';
import { Requires } from '../../platform/permissions';

/** Registered before the `:id` routes: `event-types` is no webhook id. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class WebhookEventTypesController {
  @Get('event-types')
  @Requires('integrations.manage')
  @ApiOperation({
    summary:
      'The CloudEvent types a subscription can choose, each with what it means (from the published contracts)',
  })
  @ApiOkResponse({ description: 'WebhookEventTypes' })
  eventTypes(): WebhookEventTypes {
    return {
      items: publishedEventTypes().map((published) => ({
        type: published.cloudEventType,
        eventType: published.type,
        context: published.context,
        description:
          eventCatalog[catalogKey(published.type, published.schemaVersion)]?.description ?? '',
      })),
    };
  }
}
