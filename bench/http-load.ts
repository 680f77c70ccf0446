import autocannon from 'autocannon';

/**
 * Runs autocannon in a process of its own, so that the load generator does not share the event loop (or
 * the RSS figure) of the app it measures. The parent sends the target and the paths to rotate through.
 * `warmUpSeconds` of the same load run first, uncounted, in this same process: the server's JIT and its
 * collector settle, and so does autocannon's own JIT (a fresh load generator measures itself warming up).
 */
export type LoadRequest = {
  url: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
  warmUpSeconds: number;
};

export type LoadResult = {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

let stopCurrent: (() => void) | null = null;

const load = (message: LoadRequest, durationSeconds: number): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    let next = 0;
    const instance = autocannon(
      {
        url: message.url,
        connections: message.connections,
        duration: durationSeconds,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              next = (next + 1) % message.paths.length;
              return { ...request, path: message.paths[next] };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    stopCurrent = () => instance.stop();
  });

process.once('message', (message: LoadRequest) => {
  const run = async () => {
    if (message.warmUpSeconds > 0) await load(message, message.warmUpSeconds);
    const result = await load(message, message.durationSeconds);
    const reply: LoadResult = {
      requestsPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      meanMs: result.latency.average,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
    process.send?.(reply, () => process.exit(0));
  };
  run().catch((error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)));
});
process.once('SIGTERM', () => stopCurrent?.());
