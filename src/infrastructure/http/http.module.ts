import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { ApiKeys } from './api-keys';
import { AuthGuard } from './auth.guard';
import { DomainErrorFilter } from './domain-error.filter';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ReadGate } from './read-gate';
import { RouteRoles } from './route-roles';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    ApiKeys,
    RouteRoles,
    JobsService,
    IdempotencyInterceptor,
    {
      provide: ReadGate,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new ReadGate(config.env.HTTP_READ_CONCURRENCY),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
  exports: [ApiKeys, JobsService, IdempotencyInterceptor, RouteRoles, ReadGate],
})
export class HttpModule {}
