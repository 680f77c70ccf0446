/**
 * The extractor's confidence is calibrated: a raw score (the product of the speaker's, the topic's, the stance's and
 * the day's own confidences) is mapped through an isotonic fit of "fully right" (speaker, topic, stance and day all
 * as an editor has them) against that score on the development sets pooled (the seeds, test/extraction/dev, fresh
 * and dev2), so that a confidence of 0.75 means about three in four such quotations were fully right there. Refit
 * with `npm run eval:extraction -- <pooled articles.json> <pooled gold.jsonl> --fit` (docs/extraction.md).
 */
const POINTS: [raw: number, share: number][] = [
  [0, 0],
  [0.101, 0],
  [0.146, 0],
  [0.166, 0],
  [0.196, 0],
  [0.214, 0.133],
  [0.231, 0.286],
  [0.277, 0.571],
  [0.423, 0.742],
  [0.635, 0.767],
  [0.719, 1],
  [1, 1],
];

/** `topic` is null when no registered topic was found: that is usually right when none fits, so it weighs 0.7. */
export const rawConfidence = (speaker: number, topic: number | null, stance: number, day: number): number =>
  speaker * (topic === null ? 0.7 : Math.max(topic, 0.3)) * Math.max(stance, 0.3) * day;

export const calibrate = (raw: number): number => {
  const upper = POINTS.findIndex(([at]) => at >= raw);
  if (upper <= 0) return Number((upper === 0 ? POINTS[0][1] : POINTS[POINTS.length - 1][1]).toFixed(2));
  const [x0, y0] = POINTS[upper - 1];
  const [x1, y1] = POINTS[upper];
  return Number((y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0 || 1)).toFixed(2));
};
