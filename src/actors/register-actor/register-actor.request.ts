import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ACTOR_KINDS, type ActorKind } from '@domain/actors';
import { KEBAB_ID } from '@domain/shared/ids';
import { RoleRequest } from './role.request';

export class RegisterActorRequest {
  /** Kebab-case full name: @example "keir-starmer" */
  @Matches(KEBAB_ID, { message: 'id must be the kebab-case full name, e.g. keir-starmer' })
  @Length(1, 100)
  id!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(ACTOR_KINDS)
  kind!: ActorKind;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoleRequest)
  roles?: RoleRequest[];
}
