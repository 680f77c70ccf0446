import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { ReplaySeedsCommand } from '../seeding/replay-seeds/replay-seeds.command';

/** `npm run seed`: the same replay as POST /v1/admin/seeds/replay, through the same handler, with progress. */
const main = async () => {
  const logger = new Logger('seed');
  const app = await NestFactory.createApplicationContext(
    AppModule.register({
      SEED_ON_START: 'false',
      PROJECTIONS_ENABLED: 'false',
      STANCE_INDEX_ENABLED: 'false',
    }),
    { logger: ['error', 'warn', 'log'] },
  );
  try {
    let reported = -1;
    const result = await app.get(CommandBus).execute(
      new ReplaySeedsCommand(
        randomUUID(),
        (done, total) => {
          const percent = Math.floor((done / total) * 100);
          if (percent >= reported + 10 || done === total) {
            reported = percent;
            logger.log(`progress ${done}/${total} (${percent}%)`);
          }
        },
        { articles: process.argv.includes('--articles') },
      ),
    );
    if (result.extraction) logger.log(`extraction vs curation: ${JSON.stringify(result.extraction.summary)}`);
    logger.log(
      `replayed ${result.commands} commands (${result.topics} topics, ${result.actors} actors, ${result.positions} positions): ` +
        `${result.appended} appended, ${result.unchanged} already there`,
    );
  } finally {
    await app.close();
  }
};

main().catch((error: unknown) => {
  new Logger('seed').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
