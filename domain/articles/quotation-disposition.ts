import type { ExtractedQuotation } from '../extraction/extraction.types';
import { sameStatement } from '../extraction';
import type { ActorPositions, PositionRecord } from '../positions/actor-positions.state';
import { sourceKey } from '../positions/position.events';
import { isConditional } from '../positions/stance';

/** `record`: confident quotations become positions. `curated`: only link to positions already recorded (the seeds). */
export type IngestionMode = 'record' | 'curated';

export type DispositionPlan =
  | { kind: 'review'; reasons: string[]; positionId: string | null }
  | { kind: 'no-position' }
  | { kind: 'already-recorded'; positionId: string; actorId: string }
  | { kind: 'add-source'; positionId: string; actorId: string }
  | { kind: 'record'; actorId: string; topicId: string };

export type DispositionInput = {
  articleId: string;
  quotation: ExtractedQuotation;
  /** The speaker's stream folded, or null when the quotation has no registry speaker. */
  speakerPositions: ActorPositions | null;
  topicRegistered: boolean;
  threshold: number;
  mode: IngestionMode;
};

/** Why a quotation cannot be recorded without an editor; empty when it can. */
export const reviewReasons = (input: DispositionInput): string[] => {
  const { quotation, speakerPositions, topicRegistered, threshold } = input;
  const reasons: string[] = [];
  if (!quotation.speaker) reasons.push('no-speaker');
  else if (quotation.speaker.kind === 'candidate' || speakerPositions?.status !== 'registered')
    reasons.push('speaker-not-in-registry');
  if (!quotation.topicId) reasons.push(quotation.proposedTopic ? 'topic-proposed' : 'no-topic');
  else if (!topicRegistered) reasons.push('topic-not-registered');
  if (!quotation.stance) reasons.push('no-stance');
  else if (
    quotation.stance !== 'no-position' &&
    isConditional(quotation.stance) &&
    quotation.conditions.length === 0
  )
    reasons.push('no-condition');
  if (!quotation.saidOn) reasons.push('no-day');
  if (quotation.confidence < threshold) reasons.push('low-confidence');
  return reasons;
};

/**
 * The position this quotation repeats, if the speaker already has one: the same words, compared typography-
 * insensitively and fragment-aware; a position on the same topic is preferred (one sentence can carry two).
 */
export const findSameStatement = (
  speakerPositions: ActorPositions,
  speakerId: string,
  quotation: Pick<ExtractedQuotation, 'quote' | 'topicId'>,
): PositionRecord | null => {
  if (speakerPositions.status !== 'registered') return null;
  const candidates = [...speakerPositions.positions.values()].filter(
    (position) =>
      position.status !== 'retracted' &&
      position.quote !== null &&
      sameStatement({ speakerId, quote: position.quote }, { speakerId, quote: quotation.quote }),
  );
  return candidates.find((position) => position.topicId === quotation.topicId) ?? candidates[0] ?? null;
};

export const planDisposition = (input: DispositionInput): DispositionPlan => {
  const { quotation, speakerPositions, articleId, mode } = input;
  const reasons = reviewReasons(input);
  const speakerId = quotation.speaker?.kind === 'actor' ? quotation.speaker.actorId : null;
  const known =
    speakerId && speakerPositions ? findSameStatement(speakerPositions, speakerId, quotation) : null;
  if (known && speakerId) {
    const thisArticle = sourceKey({
      outlet: '',
      articleId,
      url: null,
      publishedOn: null,
      text: '',
      span: null,
    });
    if (known.sourceKeys.includes(thisArticle))
      return { kind: 'already-recorded', positionId: known.positionId, actorId: speakerId };
    // The curated seeds stay the reviewed truth: a source they lack is for an editor to add.
    if (mode === 'curated')
      return {
        kind: 'review',
        reasons: [...reasons, 'source-not-in-curated-seeds'],
        positionId: known.positionId,
      };
    if (reasons.length === 0) return { kind: 'add-source', positionId: known.positionId, actorId: speakerId };
    return { kind: 'review', reasons, positionId: known.positionId };
  }
  if (quotation.stance === 'no-position') return { kind: 'no-position' };
  if (mode === 'curated')
    return { kind: 'review', reasons: [...reasons, 'not-in-curated-seeds'], positionId: null };
  if (reasons.length > 0 || !speakerId || !quotation.topicId)
    return { kind: 'review', reasons, positionId: null };
  return { kind: 'record', actorId: speakerId, topicId: quotation.topicId };
};
