import { IsString, Length, Matches } from 'class-validator';
import { ActorParams } from '../../positions/shared/position-params.request';

export class RenameActorRequest {
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class AddAliasRequest {
  @IsString()
  @Length(1, 200)
  alias!: string;
}

export class RemoveRoleRequest {
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class AliasParams extends ActorParams {
  @IsString()
  @Length(1, 200)
  alias!: string;
}

export class RoleParams extends ActorParams {
  @Matches(/^[a-z0-9-]{1,250}$/, { message: 'roleId must be a role id as listed on the actor' })
  roleId!: string;
}
