import { Module } from '@nestjs/common';
import { ReplaySeedsController } from './replay-seeds/replay-seeds.controller';
import { ReplaySeedsHandler } from './replay-seeds/replay-seeds.handler';
import { SeedOnStart } from './seed-on-start';

@Module({
  controllers: [ReplaySeedsController],
  providers: [ReplaySeedsHandler, SeedOnStart],
})
export class SeedingModule {}
