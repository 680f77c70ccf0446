import { IsISO8601, IsOptional } from 'class-validator';

export class StanceHistoryRequest {
  /** Record time: the history as we knew it then (ISO 8601). Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;
}
