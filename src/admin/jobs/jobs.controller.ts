import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { JobsService } from '../../infrastructure/jobs/jobs.service';
import { JOB_EXAMPLE } from '../../infrastructure/jobs/job.examples';

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
    example: [JOB_EXAMPLE],
  })
  @ApiOperation({ summary: 'Recent admin jobs (seed replays, rebuilds) with their progress' })
  list() {
    return { jobs: this.jobs.list() };
  }

  @Get(':jobId')
  @ApiResponse({
    status: 200,
    description: 'The job',
    example: JOB_EXAMPLE,
  })
  @ApiOperation({ summary: "One job's status and progress" })
  one(@Param() { jobId }: JobParams) {
    return this.jobs.get(jobId);
  }
}
