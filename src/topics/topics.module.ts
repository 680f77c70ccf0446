import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module';
import { RegisterTopicController } from './register-topic/register-topic.controller';
import { RegisterTopicHandler } from './register-topic/register-topic.handler';
import { RewordTopicController } from './reword-topic/reword-topic.controller';
import { RewordTopicHandler } from './reword-topic/reword-topic.handler';
import { TopicCatalogueController } from './topic-catalogue/topic-catalogue.controller';
import { TopicCatalogueHandler } from './topic-catalogue/topic-catalogue.handler';
import { TopicStancesController } from './topic-stances/topic-stances.controller';
import { TopicStancesHandler } from './topic-stances/topic-stances.handler';

@Module({
  imports: [PositionsModule],
  controllers: [
    RegisterTopicController,
    RewordTopicController,
    TopicCatalogueController,
    TopicStancesController,
  ],
  providers: [RegisterTopicHandler, RewordTopicHandler, TopicCatalogueHandler, TopicStancesHandler],
})
export class TopicsModule {}
