import { sharedFraction } from './statements';

/** One line of the extract CLI's output, and of a gold file (whose said_on, topic and stance may be absent). */
export type QuotationLine = {
  article: string;
  speaker: string | null;
  quote: string;
  said_on?: string | null;
  topic?: string | null;
  stance?: string | null;
  /** Extracted lines only: the confidence, and whether the speaker is a registry actor (recordable). */
  confidence?: number;
  speaker_kind?: 'actor' | 'candidate' | null;
};

/** One bin of the reliability table: extracted lines whose confidence falls in [from, to), and how many were fully right. */
export type ReliabilityBin = {
  from: number;
  to: number;
  lines: number;
  fullyRight: number;
  share: number | null;
};

export type AutoRecord = { threshold: number; recorded: number; right: number; precision: number | null };

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
  /** Stance on five classes: support, oppose, conditional, hedge (hedged, no comment), no-position. */
  mappedStance: Accuracy;
  /** A joined quotation covers each gold line whose words it holds; a line is right when it holds a gold line's. */
  lenient: { precision: number; recall: number; f1: number };
  reliability: ReliabilityBin[];
  /** What would be recorded without review at `threshold`, and how much of it is fully right. */
  autoRecord: AutoRecord;
  /** The lowest threshold at which auto-recorded lines are fully right at least 95% of the time, or null. */
  threshold95: AutoRecord | null;
  /** For each extracted line, in order: speaker, topic, stance and day all as gold. */
  fullyRight: boolean[];
  falseNegatives: QuotationLine[];
  falsePositives: QuotationLine[];
  /** Matched lines that differ from gold on the day, the topic or the stance (where gold gives them). */
  disagreements: Disagreement[];
};

export type Disagreement = {
  gold: QuotationLine;
  predicted: QuotationLine;
  fields: ('said_on' | 'topic' | 'stance')[];
};

const disagreementsOf = (pairs: [QuotationLine, QuotationLine][]): Disagreement[] =>
  pairs
    .map(([gold, predicted]) => ({
      gold,
      predicted,
      fields: (['said_on', 'topic', 'stance'] as const).filter(
        (field) =>
          gold[field] !== undefined &&
          (field === 'said_on' || gold[field] !== null) &&
          (gold[field] ?? null) !== (predicted[field] ?? null),
      ),
    }))
    .filter(({ fields }) => fields.length > 0);

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
const STANCE_CLASS: Record<string, string> = {
  support: 'support',
  oppose: 'oppose',
  'conditional-support': 'conditional',
  'conditional-opposition': 'conditional',
  hedged: 'hedge',
  'no-comment': 'hedge',
  'no-position': 'no-position',
};

const mappedStance = (pairs: [QuotationLine, QuotationLine][]): Accuracy => {
  const scored = pairs.filter(([gold]) => gold.stance !== undefined && gold.stance !== null);
  const correct = scored.filter(
    ([gold, predicted]) => STANCE_CLASS[gold.stance!] === STANCE_CLASS[predicted.stance ?? ''],
  ).length;
  return {
    correct,
    total: scored.length,
    accuracy: scored.length === 0 ? null : Number((correct / scored.length).toFixed(3)),
  };
};

/** Speaker (by the match), topic, stance and day all as the gold line has them. */
const fullyRight = (gold: QuotationLine, predicted: QuotationLine): boolean =>
  (gold.topic ?? null) === (predicted.topic ?? null) &&
  (gold.stance === undefined || gold.stance === null || gold.stance === (predicted.stance ?? null)) &&
  (gold.said_on === undefined || (gold.said_on ?? null) === (predicted.said_on ?? null));

const recordable = (line: QuotationLine): boolean =>
  line.speaker_kind === 'actor' &&
  !!line.topic &&
  !!line.stance &&
  line.stance !== 'no-position' &&
  !!line.said_on;

const BIN_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0001];

