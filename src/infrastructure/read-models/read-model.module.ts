import { Global, Module } from '@nestjs/common';
import { ReviewQueueProjector } from '../../articles/review-queue/review-queue.projector';
import { CatalogueProjector } from '../../catalogue/catalogue.projector';
import { StanceTimelineProjector } from '../../positions/stance-timeline/stance-timeline.projector';
import { WebhookOutboxProjector } from '../../webhooks/outbox/webhook-outbox.projector';
import { WebhookOutboxModule } from '../../webhooks/webhook-outbox.module';
import { PROJECTIONS, type Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const projectors = [StanceTimelineProjector, CatalogueProjector, ReviewQueueProjector];

@Global()
@Module({
  imports: [WebhookOutboxModule],
  providers: [
    ...projectors,
    {
      provide: PROJECTIONS,
      inject: [...projectors, WebhookOutboxProjector],
      useFactory: (...all: Projection[]) => all,
    },
    ProjectionRunner,
  ],
  exports: [ProjectionRunner],
})
export class ReadModelModule {}
