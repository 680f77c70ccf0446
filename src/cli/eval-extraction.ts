import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateExtraction, type Accuracy, type QuotationLine } from '@domain/extraction';
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

/** `npm run eval:extraction -- <articles.json> <gold.jsonl> [--json]`. */
const main = () => {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const jsonOnly = args.includes('--json');
  const [listPath, goldPath] = args.filter((arg) => arg !== '--json');
  if (!listPath || !goldPath)
    throw new InputError('usage: npm run eval:extraction -- <articles.json> <gold.jsonl> [--json]');
  const articles = readArticles(resolve(listPath));
  const gold = readGold(resolve(goldPath));
  const known = new Set(articles.map((article) => article.id));
  const stray = gold.find((line) => !known.has(line.article));
  if (stray) throw new InputError(`${goldPath}: article ${stray.article} is not in ${listPath}`);
  const predicted = extractLines(articles, loadExtractionKnowledge());
  const result = evaluateExtraction(gold, predicted);
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
      `missed (false negatives): ${result.falseNegatives.length}`,
      ...result.falseNegatives.map(show),
      `spurious (false positives): ${result.falsePositives.length}`,
      ...result.falsePositives.map(show),
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
