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
import { ActorParams } from '../../positions/shared/position-params';
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
import { STARMER_ACTOR } from '../actor.examples';

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
  @ApiResponse({
    status: 200,
    description: 'The actor after the change',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: "Fix an actor's name" })
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
  @ApiResponse({
    status: 201,
    description: 'The actor with the alias',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: 'Add an alias ("Sir Keir"); one it already has is a no-op (200)' })
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
  @ApiResponse({
    status: 200,
    description: 'The actor without the alias',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: 'Remove an alias' })
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
  @ApiResponse({
    status: 201,
    description: 'The actor with the role',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: 'Assign a role held over a range of days' })
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
  @ApiResponse({
    status: 200,
    description: 'The actor with the amended role',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: 'Amend a role (e.g. set the day it ended)' })
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
  @ApiResponse({
    status: 200,
    description: 'The actor without the role',
    example: STARMER_ACTOR,
  })
  @ApiOperation({ summary: 'Remove a role recorded in error' })
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
