import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActorsModule } from './actors/actors.module';
import { ArticlesModule } from './articles/articles.module';
import { AdminModule } from './admin/admin.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { AppConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { ConsistencyModule } from './infrastructure/consistency/consistency.module';
import { DatabaseModule } from './infrastructure/database/database.module';
import { EventStoreModule } from './infrastructure/event-store/event-store.module';
import { HttpModule } from './infrastructure/http/http.module';
import { ReadModelModule } from './infrastructure/read-models/read-model.module';
import { PositionsModule } from './positions/positions.module';
import { SeedingModule } from './seeding/seeding.module';
import { TopicsModule } from './topics/topics.module';
import { WebModule } from './web/web.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  /** `overrides` replace environment variables: tests and the CLI boot the same module with their own settings. */
  static register(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(overrides),
        CqrsModule.forRoot(),
        DatabaseModule,
        EventStoreModule,
        ReadModelModule,
        HttpModule,
        ConsistencyModule,
        ActorsModule,
        TopicsModule,
        PositionsModule,
        SeedingModule,
        AdminModule,
        WebhooksModule,
        ArticlesModule,
        AnalyticsModule,
        HealthModule,
        WebModule,
      ],
    };
  }
}
