import { Module } from '@nestjs/common';
import { EventFeedController } from '../events/event-feed/event-feed.controller';
import { JobsController } from './jobs/jobs.controller';
import { ProjectionsController } from './projections/projections.controller';

@Module({
  controllers: [ProjectionsController, JobsController, EventFeedController],
})
export class AdminModule {}
