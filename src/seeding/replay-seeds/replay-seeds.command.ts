import { Command } from '@nestjs/cqrs';
import type { CurationComparison } from '@domain/articles';
import type { ReportProgress } from '../../infrastructure/jobs/jobs.service';

/** A seed the replay left as the store holds it, because someone edited it after it was seeded. */
export type SeedKeptEdit = { kind: 'topic' | 'actor' | 'position'; id: string; reason: string };

export type ReplaySeedsResult = {
  /** Seed items replayed (topics, actors, positions, articles), each appended to or left unchanged. */
  commands: number;
  appended: number;
  unchanged: number;
  topics: number;
  actors: number;
  positions: number;
  /** Seed positions whose stored record the seed file now corrects (recorded as corrections, now). */
  corrected: string[];
  keptEdits: SeedKeptEdit[];
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
