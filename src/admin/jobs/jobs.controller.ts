import { Controller, Get, Param } from '@nestjs/common';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { JobsService } from '../../infrastructure/jobs/jobs.service';

import { JobParams } from './job-params.request';

import { JobListResponse, JobResponse } from '../admin.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('admin')
@Controller('v1/admin/jobs')
@RequiresRole('admin')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @ApiOperation({ summary: 'Recent admin jobs (seed replays, rebuilds) with their progress' })
  @ApiResponse({ status: 200, description: 'Recent jobs', type: JobListResponse })
  list() {
    return { jobs: this.jobs.list() };
  }

  @Get(':jobId')
  @ApiOperation({ summary: "One job's status and progress" })
  @ApiErrors('JOB.NOT_FOUND')
  @ApiResponse({ status: 200, description: 'The job', type: JobResponse })
  one(@Param() { jobId }: JobParams) {
    return this.jobs.get(jobId);
  }
}
