import { Command } from '@nestjs/cqrs';
import type { ReportProgress } from '../../infrastructure/jobs/jobs.service';

export type ReplaySeedsResult = {
  commands: number;
  appended: number;
  unchanged: number;
  topics: number;
  actors: number;
  positions: number;
};

export class ReplaySeedsCommand extends Command<ReplaySeedsResult> {
  constructor(
    readonly runId: string,
    readonly progress: ReportProgress = () => undefined,
  ) {
    super();
  }
}
