import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { ReplaySeedsCommand } from './replay-seeds/replay-seeds.command';

/** SEED_ON_START: a fresh store gets the seeds; a seeded one sees the replay append nothing. */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.env.SEED_ON_START) return;
    const logger = new Logger('Seeds');
    try {
      const result = await this.commands.execute(new ReplaySeedsCommand(randomUUID()));
      logger.log(
        `replayed ${result.commands} seed commands: ${result.appended} appended, ${result.unchanged} already there`,
      );
    } catch (error) {
      // A seed the store refuses (e.g. edited after it was recorded) must not keep the service down.
      logger.error(`seed replay failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
