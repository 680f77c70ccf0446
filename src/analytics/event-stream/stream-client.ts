import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { comparePositions } from '../../infrastructure/event-store/log-position';
import type { EventFrames, StreamFilter } from './stream-frames';

/** A client that has this much unsent data is cut off: it resumes from its Last-Event-ID, losing nothing. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** One open Server-Sent Events response: first catching up on its own, then fed by the shared follower. */
export class StreamClient {
  /** Once live: events at or before this position were already sent while catching up. */
  private sentUpTo: string | null = null;

  constructor(
    readonly filter: StreamFilter,
    private readonly response: ServerResponse,
  ) {}

  get closed(): boolean {
    return this.response.destroyed || this.response.writableEnded;
  }

  onClose(listener: () => void): void {
    this.response.once('close', listener);
  }

  goLive(sentUpTo: string | null): void {
    this.sentUpTo = sentUpTo;
  }

  /** From the shared follower: never waits for a slow client, which is cut off instead. */
  deliver(frames: EventFrames): void {
    if (this.sentUpTo !== null && comparePositions(frames.position, this.sentUpTo) <= 0) return;
    this.write(frames.for(this.filter));
  }

  write(text: string | Buffer): void {
    if (text.length === 0 || this.closed) return;
    this.response.write(text);
    if (this.response.writableLength > MAX_BUFFERED_BYTES) this.response.destroy();
  }

  /** While catching up the client sets the pace: the next page is read once this one is sent. */
  async send(text: string | Buffer): Promise<void> {
    if (text.length === 0 || this.closed) return;
    if (!this.response.write(text))
      await Promise.race([once(this.response, 'drain'), once(this.response, 'close')]);
  }

  end(): void {
    if (!this.closed) this.response.end();
  }
}
