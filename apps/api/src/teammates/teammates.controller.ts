import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ActorRole, type Teammate, type TeammateList } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../platform/auth';
import { findTeammates } from './teammates';
import { Requires } from '../platform/permissions';

const TeammateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ActorRole,
}) satisfies z.ZodType<Teammate>;
const TeammatesSchema = z.object({
  teammates: z.array(TeammateSchema),
}) satisfies z.ZodType<TeammateList>;
class TeammatesDto extends createZodDto(TeammatesSchema) {}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/teammates')
export class TeammatesController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  @Get()
  @Requires('teammates.read')
  @ApiOperation({ summary: 'The admins and staff of your workspace, for @mentions (teammates)' })
  @ApiOkResponse({ type: TeammatesDto })
  @ApiForbiddenResponse({ description: 'Customers cannot list teammates' })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<TeammatesDto> {
    return { teammates: await findTeammates(this.db, actor.workspaceId) };
  }
}
