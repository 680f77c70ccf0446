import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import type { ProjectionProcessor } from './projection-processor';

export type ConsumerFailure = (consumer: LogConsumer, processor: ProjectionProcessor, error: unknown) => void;

/**
 * Reads the log once for every processor standing at the same checkpoint: each page is read and parsed once and
 * handed to every member, concurrently, each in its own transaction with its own checkpoint.
 */
export class LogConsumer {
  private readonly members: Set<ProjectionProcessor>;
  private subscription: Subscription | null = null;
  private cursor: string | null;

  constructor(
    members: readonly ProjectionProcessor[],
    checkpoint: string | null,
    private readonly store: EventStore,
    private readonly options: { batchSize: number; pollMs: number },
    private readonly onFailure: ConsumerFailure,
  ) {
    this.members = new Set(members);
    this.cursor = checkpoint;
  }

  get size(): number {
    return this.members.size;
  }

  start(): void {
    this.subscription = this.store.subscribe({
      after: this.cursor,
      batchSize: this.options.batchSize,
      pollMs: this.options.pollMs,
      onEvents: (events) => this.feed(events),
      // Only a consumer of one lets a processing error through (a member of a larger one leaves it instead):
      // the subscription reads the page again after a backoff.
      onError: (error) => {
        const [first] = this.members;
        if (first) this.onFailure(this, first, error);
      },
    });
  }

  /** Takes a processor out; the last one to leave stops the subscription. */
  async leave(processor: ProjectionProcessor): Promise<void> {
    this.members.delete(processor);
    if (this.members.size === 0) await this.stop();
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  private async feed(events: RecordedEvent[]): Promise<void> {
    const after = this.cursor;
    const members = [...this.members];
    const results = await Promise.allSettled(members.map((processor) => processor.process(after, events)));
    if (members.length === 1 && results[0].status === 'rejected') throw results[0].reason;
    this.cursor = events[events.length - 1].position;
    results.forEach((result, index) => {
      if (result.status === 'rejected') this.onFailure(this, members[index], result.reason);
    });
  }
}
