import { Body, Controller, Delete, Param, Patch, Post, Put, Res } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { FastifyReply } from 'fastify';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import {
  RequestMetadata,
  WriteConditions,
  type WriteConditionsValue,
} from '../../infrastructure/http/request-metadata.decorator';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { ActorParams } from '../../positions/shared/position-params.request';

import { RoleRequest } from '../register-actor/role.request';

import { toRole } from '../register-actor/to-role';

import { EditActorCommand } from './edit-actor.command';

import {
  AddAliasRequest,
  AliasParams,
  RemoveRoleRequest,
  RenameActorRequest,
  RoleParams,
} from './edit-actor.request';

import { ActorWriteResponse } from '../actor-catalogue/actor.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('actors')
@Controller('v1/actors/:actorId')
@RequiresRole('editor')
export class EditActorController {
  constructor(private readonly commands: CommandBus) {}

  private async edit(
    actorId: string,
    edit: EditActorCommand['edit'],
    metadata: EventMetadata,
    conditions: WriteConditionsValue,
    response: FastifyReply,
    created = 200,
  ) {
    const result = await this.commands.execute(
      new EditActorCommand(actorId, edit, metadata, conditions.expectedRevision),
    );
    response.status(result.appended ? created : 200);
    return { actorId, revision: result.revision };
  }

  @Patch()
  @ApiOperation({ summary: "Fix an actor's name" })
  @ApiErrors('ACTOR.NOT_FOUND', 'EVENT_STORE.CONCURRENCY_CONFLICT', 'ACTOR.NOTHING_TO_CHANGE')
  @ApiResponse({ status: 200, description: 'Renamed (or already so)', type: ActorWriteResponse })
  rename(
    @Param() { actorId }: ActorParams,
    @Body() { name }: RenameActorRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const edit = (recordedAt: string) => ({
      type: 'RenameActor' as const,
      data: { actorId, name: name.trim(), recordedAt },
    });
    return this.edit(actorId, edit, metadata, conditions, response);
  }

  @Post('aliases')
  @ApiOperation({ summary: 'Add an alias ("Sir Keir"); one it already has is a no-op (200)' })
  @ApiErrors('ACTOR.NOT_FOUND', 'EVENT_STORE.CONCURRENCY_CONFLICT')
  @ApiResponse({ status: 201, description: 'Alias added', type: ActorWriteResponse })
  @ApiResponse({ status: 200, description: 'Already an alias', type: ActorWriteResponse })
  addAlias(
    @Param() { actorId }: ActorParams,
    @Body() { alias }: AddAliasRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const edit = (recordedAt: string) => ({
      type: 'AddActorAlias' as const,
      data: { actorId, alias, recordedAt },
    });
    return this.edit(actorId, edit, metadata, conditions, response, 201);
  }

  @Delete('aliases/:alias')
  @ApiOperation({ summary: 'Remove an alias' })
  @ApiErrors('ACTOR.NOT_FOUND', 'EVENT_STORE.CONCURRENCY_CONFLICT', 'ACTOR.ALIAS_NOT_FOUND')
  @ApiResponse({ status: 200, description: 'Alias removed', type: ActorWriteResponse })
  removeAlias(
    @Param() { actorId, alias }: AliasParams,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const edit = (recordedAt: string) => ({
      type: 'RemoveActorAlias' as const,
      data: { actorId, alias, recordedAt },
    });
    return this.edit(actorId, edit, metadata, conditions, response);
  }

  @Post('roles')
  @ApiOperation({ summary: 'Assign a role held over a range of days' })
  @ApiErrors(
    'ACTOR.NOT_FOUND',
    'EVENT_STORE.CONCURRENCY_CONFLICT',
    'ACTOR.ROLE_RANGE_INVALID',
    'ACTOR.ROLE_ID_CONFLICT',
  )
  @ApiResponse({ status: 201, description: 'Role assigned', type: ActorWriteResponse })
  @ApiResponse({ status: 200, description: 'Already assigned', type: ActorWriteResponse })
  assignRole(
    @Param() { actorId }: ActorParams,
    @Body() body: RoleRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const edit = (recordedAt: string) => ({
      type: 'AssignActorRole' as const,
      data: { ...toRole(body), actorId, recordedAt },
    });
    return this.edit(actorId, edit, metadata, conditions, response, 201);
  }

  @Put('roles/:roleId')
  @ApiOperation({ summary: 'Amend a role (e.g. set the day it ended)' })
  @ApiErrors(
    'ACTOR.NOT_FOUND',
    'EVENT_STORE.CONCURRENCY_CONFLICT',
    'ACTOR.ROLE_NOT_FOUND',
    'ACTOR.ROLE_RANGE_INVALID',
    'ACTOR.NOTHING_TO_CHANGE',
  )
  @ApiResponse({ status: 200, description: 'Role amended', type: ActorWriteResponse })
  amendRole(
    @Param() { actorId, roleId }: RoleParams,
    @Body() body: RoleRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const edit = (recordedAt: string) => ({
      type: 'AmendActorRole' as const,
      data: { ...toRole(body), roleId, actorId, recordedAt },
    });
    return this.edit(actorId, edit, metadata, conditions, response);
  }

  @Delete('roles/:roleId')
  @ApiOperation({ summary: 'Remove a role recorded in error' })
  @ApiErrors('ACTOR.NOT_FOUND', 'EVENT_STORE.CONCURRENCY_CONFLICT', 'ACTOR.ROLE_NOT_FOUND')
  @ApiResponse({ status: 200, description: 'Role removed', type: ActorWriteResponse })
  removeRole(
    @Param() { actorId, roleId }: RoleParams,
    @Body() { reason }: RemoveRoleRequest,
    @RequestMetadata() metadata: EventMetadata,
    @WriteConditions() conditions: WriteConditionsValue,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const edit = (recordedAt: string) => ({
      type: 'RemoveActorRole' as const,
      data: { actorId, roleId, reason, recordedAt },
    });
    return this.edit(actorId, edit, metadata, conditions, response);
  }
}
