import { Matches } from 'class-validator';
import { KEBAB_ID } from '@domain/shared/ids';

export class ActorParams {
  @Matches(KEBAB_ID, { message: 'actorId must be a kebab-case actor id such as keir-starmer' })
  actorId!: string;
}

export class PositionParams extends ActorParams {
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
    message: 'positionId must be a position id as returned when it was recorded',
  })
  positionId!: string;
}
