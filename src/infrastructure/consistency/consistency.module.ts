import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConsistencyInterceptor } from './consistency.interceptor';
import { ReadModelWatermark } from './read-model-watermark';

@Global()
@Module({
  providers: [ReadModelWatermark, { provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor }],
  exports: [ReadModelWatermark],
})
export class ConsistencyModule {}
