import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type HealthReport, ReadModelHealth } from './read-model-health';
import { HealthResponse, LiveResponse } from './health.response';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: ReadModelHealth) {}

  @Get()
  @ApiOperation({
    summary:
      'The store, each projection (checkpoint, lag, stall), the xmin horizon, event streams: ok, degraded (200) or unavailable (503)',
  })
  @ApiResponse({ status: 200, description: 'ok or degraded, with the problems named', type: HealthResponse })
  @ApiResponse({
    status: 503,
    description: 'unavailable: the database does not answer',
    type: HealthResponse,
  })
  async report(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status === 'unavailable') response.status(503);
    return report;
  }

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: 200 while the process serves HTTP; asks nothing of the database' })
  @ApiResponse({ status: 200, description: 'The process serves HTTP', type: LiveResponse })
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: 200 when ok; 503 when degraded (read models stalled or far behind, xmin horizon held) or unavailable',
  })
  @ApiResponse({ status: 200, description: 'ok', type: HealthResponse })
  @ApiResponse({
    status: 503,
    description: 'degraded or unavailable, with the problems named',
    type: HealthResponse,
  })
  async ready(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status !== 'ok') response.status(503);
    return report;
  }
}
