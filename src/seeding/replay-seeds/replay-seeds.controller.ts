import { Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { JobWaitRequest } from '../../infrastructure/jobs/job-wait.request';
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
  @ApiOperation({ summary: 'Replay the seeds through the deciders (a job; a second replay appends nothing)' })
  async replay(@Query() { wait }: JobWaitRequest, @Res({ passthrough: true }) response: Response) {
    const job = this.jobs.start('seed-replay', (progress, { id }) =>
      this.commands.execute(new ReplaySeedsCommand(id, progress)),
    );
    if (!wait) return job;
    response.status(200);
    return this.jobs.finished(job.id);
  }
}
