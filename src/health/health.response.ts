import { ApiProperty } from '@nestjs/swagger';
import { ProjectionStatusResponse } from '../admin/admin.response';

export class HealthProblemResponse {
  /** `READ_MODEL.STALLED`, `READ_MODEL.LAGGING`, `DATABASE.HORIZON_HELD` or `STORE.UNAVAILABLE`. */
  code!: string;
  message!: string;
  /** The read model behind (READ_MODEL.*). */
  readModel?: string;
  /** Events it has still to apply (READ_MODEL.*). */
  lag?: number;
  /** How long it has applied nothing while events waited (READ_MODEL.STALLED). */
  stalledForMs?: number;
  /** The backend holding the oldest open transaction, when pg_stat_activity shows it (DATABASE.HORIZON_HELD). */
  @ApiProperty({ type: 'integer', nullable: true, required: false })
  pid?: number | null;
  /** How long the horizon has been held (DATABASE.HORIZON_HELD). */
  ageMs?: number;
  /** Events committed behind the horizon, not yet visible to readers (DATABASE.HORIZON_HELD). */
  eventsWaiting?: number;
}

export class HealthStoreResponse {
  engine!: string;
  readModels!: string;
  ok!: boolean;
  error?: string;
}

export class ProjectionHealthResponse extends ProjectionStatusResponse {
  /** How long it has had events waiting without its checkpoint moving. */
  stalledForMs!: number;
}

export class HealthReadsResponse {
  /** HTTP_READ_CONCURRENCY: reads that may run at once (0: no limit). */
  limit!: number;
  running!: number;
  /** Reads waiting for their turn. */
  waiting!: number;
}

export class HealthResponse {
  status!: 'ok' | 'degraded' | 'unavailable';
  @ApiProperty({
    type: [HealthProblemResponse],
    description: 'What makes it degraded, each with its own fields.',
  })
  problems!: HealthProblemResponse[];
  store!: HealthStoreResponse;
  projections!: ProjectionHealthResponse[];
  /** This process's in-memory read models (the stance index): state, checkpoint, lag, size, load time. */
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  inMemory!: Record<string, unknown>[];
  /** The xmin horizon catch-up readers wait behind, and the oldest transaction holding it (PostgreSQL). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  horizon!: Record<string, unknown>;
  /** Open event streams (SSE) of this process, against their caps. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  streams!: Record<string, unknown>;
  /** Reads running and waiting in this process, against HTTP_READ_CONCURRENCY. */
  reads!: HealthReadsResponse;
}

export class LiveResponse {
  status!: 'live';
}
