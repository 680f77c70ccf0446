import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { HealthController } from './health.controller';
import { ReadModelHealth } from './read-model-health';

@Module({
  imports: [AnalyticsModule],
  controllers: [HealthController],
  providers: [ReadModelHealth],
})
export class HealthModule {}
