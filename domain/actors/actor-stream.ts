/** One stream per actor holds its profile and every position it stated. */
export const actorStreamName = (actorId: string): string => `actor-${actorId}`;

export const actorIdFromStream = (streamName: string): string | null =>
  streamName.startsWith('actor-') ? streamName.slice('actor-'.length) : null;
