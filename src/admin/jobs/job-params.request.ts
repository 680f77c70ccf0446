import { IsUUID } from 'class-validator';

export class JobParams {
  @IsUUID()
  jobId!: string;
}
