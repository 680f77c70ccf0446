import { Command } from '@nestjs/cqrs';
import type { CurationComparison } from '@domain/articles';
import type { ReportProgress } from '../../infrastructure/jobs/jobs.service';

export type ReplaySeedsResult = {
  commands: number;
  appended: number;
  unchanged: number;
  topics: number;
  actors: number;
  positions: number;
  /** With `articles`: the five articles run through extraction, and where it disagrees with the curated seeds. */
  extraction?: {
    articles: number;
    quotations: number;
    summary: {
      matched: number;
      agreeing: number;
      disagreeing: number;
      curatedOnly: number;
      extractedOnly: number;
    };
    comparison: CurationComparison;
  };
};

export class ReplaySeedsCommand extends Command<ReplaySeedsResult> {
  constructor(
    readonly runId: string,
    readonly progress: ReportProgress = () => undefined,
    readonly options: { articles?: boolean } = {},
  ) {
    super();
  }
}
