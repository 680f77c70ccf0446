import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { DomainError } from '@domain/shared/domain-error';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { JobWaitRequest } from '../../infrastructure/jobs/job-wait.request';
import { JobsService } from '../../infrastructure/jobs/jobs.service';
import { ProjectionRunner } from '../../infrastructure/read-models/projection-runner';
import { ProjectionParams } from './projection-params.request';
import { JobResponse, ProjectionListResponse } from '../admin.response';
import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

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
  @ApiOperation({ summary: "Each projection's checkpoint and lag (events not yet applied)" })
  @ApiResponse({
    status: 200,
    description: "Each projection's checkpoint and lag",
    type: ProjectionListResponse,
  })
  async list() {
    return { projections: await this.runner.status() };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild into fresh tables while the old ones serve, then switch (a job with progress)',
  })
  @ApiErrors('PROJECTION.NOT_FOUND', 'PROJECTION.REBUILD_RUNNING')
  @ApiResponse({ status: 202, description: 'The rebuild job, running', type: JobResponse })
  @ApiResponse({ status: 200, description: 'With wait=true: the finished job', type: JobResponse })
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
