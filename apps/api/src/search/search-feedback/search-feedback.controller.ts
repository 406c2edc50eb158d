import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { SearchResult } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { SearchFeedbackQuery } from './search-feedback.query';
import { Requires } from '../../platform/permissions';
import { pageLimit } from '../../platform/page-params';

const SearchParamsSchema = z
  .object({
    q: z
      .string({ error: 'Say what to search for in q.' })
      .trim()
      .min(1, 'Say what to search for in q.')
      .max(200, 'A search must be at most 200 characters.')
      .describe('Words, "a phrase", or, -excluded: as in a web search engine'),
    limit: pageLimit(50, 20),
  })
  .strict();
class SearchParams extends createZodDto(SearchParamsSchema) {}

const SearchResultSchema = z.object({
  hits: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.string().describe("Status id in the workspace's workflow"),
      voteCount: z.number().int(),
      boardId: z.string(),
      mergedInto: z.uuid().nullable().describe('Merged into this item: show that one instead'),
      rank: z.number().describe('Higher is better; only comparable within one search'),
      snippet: z
        .string()
        .describe('HTML: the matching text, escaped, with <mark> around the matched words'),
    }),
  ),
}) satisfies z.ZodType<SearchResult>;
class SearchResultDto extends createZodDto(SearchResultSchema) {}

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/v1/search')
export class SearchFeedbackController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('feedback.read')
  @ApiOperation({
    summary: 'Full-text search over titles, descriptions and public comments, best match first',
  })
  @ApiOkResponse({ type: SearchResultDto })
  search(
    @QueryParams() params: SearchParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SearchResult> {
    return this.queryBus.execute(new SearchFeedbackQuery(actor, params.q, params.limit));
  }
}
