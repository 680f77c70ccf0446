import type { FastifyInstance, FastifyRequest } from 'fastify';

export type ReadGateStatus = { limit: number; running: number; waiting: number };

/**
 * At most `limit` reads run at once; the others wait their turn in arrival order, costing nothing while they wait.
 * Writes never pass through it. A read holds its place from the moment its request arrives until its answer is
 * sent or its client goes away.
 */
export class ReadGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** True when the read may run now; else `admitted` runs when its turn comes. */
  enter(admitted: () => void): boolean {
    if (this.running < this.limit) {
      this.running += 1;
      return true;
    }
    this.waiting.push(admitted);
    return false;
  }

  /** A read that waited no longer needs its turn (its client went away). */
  withdraw(admitted: () => void): boolean {
    const at = this.waiting.indexOf(admitted);
    if (at < 0) return false;
    this.waiting.splice(at, 1);
    return true;
  }

  /**
   * The next read's turn comes on the next turn of the event loop, not at once: handed over in the same turn, a
   * chain of fast reads would run back to back as microtasks and keep every write's I/O waiting until the last.
   */
  leave(): void {
    const next = this.waiting.shift();
    if (next) setImmediate(next);
    else this.running -= 1;
  }

  status(): ReadGateStatus {
    return { limit: this.limit, running: this.running, waiting: this.waiting.length };
  }
}

/** Reads that take part: the v1 reads, except event streams (held open for hours) and reads waiting on a token. */
const isGatedRead = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  request.url.startsWith('/v1/') &&
  !request.url.startsWith('/v1/stream') &&
  request.headers['positions-consistency'] === undefined;

type Place = { state: 'waiting' | 'running' | 'done'; admitted: () => void };

/**
 * Gives writes priority over reads inside one process. Under many concurrent readers a write's continuations (its
 * database round trips) would queue on the event loop behind every read in flight; with at most
 * HTTP_READ_CONCURRENCY reads running, each turn of the loop stays short and a write waits for a few reads, not
 * fifty. Readers beyond the limit wait without using the CPU.
 */
export const gateReads = (fastify: FastifyInstance, gate: ReadGate): void => {
  const places = new WeakMap<FastifyRequest, Place>();
  const release = (request: FastifyRequest) => {
    const place = places.get(request);
    if (!place || place.state === 'done') return;
    if (place.state === 'running') gate.leave();
    else gate.withdraw(place.admitted);
    place.state = 'done';
  };
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (!isGatedRead(request)) return done();
    const place: Place = {
      state: 'waiting',
      admitted: () => {
        if (place.state !== 'waiting') return gate.leave();
        place.state = 'running';
        done();
      },
    };
    places.set(request, place);
    if (gate.enter(place.admitted)) {
      place.state = 'running';
      done();
    }
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    release(request);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    release(request);
    done();
  });
};
