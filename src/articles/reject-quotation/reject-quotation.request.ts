import { IsString, Length } from 'class-validator';

export class RejectQuotationRequest {
  /** Why it is not a position. @example "Scare quotes: not a statement" */
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
