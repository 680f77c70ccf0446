import { IsOptional } from 'class-validator';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class StanceHistoryRequest {
  /** Record time: the history as we knew it then (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;
}
