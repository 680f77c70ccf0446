import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@domain/shared/domain-error';
import { Clock } from '../clock';

export type JobStatus = 'running' | 'succeeded' | 'failed';

export type Job = {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  startedAt: string;
  finishedAt: string | null;
  result: unknown;
  error: string | null;
};

export class JobNotFoundError extends DomainError {
  readonly code = 'JOB.NOT_FOUND';
  constructor(jobId: string) {
    super(`No job "${jobId}" (jobs are kept in memory until the process restarts).`, { jobId });
  }
}

export type ReportProgress = (done: number, total: number) => void;

const KEEP = 200;

/** Long admin work runs as a job whose progress can be polled. */
@Injectable()
export class JobsService {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, Job>();
  private readonly done = new Map<string, Promise<Job>>();

  constructor(private readonly clock: Clock) {}

  start(kind: string, work: (progress: ReportProgress, job: Job) => Promise<unknown>): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'running',
      progress: { done: 0, total: 0 },
      startedAt: this.clock.now().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    let lastLogged = 0;
    const progress: ReportProgress = (done, total) => {
      job.progress = { done, total };
      if (Date.now() - lastLogged > 2_000) {
        lastLogged = Date.now();
        this.logger.log(`${kind} ${job.id}: ${done}/${total}`);
      }
    };
    const finished = work(progress, job).then(
      (result) =>
        Object.assign(job, { status: 'succeeded', result, finishedAt: this.clock.now().toISOString() }),
      (error: unknown) => {
        this.logger.error(
          `${kind} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return Object.assign(job, {
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
          finishedAt: this.clock.now().toISOString(),
        });
      },
    );
    this.done.set(job.id, finished);
    this.prune();
    return job;
  }

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    return job;
  }

  list(): Job[] {
    return [...this.jobs.values()].reverse();
  }

  running(kind: string): Job | undefined {
    return [...this.jobs.values()].find((job) => job.kind === kind && job.status === 'running');
  }

  async finished(id: string): Promise<Job> {
    this.get(id);
    return this.done.get(id) as Promise<Job>;
  }

  private prune(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= KEEP) return;
      if (job.status !== 'running') {
        this.jobs.delete(id);
        this.done.delete(id);
      }
    }
  }
}
