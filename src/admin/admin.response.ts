import { ApiProperty } from '@nestjs/swagger';
import type { Job, JobStatus } from '../infrastructure/jobs/jobs.service';
import type { ProjectionStatus } from '../infrastructure/read-models/projection-runner';

export class JobProgressResponse {
  done!: number;
  total!: number;
}

export class JobResponse implements Job {
  id!: string;
  /** `seed-replay`, `projection-rebuild`, … */
  kind!: string;
  status!: JobStatus;
  progress!: JobProgressResponse;
  startedAt!: string;
  finishedAt!: string | null;
  /** What the job produced once it succeeded (a seed replay's counts, corrections and kept edits; a rebuild's). */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  result!: unknown;
  error!: string | null;
}

export class JobListResponse {
  jobs!: JobResponse[];
}

export class ProjectionStatusResponse implements ProjectionStatus {
  name!: string;
  /** Position in the log it has applied up to. */
  checkpoint!: string | null;
  eventsProcessed!: number;
  /** Events in the log not yet applied. */
  lag!: number;
  updatedAt!: string | null;
  running!: boolean;
  /** Another process holds this projection; this one takes over if that one dies. */
  standby!: boolean;
  lastError!: string | null;
}

export class ProjectionListResponse {
  projections!: ProjectionStatusResponse[];
}
