import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import cluster, { type Worker } from 'node:cluster';
import { AppConfig } from './config/app-config';
import { validateEnvironment } from './config/environment';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp, createHttpAdapter } from './app.setup';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
const RESPAWN_DELAY_MS = 1_000;

const bootstrap = async () => {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(),
    createHttpAdapter(),
    APP_OPTIONS,
  );
  await configureApp(app);
  const { env } = app.get(AppConfig);
  app.useLogger(LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(env.LOG_LEVEL) + 1));
  // Every interface, as Express (Node's default) listened; Fastify alone would listen on localhost only.
  await app.listen(env.PORT, '::');
  const worker = cluster.isWorker ? ` (HTTP worker ${cluster.worker?.id})` : '';
  new Logger('Positions').log(`listening on :${env.PORT} (${env.EVENT_STORE})${worker}; OpenAPI at /docs`);
};

/**
 * HTTP_WORKERS > 1: this process only forks the workers, which share PORT (node:cluster hands connections
 * round-robin) and respawns any that dies. Worker 0 seeds and projects as configured; the others only serve
 * (leadership is per-projection advisory locks anyway: keeping them in one process keeps one shared read).
 */
const superviseWorkers = (count: number): void => {
  const logger = new Logger('Positions');
  const slots = new Map<Worker, number>();
  let stopping = false;
  const fork = (slot: number) => {
    const worker = cluster.fork(slot === 0 ? {} : { PROJECTIONS_ENABLED: 'false', SEED_ON_START: 'false' });
    slots.set(worker, slot);
  };
  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker) ?? 0;
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit(0);
      return;
    }
    logger.error(`HTTP worker ${slot} exited (${signal ?? code}); starting another`);
    setTimeout(() => fork(slot), RESPAWN_DELAY_MS);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    if (slots.size === 0) process.exit(0);
    for (const worker of slots.keys()) worker.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  logger.log(`starting ${count} HTTP workers`);
  // The others start once the first listens: it has migrated, seeded, and made DATA_DIR's files (keys) by then.
  let othersStarted = false;
  cluster.on('listening', () => {
    if (othersStarted) return;
    othersStarted = true;
    for (let slot = 1; slot < count; slot++) fork(slot);
  });
  fork(0);
};

const main = async () => {
  if (cluster.isPrimary) {
    const { HTTP_WORKERS } = validateEnvironment(process.env);
    if (HTTP_WORKERS > 1) return superviseWorkers(HTTP_WORKERS);
  }
  await bootstrap();
};

main().catch((error: unknown) => {
  new Logger('Positions').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
