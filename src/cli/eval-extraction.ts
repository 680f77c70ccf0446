import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_AUTO_RECORD_CONFIDENCE,
  evaluateExtraction,
  fitCalibration,
  type Accuracy,
  type QuotationLine,
} from '@domain/extraction';
import { loadExtractionKnowledge } from '../extraction/knowledge-files';
import { extractLines, InputError, readArticles } from './extract';

const readGold = (path: string): QuotationLine[] => {
  if (!existsSync(path)) throw new InputError(`gold file not found: ${path}`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let parsed: Partial<QuotationLine>;
      try {
        parsed = JSON.parse(line) as Partial<QuotationLine>;
      } catch {
        throw new InputError(`${path}:${number}: not a JSON object`);
      }
      if (typeof parsed !== 'object' || parsed === null)
        throw new InputError(`${path}:${number}: not a JSON object`);
      for (const field of ['article', 'speaker', 'quote'] as const) {
        if (typeof parsed[field] !== 'string' || parsed[field] === '')
          throw new InputError(`${path}:${number}: ${field} must be a non-empty string`);
      }
      return parsed as QuotationLine;
    });
};

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const describe = ({ correct, total, accuracy }: Accuracy) =>
  accuracy === null ? 'n/a (no gold line gives it)' : `${percent(accuracy)} (${correct}/${total})`;
const show = (line: QuotationLine) =>
  `  [${line.article}] ${line.speaker ?? '(no speaker)'}: "${line.quote.length > 140 ? `${line.quote.slice(0, 137)}...` : line.quote}"`;

const table = (rows: string[][]) => rows.map((row) => `  ${row.map((cell) => cell.padEnd(12)).join('')}`);

/** `npm run eval:extraction -- <articles.json> <gold.jsonl> [--json] [--threshold 0.xx]`. */
const main = () => {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const jsonOnly = args.includes('--json');
  const fit = args.includes('--fit');
  const thresholdAt = args.indexOf('--threshold');
  const threshold = thresholdAt >= 0 ? Number(args[thresholdAt + 1]) : DEFAULT_AUTO_RECORD_CONFIDENCE;
  if (!(threshold >= 0 && threshold <= 1)) throw new InputError('--threshold must be a number from 0 to 1');
  const [listPath, goldPath] = args.filter(
    (arg, index) =>
      arg !== '--json' && arg !== '--threshold' && !(thresholdAt >= 0 && index === thresholdAt + 1),
  );
  if (!listPath || !goldPath)
    throw new InputError('usage: npm run eval:extraction -- <articles.json> <gold.jsonl> [--json]');
  const articles = readArticles(resolve(listPath));
  const gold = readGold(resolve(goldPath));
  const known = new Set(articles.map((article) => article.id));
  const stray = gold.find((line) => !known.has(line.article));
  if (stray) throw new InputError(`${goldPath}: article ${stray.article} is not in ${listPath}`);
  const predicted = extractLines(articles, loadExtractionKnowledge());
  const result = evaluateExtraction(gold, predicted, threshold);
  if (fit) {
    console.log(JSON.stringify(fitCalibration(result, predicted)));
    return;
  }
  const summary = {
    articles: articles.length,
    gold: result.gold,
    predicted: result.predicted,
    matched: result.matched,
    precision: result.precision,
    recall: result.recall,
    f1: result.f1,
    saidOnAccuracy: result.saidOn.accuracy,
    topicAccuracy: result.topic.accuracy,
    stanceAccuracy: result.stance.accuracy,
    mappedStanceAccuracy: result.mappedStance.accuracy,
    lenientPrecision: result.lenient.precision,
    lenientRecall: result.lenient.recall,
    lenientF1: result.lenient.f1,
    autoRecordThreshold: threshold,
    autoRecorded: result.autoRecord.recorded,
    autoRecordedPrecision: result.autoRecord.precision,
    threshold95: result.threshold95,
    falseNegatives: result.falseNegatives.length,
    falsePositives: result.falsePositives.length,
  };
  if (!jsonOnly) {
    const report = [
      `extraction: ${articles.length} articles, ${result.gold} gold quotations, ${result.predicted} extracted, ${result.matched} matched`,
      `quotation + speaker: precision ${percent(result.precision)}, recall ${percent(result.recall)}, F1 ${percent(result.f1)}`,
      `said_on accuracy: ${describe(result.saidOn)}`,
      `topic accuracy:   ${describe(result.topic)}`,
      `stance accuracy:  ${describe(result.stance)}`,
      `stance accuracy on support / oppose / conditional / hedge / no-position: ${describe(result.mappedStance)}`,
      `lenient (a joined quotation covers each gold line it holds): precision ${percent(result.lenient.precision)}, recall ${percent(result.lenient.recall)}, F1 ${percent(result.lenient.f1)}`,
      'reliability (extracted lines by confidence; fully right = speaker, topic, stance and day as gold):',
      ...table([
        ['confidence', 'lines', 'fully right', 'share'],
        ...result.reliability.map((bin) => [
          `${bin.from.toFixed(2)}-${bin.to.toFixed(2)}`,
          String(bin.lines),
          String(bin.fullyRight),
          bin.share === null ? '-' : percent(bin.share),
        ]),
      ]),
      `auto-recorded at ${threshold}: ${result.autoRecord.recorded} lines, ${result.autoRecord.right} fully right (${result.autoRecord.precision === null ? 'n/a' : percent(result.autoRecord.precision)})`,
      `lowest threshold with auto-recorded lines >= 95% right: ${result.threshold95 ? `${result.threshold95.threshold} (${result.threshold95.recorded} lines, ${percent(result.threshold95.precision ?? 0)})` : 'none'}`,
      `missed (false negatives): ${result.falseNegatives.length}`,
      ...result.falseNegatives.map(show),
      `spurious (false positives): ${result.falsePositives.length}`,
      ...result.falsePositives.map(show),
      `disagreements (matched, but the day, topic or stance differs from gold): ${result.disagreements.length}`,
      ...result.disagreements.map(
        ({ gold, predicted, fields }) =>
          `${show(gold)}\n      ${fields.map((field) => `${field}: gold ${gold[field] ?? 'null'}, extracted ${predicted[field] ?? 'null'}`).join('; ')}`,
      ),
    ];
    console.log(report.join('\n'));
  }
  console.log(JSON.stringify(summary));
};

try {
  main();
} catch (error) {
  console.error(`eval:extraction: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof InputError ? 2 : 1);
}
