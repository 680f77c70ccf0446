import type { ArticleQuotation } from './article.events';

/** A curated (reviewed) position as the seeds hold it: where each outlet printed it. */
export type CuratedPosition = {
  key: string;
  actorId: string;
  topicId: string;
  stance: string;
  /** The day said, `YYYY-MM-DD`. */
  saidOn: string;
  sources: { articleId: string; start: number; end: number }[];
};

export type ExtractedInArticle = Pick<
  ArticleQuotation,
  'quotationId' | 'quote' | 'start' | 'end' | 'parts' | 'speaker' | 'topicId' | 'stance' | 'saidOn'
> & { articleId: string };

export type Disagreement = {
  field: 'speaker' | 'topic' | 'stance' | 'saidOn';
  curated: string;
  extracted: string | null;
};

export type CurationComparison = {
  /** Curated sources that extraction found, with the fields on which the two differ (empty when they agree). */
  matched: { key: string; articleId: string; quotationId: string; disagreements: Disagreement[] }[];
  /** Curated sources extraction did not find. */
  curatedOnly: { key: string; articleId: string; start: number; end: number; actorId: string }[];
  /** Quotations extraction found that no curated position cites. */
  extractedOnly: { articleId: string; quotationId: string; speaker: string | null; quote: string }[];
};

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Two spans are the same quotation when they overlap by at least half of the shorter. */
const sameSpan = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  overlap(a, b) * 2 >= Math.min(a.end - a.start, b.end - b.start);

const pieces = (quotation: ExtractedInArticle) =>
  quotation.parts.length > 0 ? quotation.parts : [{ start: quotation.start, end: quotation.end }];

/**
 * Where extraction and curation disagree, source by source: the curated seeds are the reviewed truth, so this is
 * a report on the extractor (what it missed, what it found beyond them, and what it rated differently).
 */
export const compareWithCuration = (
  curated: readonly CuratedPosition[],
  extracted: readonly ExtractedInArticle[],
): CurationComparison => {
  const comparison: CurationComparison = { matched: [], curatedOnly: [], extractedOnly: [] };
  const cited = new Set<string>();
  for (const position of curated) {
    for (const source of position.sources) {
      const found = extracted.find(
        (quotation) =>
          quotation.articleId === source.articleId &&
          pieces(quotation).some((piece) => sameSpan(piece, source)),
      );
      if (!found) {
        comparison.curatedOnly.push({ key: position.key, actorId: position.actorId, ...source });
        continue;
      }
      cited.add(found.quotationId);
      const fields: [Disagreement['field'], string, string | null][] = [
        ['speaker', position.actorId, found.speaker?.actorId ?? null],
        ['topic', position.topicId, found.topicId],
        ['stance', position.stance, found.stance],
        ['saidOn', position.saidOn, found.saidOn],
      ];
      comparison.matched.push({
        key: position.key,
        articleId: source.articleId,
        quotationId: found.quotationId,
        disagreements: fields
          .filter(([, was, now]) => was !== now)
          .map(([field, was, now]) => ({ field, curated: was, extracted: now })),
      });
    }
  }
  for (const quotation of extracted) {
    if (cited.has(quotation.quotationId)) continue;
    comparison.extractedOnly.push({
      articleId: quotation.articleId,
      quotationId: quotation.quotationId,
      speaker: quotation.speaker?.actorId ?? null,
      quote: quotation.quote,
    });
  }
  return comparison;
};
