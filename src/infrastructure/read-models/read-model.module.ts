import { Global, Module } from '@nestjs/common';
import { CatalogueProjector } from '../../catalogue/catalogue.projector';
import { PositionDetailsProjector } from '../../positions/position-details/position-details.projector';
import { StanceTimelineProjector } from '../../positions/stance-timeline/stance-timeline.projector';
import { PROJECTIONS, type Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const projectors = [StanceTimelineProjector, CatalogueProjector, PositionDetailsProjector];

@Global()
@Module({
  providers: [
    ...projectors,
    { provide: PROJECTIONS, inject: projectors, useFactory: (...all: Projection[]) => all },
    ProjectionRunner,
  ],
  exports: [ProjectionRunner],
})
export class ReadModelModule {}
