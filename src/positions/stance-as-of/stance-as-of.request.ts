import { Matches } from 'class-validator';
import { DOTTED_ID } from '@domain/shared/ids';
import { ActorParams } from '../shared/position-params.request';

export class StanceParams extends ActorParams {
  @Matches(DOTTED_ID, { message: 'topicId must be a dotted topic id such as ukraine.security-guarantees.us' })
  topicId!: string;
}
