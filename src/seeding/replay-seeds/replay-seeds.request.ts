import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { JobWaitRequest } from '../../infrastructure/jobs/job-wait.request';

export class ReplaySeedsRequest extends JobWaitRequest {
  /** true: also run the five seed articles through extraction and report where it disagrees with curation. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  articles?: boolean;
}
