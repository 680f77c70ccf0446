import { Module } from '@nestjs/common';
import { TopicLookup } from '../topics/topic-lookup/topic-lookup';
import { ActorHistoryController } from './actor-history/actor-history.controller';
import { ActorHistoryHandler } from './actor-history/actor-history.handler';
import { AddSourceHandler } from './add-source/add-source.handler';
import { CorrectPositionHandler } from './correct-position/correct-position.handler';
import { PositionChangesController } from './position-changes/position-changes.controller';
import { PositionDetailController } from './position-detail/position-detail.controller';
import { PositionDetailHandler } from './position-detail/position-detail.handler';
import { RecordPositionController } from './record-position/record-position.controller';
import { RecordPositionHandler } from './record-position/record-position.handler';
import { RetractPositionHandler } from './retract-position/retract-position.handler';
import { CatalogueChecks } from './shared/catalogue-checks';
import { StanceAsOfController } from './stance-as-of/stance-as-of.controller';
import { StanceAsOfJsonHandler } from './stance-as-of/stance-as-of-json.handler';
import { StanceAsOfHandler } from './stance-as-of/stance-as-of.handler';
import { StanceAsOfSql } from './stance-as-of/stance-as-of.sql';
import { StanceHistoryController } from './stance-history/stance-history.controller';
import { LiveStanceIndex } from './stance-index/live-stance-index';
import { StanceHistoryHandler } from './stance-history/stance-history.handler';
import { WithdrawPositionHandler } from './withdraw-position/withdraw-position.handler';

@Module({
  controllers: [
    RecordPositionController,
    PositionChangesController,
    StanceAsOfController,
    StanceHistoryController,
    PositionDetailController,
    ActorHistoryController,
  ],
  providers: [
    RecordPositionHandler,
    AddSourceHandler,
    WithdrawPositionHandler,
    CorrectPositionHandler,
    RetractPositionHandler,
    StanceAsOfHandler,
    StanceAsOfJsonHandler,
    StanceAsOfSql,
    LiveStanceIndex,
    StanceHistoryHandler,
    PositionDetailHandler,
    ActorHistoryHandler,
    CatalogueChecks,
    TopicLookup,
  ],
  exports: [CatalogueChecks],
})
export class PositionsModule {}
