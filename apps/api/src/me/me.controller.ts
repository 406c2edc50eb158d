import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ActorRole, type Me } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../platform/auth';
import { meOf } from './me';
import { Requires } from '../platform/permissions';

const MeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ActorRole,
  workspace: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
}) satisfies z.ZodType<Me>;
class MeDto extends createZodDto(MeSchema) {}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  @Get()
  @Requires('profile.read')
  @ApiOperation({ summary: 'Who the token belongs to, and their workspace' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: AuthenticatedActor): Promise<MeDto> {
    return meOf(this.db, actor);
  }
}
