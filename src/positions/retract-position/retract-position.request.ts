import { IsString, Length } from 'class-validator';

export class RetractPositionRequest {
  /** Why the record should never have existed, e.g. a misattributed quote. */
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
