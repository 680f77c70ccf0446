import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller';
import { EventFeedController } from '../events/event-feed/event-feed.controller';
import { JobsController } from './jobs/jobs.controller';
import { ProjectionsController } from './projections/projections.controller';

@Module({
  controllers: [ProjectionsController, JobsController, HealthController, EventFeedController],
})
export class AdminModule {}
