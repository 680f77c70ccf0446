import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './app.setup';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

const bootstrap = async () => {
  const app = await NestFactory.create(AppModule.register(), APP_OPTIONS);
  configureApp(app);
  const { env } = app.get(AppConfig);
  app.useLogger(LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(env.LOG_LEVEL) + 1));
  await app.listen(env.PORT);
  new Logger('Positions').log(`listening on :${env.PORT} (${env.EVENT_STORE}); OpenAPI at /docs`);
};

bootstrap().catch((error: unknown) => {
  new Logger('Positions').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
