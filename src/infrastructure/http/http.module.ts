import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JobsService } from '../jobs/jobs.service';
import { ApiKeys } from './api-keys';
import { AuthGuard } from './auth.guard';
import { DomainErrorFilter } from './domain-error.filter';
import { IdempotencyInterceptor } from './idempotency.interceptor';

@Global()
@Module({
  providers: [
    ApiKeys,
    JobsService,
    IdempotencyInterceptor,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
  exports: [ApiKeys, JobsService, IdempotencyInterceptor],
})
export class HttpModule {}
