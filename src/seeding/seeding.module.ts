import { Module } from '@nestjs/common';
import { ReplaySeedsController } from './replay-seeds/replay-seeds.controller';
import { ReplaySeedsHandler } from './replay-seeds/replay-seeds.handler';
import { SeededPositions } from './replay-seeds/seeded-positions';
import { SeedOnStart } from './seed-on-start';

@Module({
  controllers: [ReplaySeedsController],
  providers: [ReplaySeedsHandler, SeededPositions, SeedOnStart],
})
export class SeedingModule {}
