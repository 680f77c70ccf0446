export const topicStreamName = (topicId: string): string => `topic-${topicId}`;

/** The hierarchy is read from the dotted id: `ukraine.security-guarantees.us` sits under `ukraine.security-guarantees`. */
export const parentTopicId = (topicId: string): string | null => {
  const cut = topicId.lastIndexOf('.');
  return cut === -1 ? null : topicId.slice(0, cut);
};
