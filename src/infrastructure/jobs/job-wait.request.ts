import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class JobWaitRequest {
  /** true: answer when the job has finished (200) instead of at once (202). */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  wait?: boolean;
}
