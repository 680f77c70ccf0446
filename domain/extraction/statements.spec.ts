import type { ExtractedQuotation } from './extraction.types';
import { groupStatements, normaliseForComparison, sameStatement } from './statements';

const quotation = (articleId: string, speakerId: string, quote: string): ExtractedQuotation => ({
  articleId,
  quote,
  start: 0,
  end: quote.length + 2,
  parts: [{ start: 0, end: quote.length + 2 }],
  speaker: { kind: 'actor', actorId: speakerId, name: speakerId, via: 'name' },
  saidOn: '2025-02-26',
  saidOnPrecision: 'day',
  saidOnEvidence: null,
  topicId: null,
  proposedTopic: null,
  stance: null,
  conditions: [],
  confidence: 0.9,
  confidences: { speaker: 0.9, topic: 0.9, stance: 0.9 },
});

describe('statements', () => {
  it('normalises quote marks, apostrophes, dashes, hyphens and ellipses away', () => {
    expect(normaliseForComparison('“We’re the next-door neighbour – tomorrow...”')).toBe(
      normaliseForComparison('"We\'re the next door neighbour - tomorrow…"'),
    );
  });

  it('treats a fragment as the full quotation it comes from, for the same speaker only', () => {
    const full =
      "I'm not going to make security guarantees beyond very much. We're going to have Europe do that.";
    expect(
      sameStatement(
        { speakerId: 'a', quote: full },
        { speakerId: 'a', quote: 'we’re going to have Europe do that' },
      ),
    ).toBe(true);
    expect(
      sameStatement(
        { speakerId: 'b', quote: full },
        { speakerId: 'a', quote: 'we’re going to have Europe do that' },
      ),
    ).toBe(false);
    expect(
      sameStatement({ speakerId: 'a', quote: full }, { speakerId: 'a', quote: 'We want a lasting peace.' }),
    ).toBe(false);
  });

  it('groups one statement printed by several outlets into one position', () => {
    const groups = groupStatements([
      quotation('wire', 'jd-vance', 'The president has been very clear: we want the killing to stop.'),
      quotation('daily', 'jd-vance', 'we want the killing to stop'),
      quotation('daily', 'marco-rubio', 'we want the killing to stop'),
      quotation('weekly', 'jd-vance', 'Europe must do more.'),
    ]);
    expect(
      groups.map((group) => group.map((member) => `${member.articleId}:${member.speaker?.actorId}`)),
    ).toEqual([['wire:jd-vance', 'daily:jd-vance'], ['daily:marco-rubio'], ['weekly:jd-vance']]);
  });
});