export const evaluateExtraction = (
  gold: QuotationLine[],
  predicted: QuotationLine[],
  threshold = 0.85,
): Evaluation => {
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
  const covers = (goldLine: QuotationLine, line: QuotationLine) =>
    line.article === goldLine.article &&
    line.speaker !== null &&
    line.speaker === goldLine.speaker &&
    sharedFraction(goldLine.quote, line.quote) >= MATCH_SHARE;
  const lenientRecall =
    gold.length === 0 ? 0 : gold.filter((g) => predicted.some((p) => covers(g, p))).length / gold.length;
  const lenientPrecision =
    predicted.length === 0
      ? 0
      : predicted.filter((p) => gold.some((g) => covers(g, p))).length / predicted.length;
  const lenientF1 =
    lenientPrecision + lenientRecall === 0
      ? 0
      : (2 * lenientPrecision * lenientRecall) / (lenientPrecision + lenientRecall);
  const goldOf = new Map([...owner].map(([p, g]) => [p, gold[g]]));
  const right = (line: QuotationLine, index: number) => {
    const match = goldOf.get(index);
    return match !== undefined && fullyRight(match, line);
  };
  const reliability = BIN_EDGES.slice(0, -1).map((from, bin) => {
    const to = BIN_EDGES[bin + 1];
    const inBin = predicted
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => (line.confidence ?? 0) >= from && (line.confidence ?? 0) < to);
    const fully = inBin.filter(({ line, index }) => right(line, index)).length;
    return {
      from,
      to: Math.min(1, to),
      lines: inBin.length,
      fullyRight: fully,
      share: inBin.length === 0 ? null : round(fully / inBin.length),
    };
  });
  const autoRecordAt = (at: number): AutoRecord => {
    const recorded = predicted
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => recordable(line) && (line.confidence ?? 0) >= at);
    const fully = recorded.filter(({ line, index }) => right(line, index)).length;
    return {
      threshold: at,
      recorded: recorded.length,
      right: fully,
      precision: recorded.length === 0 ? null : round(fully / recorded.length),
    };
  };
  const candidates95 = Array.from({ length: 51 }, (_, step) => round(0.5 + step / 100))
    .map(autoRecordAt)
    .filter((record) => record.recorded > 0 && (record.precision ?? 0) >= 0.95);
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
    mappedStance: mappedStance(pairs),
    lenient: { precision: round(lenientPrecision), recall: round(lenientRecall), f1: round(lenientF1) },
    reliability,
    autoRecord: autoRecordAt(threshold),
    threshold95: candidates95[0] ?? null,
    fullyRight: predicted.map((line, index) => right(line, index)),
    falseNegatives: gold.filter((_, index) => !goldUsed.has(index)),
    falsePositives: predicted.filter((_, index) => !predictedUsed.has(index)),
    disagreements: disagreementsOf(pairs),
  };
};

/**
 * An isotonic (pool-adjacent-violators) fit of fully right (1) or not (0) against the raw confidence of every
 * extracted line, as the points of a non-decreasing piecewise-linear map for `calibration.ts`.
 */
const MIN_BLOCK = 12;

export const fitCalibration = (
  evaluation: Pick<Evaluation, 'fullyRight'>,
  predicted: (QuotationLine & { raw_confidence?: number })[],
): [number, number][] => {
  const samples = predicted
    .map((line, index) => ({ x: line.raw_confidence ?? 0, y: evaluation.fullyRight[index] ? 1 : 0 }))
    .sort((a, b) => a.x - b.x);
  const blocks: { sum: number; count: number; x: number }[] = [];
  for (const { x, y } of samples) {
    blocks.push({ sum: y, count: 1, x });
    while (
      blocks.length > 1 &&
      blocks[blocks.length - 2].sum / blocks[blocks.length - 2].count >
        blocks[blocks.length - 1].sum / blocks[blocks.length - 1].count
    ) {
      const last = blocks.pop()!;
      const previous = blocks[blocks.length - 1];
      previous.x = (previous.x * previous.count + last.x * last.count) / (previous.count + last.count);
      previous.sum += last.sum;
      previous.count += last.count;
    }
  }
  // Small blocks are noise: each point stands for at least MIN_BLOCK lines.
  for (let at = 0; at < blocks.length - 1;) {
    if (blocks[at].count >= MIN_BLOCK) {
      at++;
      continue;
    }
    const next = blocks.splice(at + 1, 1)[0];
    const block = blocks[at];
    block.x = (block.x * block.count + next.x * next.count) / (block.count + next.count);
    block.sum += next.sum;
    block.count += next.count;
  }
  const round = (value: number) => Number(value.toFixed(3));
  const points = blocks.map((block): [number, number] => [round(block.x), round(block.sum / block.count)]);
  return [[0, 0], ...points, [1, points.at(-1)?.[1] ?? 1]];
};
