import { Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { ReplaySeedsRequest } from './replay-seeds.request';
import { JobsService } from '../../infrastructure/jobs/jobs.service';
import { ReplaySeedsCommand } from './replay-seeds.command';

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
  @ApiResponse({
    status: 202,
    description: 'The replay job (200 with wait=true, when it is done)',
    example: {
      id: '3f0c2a9e-8d5b-4e61-a7f4-1b2c3d4e5f60',
      kind: 'seed-replay',
      status: 'succeeded',
      progress: { done: 58, total: 58 },
      startedAt: '2025-02-28T09:00:00.000Z',
      finishedAt: '2025-02-28T09:00:02.000Z',
      result: { appended: 58, unchanged: 0, commands: 58, positions: 33 },
      error: null,
    },
  })
  @ApiOperation({
    summary: 'Replay the seeds through the deciders (a job; a second replay appends nothing)',
    description:
      'With articles=true the five seed articles also run through extraction (POST /v1/articles), linked to the ' +
      'curated positions, which stay the reviewed truth; the result reports where extraction and curation disagree.',
  })
  async replay(
    @Query() { wait, articles }: ReplaySeedsRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const job = this.jobs.start('seed-replay', (progress, { id }) =>
      this.commands.execute(new ReplaySeedsCommand(id, progress, { articles })),
    );
    if (!wait) return job;
    response.status(200);
    return this.jobs.finished(job.id);
  }
}
