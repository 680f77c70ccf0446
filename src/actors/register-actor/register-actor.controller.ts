import { Body, Controller, Post, Res } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { RegisterActorCommand } from './register-actor.command';

import { RegisterActorRequest } from './register-actor.request';

import { toRole } from './to-role';

import { ActorWriteResponse } from '../actor-catalogue/actor.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('actors')
@Controller('v1/actors')
export class RegisterActorController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequiresRole('editor')
  @ApiOperation({
    summary: 'Register an actor (201); the same registration again is a no-op (200); other details, 409',
  })
  @ApiErrors(
    'ACTOR.ALREADY_REGISTERED',
    'ACTOR.INVALID_ID',
    'ACTOR.ROLE_RANGE_INVALID',
    'ACTOR.ROLE_ID_CONFLICT',
  )
  @ApiResponse({ status: 201, description: 'Registered', type: ActorWriteResponse })
  @ApiResponse({
    status: 200,
    description: 'The same registration again: nothing new',
    type: ActorWriteResponse,
  })
  async register(
    @Body() body: RegisterActorRequest,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new RegisterActorCommand(
        {
          actorId: body.id,
          name: body.name.trim(),
          kind: body.kind,
          aliases: body.aliases ?? [],
          roles: (body.roles ?? []).map(toRole),
        },
        metadata,
      ),
    );
    response.status(result.appended ? 201 : 200);
    return { actorId: result.actorId, revision: result.revision };
  }
}
