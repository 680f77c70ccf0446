/** agree: every actor engaged on the same side; oppose: some on each side; hedged-or-silent: otherwise. */
export type Agreement = 'agree' | 'oppose' | 'hedged-or-silent';

export type ComparedStance = { actorId: string; topicId: string; score: number | null };

export type TopicComparison<S extends ComparedStance> = {
  topicId: string;
  agreement: Agreement;
  /** Highest minus lowest score among the actors with one (hedged counts as 0): 0 to 2. */
  distance: number;
  stances: { actorId: string; stance: Omit<S, 'actorId' | 'topicId'> | null }[];
};

export const agreementOf = (scores: readonly (number | null)[]): Agreement => {
  const signs = new Set(scores.map((score) => (score === null ? 0 : Math.sign(score))));
  if (signs.has(1) && signs.has(-1)) return 'oppose';
  return signs.has(0) ? 'hedged-or-silent' : 'agree';
};

export const distanceOf = (scores: readonly (number | null)[]): number => {
  const scored = scores.filter((score): score is number => score !== null);
  return scored.length < 2 ? 0 : Math.max(...scored) - Math.min(...scored);
};

/**
 * Per topic any of the actors holds a stance on, each one's stance (null when silent) and how they stand to
 * each other; the topics furthest apart first, then by topic id.
 */
export const compareStances = <S extends ComparedStance>(
  actorIds: readonly string[],
  stances: readonly S[],
): TopicComparison<S>[] => {
  const topicIds = [...new Set(stances.map((stance) => stance.topicId))];
  return topicIds
    .map((topicId) => {
      const held = actorIds.map((actorId) => ({
        actorId,
        stance: stances.find((stance) => stance.actorId === actorId && stance.topicId === topicId) ?? null,
      }));
      const scores = held.map(({ stance }) => stance?.score ?? null);
      return {
        topicId,
        agreement: agreementOf(scores),
        distance: distanceOf(scores),
        stances: held.map(({ actorId, stance }) => {
          if (!stance) return { actorId, stance: null };
          const { actorId: _actor, topicId: _topic, ...rest } = stance;
          return { actorId, stance: rest };
        }),
      };
    })
    .sort((a, b) => b.distance - a.distance || a.topicId.localeCompare(b.topicId));
};
