import { sharedFraction } from './statements';

/** One line of the extract CLI's output, and of a gold file (whose said_on, topic and stance may be absent). */
export type QuotationLine = {
  article: string;
  speaker: string | null;
  quote: string;
  said_on?: string | null;
  topic?: string | null;
  stance?: string | null;
};

export type Accuracy = { correct: number; total: number; accuracy: number | null };

export type Evaluation = {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  saidOn: Accuracy;
  topic: Accuracy;
  stance: Accuracy;
  falseNegatives: QuotationLine[];
  falsePositives: QuotationLine[];
};

const MATCH_SHARE = 0.5;

const accuracy = (
  pairs: [QuotationLine, QuotationLine][],
  field: 'said_on' | 'topic' | 'stance',
): Accuracy => {
  const scored = pairs.filter(
    ([gold]) => gold[field] !== undefined && (field === 'said_on' || gold[field] !== null),
  );
  const correct = scored.filter(
    ([gold, predicted]) => (gold[field] ?? null) === (predicted[field] ?? null),
  ).length;
  return {
    correct,
    total: scored.length,
    accuracy: scored.length === 0 ? null : Number((correct / scored.length).toFixed(3)),
  };
};

/**
 * Quotation-plus-speaker precision, recall and F1: a predicted line matches a gold line of the same article and
 * speaker whose words overlap it by at least half of the shorter (quote marks, dashes and spacing set aside);
 * each line matches at most once, as many pairs as can be made, closest overlaps preferred. Then how often the matched lines agree on the day said,
 * the topic and the stance, over the gold lines that give them.
 */
export const evaluateExtraction = (gold: QuotationLine[], predicted: QuotationLine[]): Evaluation => {
  const candidates: { g: number; p: number; share: number }[] = [];
  gold.forEach((goldLine, g) =>
    predicted.forEach((line, p) => {
      if (line.article !== goldLine.article || line.speaker === null || line.speaker !== goldLine.speaker)
        return;
      const share = sharedFraction(goldLine.quote, line.quote);
      if (share >= MATCH_SHARE) candidates.push({ g, p, share });
    }),
  );
  candidates.sort((a, b) => b.share - a.share || a.g - b.g || a.p - b.p);
  // Maximum matching (Kuhn's augmenting paths), trying the closest overlaps first: a one-word fragment must
  // not take the gold line that a full extracted quotation also matches.
  const options = new Map<number, number[]>();
  for (const { g, p } of candidates) options.set(g, [...(options.get(g) ?? []), p]);
  const owner = new Map<number, number>();
  const augment = (g: number, seen: Set<number>): boolean => {
    for (const p of options.get(g) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      const current = owner.get(p);
      if (current === undefined || augment(current, seen)) {
        owner.set(p, g);
        return true;
      }
    }
    return false;
  };
  for (const g of [...options.keys()]) augment(g, new Set());
  const goldUsed = new Set(owner.values());
  const predictedUsed = new Set(owner.keys());
  const pairs: [QuotationLine, QuotationLine][] = [...owner].map(([p, g]) => [gold[g], predicted[p]]);
  const matched = pairs.length;
  const precision = predicted.length === 0 ? 0 : matched / predicted.length;
  const recall = gold.length === 0 ? 0 : matched / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (value: number) => Number(value.toFixed(3));
  return {
    gold: gold.length,
    predicted: predicted.length,
    matched,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    saidOn: accuracy(pairs, 'said_on'),
    topic: accuracy(pairs, 'topic'),
    stance: accuracy(pairs, 'stance'),
    falseNegatives: gold.filter((_, index) => !goldUsed.has(index)),
    falsePositives: predicted.filter((_, index) => !predictedUsed.has(index)),
  };
};
