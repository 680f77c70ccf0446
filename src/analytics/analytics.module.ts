import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module';
import { EventStreamController } from './event-stream/event-stream.controller';
import { EventStreams } from './event-stream/event-streams';
import { LearnedFactsController } from './learned-facts/learned-facts.controller';
import { LearnedFactsHandler } from './learned-facts/learned-facts.handler';
import { PositionExportController } from './position-export/position-export.controller';
import { PositionExportHandler } from './position-export/position-export.handler';
import { QuotationSearchController } from './quotation-search/quotation-search.controller';
import { QuotationSearchHandler } from './quotation-search/quotation-search.handler';
import { RateShiftController } from './rate-shift/rate-shift.controller';
import { RateShiftHandler } from './rate-shift/rate-shift.handler';
import { StanceChangesController } from './stance-changes/stance-changes.controller';
import { StanceChangesHandler } from './stance-changes/stance-changes.handler';
import { StanceComparisonController } from './stance-comparison/stance-comparison.controller';
import { StanceComparisonHandler } from './stance-comparison/stance-comparison.handler';
import { StanceShiftsController } from './stance-shifts/stance-shifts.controller';
import { StanceShiftsHandler } from './stance-shifts/stance-shifts.handler';

@Module({
  imports: [PositionsModule],
  controllers: [
    StanceShiftsController,
    RateShiftController,
    StanceComparisonController,
    StanceChangesController,
    LearnedFactsController,
    QuotationSearchController,
    EventStreamController,
    PositionExportController,
  ],
  providers: [
    StanceShiftsHandler,
    RateShiftHandler,
    StanceComparisonHandler,
    StanceChangesHandler,
    LearnedFactsHandler,
    QuotationSearchHandler,
    PositionExportHandler,
    EventStreams,
  ],
  exports: [EventStreams],
})
export class AnalyticsModule {}
