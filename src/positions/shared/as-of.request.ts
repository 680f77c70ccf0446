import { IsOptional } from 'class-validator';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

/** Both times of every read: valid time `at` and record time `knownAt`, each defaulting to now. */
export class AsOfRequest {
  /** Valid time: the stance in force at this moment (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  at?: string;

  /** Record time: as we knew it at this moment (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;
}

export const resolveAsOf = (request: AsOfRequest, now: Date): { at: Date; knownAt: Date } => ({
  at: request.at ? new Date(request.at) : now,
  knownAt: request.knownAt ? new Date(request.knownAt) : now,
});
