import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SqlClient } from '../database/sql-client';
import { EventStore } from '../event-store/event-store.port';
import { LeadershipLock } from './leadership-lock';
import type { LocalReadModel, LocalReadModelStatus } from './local-read-model';
import { LogConsumer } from './log-consumer';
import { type Projection, PROJECTIONS } from './projection';
import { CheckpointMovedError, ProjectionProcessor } from './projection-processor';
import { type Progress, ProjectionRebuilder } from './projection-rebuilder';

export type { Progress } from './projection-rebuilder';

export type ProjectionStatus = {
  name: string;
  checkpoint: string | null;
  eventsProcessed: number;
  lag: number;
  updatedAt: string | null;
  running: boolean;
  /** Another process holds this projection; this one takes over if that one dies. */
  standby: boolean;
  lastError: string | null;
};

const LAG_CAP = 1_000_000;

/**
 * Wires the parts: the leadership lock decides which projections run here, log consumers feed their processors
 * (one consumer per distinct checkpoint), and the rebuilder replaces a projection's tables while it serves.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly processors: ProjectionProcessor[];
  private readonly consumerOf = new Map<ProjectionProcessor, LogConsumer>();
  private readonly leadership: LeadershipLock;
  private readonly rebuilder: ProjectionRebuilder;
  private readonly locals: LocalReadModel[] = [];
  private stopping = false;

  constructor(
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly config: AppConfig,
  ) {
    this.processors = projections.map((projection) => new ProjectionProcessor(projection, sql));
    this.leadership = new LeadershipLock(sql, this.logger);
    this.rebuilder = new ProjectionRebuilder(store, sql, config.env.PROJECTION_BATCH_SIZE);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.env.PROJECTIONS_ENABLED) return;
    const leading: ProjectionProcessor[] = [];
    for (const processor of this.processors)
      if (await this.leadership.take(processor.name, () => this.start([processor]))) leading.push(processor);
    await this.start(leading);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const consumers = new Set(this.consumerOf.values());
    this.consumerOf.clear();
    await Promise.all([...consumers].map((consumer) => consumer.stop()));
    await this.leadership.releaseAll();
  }

  list(): Projection[] {
    return this.projections;
  }

  find(name: string): Projection | undefined {
    return this.projections.find((projection) => projection.name === name);
  }

  async status(): Promise<ProjectionStatus[]> {
    const rows = await this.sql.query<{
      projection_name: string;
      checkpoint: string | null;
      events_processed: string;
      updated_at: Date;
    }>('SELECT projection_name, checkpoint, events_processed::text, updated_at FROM projection_checkpoints');
    return Promise.all(
      this.processors.map(async (processor) => {
        const row = rows.find((candidate) => candidate.projection_name === processor.name);
        const checkpoint = row?.checkpoint ?? null;
        return {
          name: processor.name,
          checkpoint,
          eventsProcessed: Number(row?.events_processed ?? 0),
          lag: await this.store.countAfter(checkpoint, LAG_CAP),
          updatedAt: row ? new Date(row.updated_at).toISOString() : null,
          running: this.consumerOf.has(processor),
          standby: this.leadership.standingBy(processor.name),
          lastError: processor.lastError,
        };
      }),
    );
  }

  /** In-memory read models of this process, reported beside the projections. */
  registerLocal(model: LocalReadModel): void {
    this.locals.push(model);
  }

  localModels(): readonly LocalReadModel[] {
    return this.locals;
  }

  localStatus(): Promise<LocalReadModelStatus[]> {
    return Promise.all(this.locals.map((model) => model.status()));
  }

  async rebuild(
    name: string,
    progress: Progress = () => undefined,
  ): Promise<{ events: number; checkpoint: string | null }> {
    const processor = this.processors.find((candidate) => candidate.name === name);
    if (!processor) throw new Error(`unknown projection ${name}`);
    const rebuilt = await this.rebuilder.rebuild(processor, progress);
    const consumer = this.consumerOf.get(processor);
    if (consumer) await this.restart(processor, consumer);
    this.logger.log(`${name} rebuilt from ${rebuilt.events} events`);
    return rebuilt;
  }

  /** Starts these processors from their stored checkpoints, one consumer per distinct checkpoint. */
  private async start(processors: ProjectionProcessor[]): Promise<void> {
    const byCheckpoint = new Map<string | null, ProjectionProcessor[]>();
    for (const processor of processors) {
      const checkpoint = await processor.load();
      byCheckpoint.set(checkpoint, [...(byCheckpoint.get(checkpoint) ?? []), processor]);
    }
    if (this.stopping) return;
    for (const [checkpoint, members] of byCheckpoint) {
      const consumer = new LogConsumer(
        members,
        checkpoint,
        this.store,
        { batchSize: this.config.env.PROJECTION_BATCH_SIZE, pollMs: this.config.env.PROJECTION_POLL_MS },
        (from, processor, error) => this.failed(from, processor, error),
      );
      members.forEach((processor) => this.consumerOf.set(processor, consumer));
      consumer.start();
    }
  }

  private failed(consumer: LogConsumer, processor: ProjectionProcessor, error: unknown): void {
    if (this.consumerOf.get(processor) !== consumer) return;
    processor.lastError = error instanceof Error ? error.message : String(error);
    if (error instanceof CheckpointMovedError) {
      void this.restart(processor, consumer);
      return;
    }
    this.logger.error(`${processor.name}: ${processor.lastError}`);
    // Alone, the subscription reads the page again after a backoff; with others, they go on without it.
    if (consumer.size > 1) void this.restart(processor, consumer);
  }

  /** Takes the processor out of its consumer and starts it again from its stored checkpoint, on its own. */
  private async restart(processor: ProjectionProcessor, stale: LogConsumer): Promise<void> {
    if (this.consumerOf.get(processor) !== stale) return;
    this.consumerOf.delete(processor);
    await stale.leave(processor);
    if (this.stopping) return;
    await this.start([processor]);
  }
}
