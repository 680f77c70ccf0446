import type { ProjectionRunner } from '../../src/infrastructure/read-models/projection-runner';

/** Resolves once every projection, and every in-memory read model of the app, has handled every event committed before the call. */
export const caughtUp = async (runner: ProjectionRunner, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lags = [
      ...(await runner.status()),
      ...(await runner.localStatus()).filter((local) => local.state !== 'disabled'),
    ];
    if (lags.every((status) => status.lag === 0 && (!('state' in status) || status.state === 'ready')))
      return;
    if (Date.now() > deadline) throw new Error(`projections still lagging: ${JSON.stringify(lags)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
