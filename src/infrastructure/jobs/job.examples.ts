/** The OpenAPI example of a job: a finished seed replay. */
export const JOB_EXAMPLE = {
  id: '3f0c2a9e-8d5b-4e61-a7f4-1b2c3d4e5f60',
  kind: 'seed-replay',
  status: 'succeeded',
  progress: { done: 58, total: 58 },
  startedAt: '2025-02-28T09:00:00.000Z',
  finishedAt: '2025-02-28T09:00:02.000Z',
  result: { appended: 58, unchanged: 0, commands: 58, positions: 33 },
  error: null,
};
