import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { JobsService } from '../../infrastructure/jobs/jobs.service';

class JobParams {
  @IsUUID()
  jobId!: string;
}

@ApiTags('admin')
@Controller('v1/admin/jobs')
@RequiresRole('admin')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @ApiResponse({
    status: 200,
    description: 'Recent jobs',
    example: [
      {
        id: '3f0c2a9e-8d5b-4e61-a7f4-1b2c3d4e5f60',
        kind: 'seed-replay',
        status: 'succeeded',
        progress: { done: 58, total: 58 },
        startedAt: '2025-02-28T09:00:00.000Z',
        finishedAt: '2025-02-28T09:00:02.000Z',
        result: { appended: 58, unchanged: 0, commands: 58, positions: 33 },
        error: null,
      },
    ],
  })
  @ApiOperation({ summary: 'Recent admin jobs (seed replays, rebuilds) with their progress' })
  list() {
    return { jobs: this.jobs.list() };
  }

  @Get(':jobId')
  @ApiResponse({
    status: 200,
    description: 'The job',
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
  @ApiOperation({ summary: "One job's status and progress" })
  one(@Param() { jobId }: JobParams) {
    return this.jobs.get(jobId);
  }
}
