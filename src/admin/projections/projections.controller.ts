import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsString, Length } from 'class-validator';
import { DomainError } from '@domain/shared/domain-error';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { JobWaitRequest } from '../../infrastructure/jobs/job-wait.request';
import { JobsService } from '../../infrastructure/jobs/jobs.service';
import { ProjectionRunner } from '../../infrastructure/read-models/projection-runner';

class ProjectionParams {
  @IsString()
  @Length(1, 100)
  name!: string;
}

class ProjectionNotFoundError extends DomainError {
  readonly code = 'PROJECTION.NOT_FOUND';
  constructor(name: string, known: string[]) {
    super(`No projection "${name}"; there are ${known.join(', ')}.`, { name, known });
  }
}

class RebuildRunningError extends DomainError {
  readonly code = 'PROJECTION.REBUILD_RUNNING';
  constructor(name: string, jobId: string) {
    super(`Projection "${name}" is already being rebuilt (job ${jobId}).`, { name, jobId });
  }
}

@ApiTags('admin')
@Controller('v1/admin/projections')
@RequiresRole('admin')
export class ProjectionsController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'Every projection',
    example: [
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
  })
  @ApiOperation({ summary: "Each projection's checkpoint and lag (events not yet applied)" })
  async list() {
    return { projections: await this.runner.status() };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    description: 'The rebuild job',
    example: {
      id: '3f0c2a9e-8d5b-4e61-a7f4-1b2c3d4e5f60',
      kind: 'projection-rebuild',
      status: 'running',
      progress: { done: 58, total: 58 },
      startedAt: '2025-02-28T09:00:00.000Z',
      finishedAt: null,
      result: null,
      error: null,
    },
  })
  @ApiOperation({
    summary: 'Rebuild into fresh tables while the old ones serve, then switch (a job with progress)',
  })
  async rebuild(
    @Param() { name }: ProjectionParams,
    @Query() { wait }: JobWaitRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    if (!this.runner.find(name))
      throw new ProjectionNotFoundError(
        name,
        this.runner.list().map((projection) => projection.name),
      );
    const running = this.jobs.running(`rebuild:${name}`);
    if (running) throw new RebuildRunningError(name, running.id);
    const job = this.jobs.start(`rebuild:${name}`, (progress) => this.runner.rebuild(name, progress));
    if (!wait) return job;
    response.status(200);
    return this.jobs.finished(job.id);
  }
}
