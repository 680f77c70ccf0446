import { Controller, HttpCode, Post, Query, Res } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { FastifyReply } from 'fastify';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { ReplaySeedsRequest } from './replay-seeds.request';

import { JobsService } from '../../infrastructure/jobs/jobs.service';

import { ReplaySeedsCommand } from './replay-seeds.command';

import { JobResponse } from '../../admin/admin.response';

@ApiTags('admin')
@Controller('v1/admin/seeds/replay')
export class ReplaySeedsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly jobs: JobsService,
  ) {}

  @Post()
  @HttpCode(202)
  @RequiresRole('admin')
  @ApiOperation({
    summary: 'Replay the seeds through the deciders (a job; a second replay appends nothing)',
    description:
      'With articles=true the five seed articles also run through extraction (POST /v1/articles), linked to the ' +
      'curated positions, which stay the reviewed truth; the result reports where extraction and curation disagree.',
  })
  @ApiResponse({ status: 202, description: 'The replay job, running', type: JobResponse })
  @ApiResponse({
    status: 200,
    description: 'With wait=true: the finished job and its result',
    type: JobResponse,
  })
  async replay(
    @Query() { wait, articles }: ReplaySeedsRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const job = this.jobs.start('seed-replay', (progress, { id }) =>
      this.commands.execute(new ReplaySeedsCommand(id, progress, { articles })),
    );
    if (!wait) return job;
    response.status(200);
    return this.jobs.finished(job.id);
  }
}
