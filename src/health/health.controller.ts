import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SqlClient } from '../infrastructure/database/sql-client';
import { EventStore } from '../infrastructure/event-store/event-store.port';
import { ProjectionRunner } from '../infrastructure/read-models/projection-runner';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly projections: ProjectionRunner,
  ) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'Healthy',
    example: {
      status: 'ok',
      eventStore: 'pglite',
      projections: [
        {
          name: 'stance-timeline',
          checkpoint: '1234.58',
          eventsProcessed: 58,
          lag: 0,
          updatedAt: '2025-02-28T09:00:02.000Z',
          running: true,
          standby: false,
          lastError: null,
        },
      ],
      inMemory: [
        {
          name: 'stance-index',
          state: 'ready',
          checkpoint: '1234.58',
          eventsApplied: 58,
          lag: 0,
          lastError: null,
          actors: 12,
          versions: 41,
          jsonBytes: 4194304,
          loadMs: 35,
        },
      ],
    },
  })
  @ApiOperation({
    summary: 'The store and each projection (checkpoint, lag); 503 when the store does not answer',
  })
  async health(@Res({ passthrough: true }) response: FastifyReply) {
    try {
      await this.sql.query('SELECT 1');
      const projections = await this.projections.status();
      return {
        status: 'ok',
        store: { engine: this.store.engine, readModels: this.sql.engine, ok: true },
        projections,
        inMemory: await this.projections.localStatus(),
      };
    } catch (error) {
      response.status(503);
      return {
        status: 'unavailable',
        store: {
          engine: this.store.engine,
          readModels: this.sql.engine,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        },
        projections: [],
        inMemory: [],
      };
    }
  }
}
