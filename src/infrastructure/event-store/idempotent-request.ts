import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordedEvent } from './event-store.port';

/**
 * A request sent with an Idempotency-Key, as the decider runner sees it while the request's command runs: the
 * key names the command (its events get ids derived from it, so a retry finds them), and the runner says when an
 * earlier attempt had already carried the command out, one whose answer was never stored (a crash in between).
 */
export class IdempotentRequest {
  private static readonly storage = new AsyncLocalStorage<IdempotentRequest>();
  private claimed = false;
  /** The events an earlier attempt appended, when this attempt found them. */
  replayedEvents: RecordedEvent[] | null = null;

  constructor(
    private readonly key: string,
    readonly requestHash: string,
  ) {}

  static run<T>(request: IdempotentRequest, work: () => T): T {
    return IdempotentRequest.storage.run(request, work);
  }

  static current(): IdempotentRequest | undefined {
    return IdempotentRequest.storage.getStore();
  }

  /**
   * The id of the first command the request runs: the handler's own when it derives one, else one from the key.
   * Later commands of the same request (none today) keep theirs or get none, so two never share event ids.
   */
  commandIdFor(streamName: string, derived: string | undefined): string | undefined {
    if (this.claimed) return derived;
    this.claimed = true;
    return derived ?? `idempotency:${this.key}:${streamName}`;
  }

  /** Whether the replayed events came from this same request (events stored before hashes were kept count as such). */
  replayedSameRequest(): boolean {
    const stored = this.replayedEvents?.[0]?.metadata.requestHash;
    return stored === undefined || stored === this.requestHash;
  }
}
