import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  extractQuotations,
  type ArticleInput,
  type ExtractionKnowledge,
  type QuotationLine,
} from '@domain/extraction';
import { loadExtractionKnowledge } from '../extraction/knowledge-files';

/** Bad input on the command line: the CLIs print its message and exit with status 2. */
export class InputError extends Error {}

type ArticleEntry = { id: string; file: string; outlet: string; publishedOn: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads an articles list `[{id, file, outlet, publishedOn}]`, each `file` relative to the list. */
export const readArticles = (listPath: string): ArticleInput[] => {
  if (!existsSync(listPath)) throw new InputError(`articles file not found: ${listPath}`);
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(listPath, 'utf8'));
  } catch (error) {
    throw new InputError(
      `${listPath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(entries)) throw new InputError(`${listPath} must hold a JSON array of articles`);
  return entries.map((entry: Partial<ArticleEntry>, index) => {
    const where = `${listPath}[${index}]`;
    for (const field of ['id', 'file', 'outlet', 'publishedOn'] as const) {
      if (typeof entry?.[field] !== 'string' || entry[field] === '')
        throw new InputError(`${where}: ${field} must be a non-empty string`);
    }
    if (!DAY.test(entry.publishedOn!))
      throw new InputError(`${where}: publishedOn must be a day, YYYY-MM-DD`);
    const path = resolve(dirname(listPath), entry.file!);
    if (!existsSync(path)) throw new InputError(`${where}: article file not found: ${path}`);
    return {
      id: entry.id!,
      outlet: entry.outlet!,
      publishedOn: entry.publishedOn!,
      text: readFileSync(path, 'utf8'),
    };
  });
};

/** The extract CLI's lines for a list of articles. */
export const extractLines = (
  articles: ArticleInput[],
  knowledge: ExtractionKnowledge,
): (QuotationLine & object)[] =>
  articles.flatMap((article) =>
    extractQuotations(article, knowledge).map((quotation) => ({
      article: quotation.articleId,
      speaker: quotation.speaker?.actorId ?? null,
      quote: quotation.quote,
      said_on: quotation.saidOn,
      topic: quotation.topicId,
      stance: quotation.stance,
      confidence: quotation.confidence,
      raw_confidence: quotation.confidences.raw,
      confidences: {
        speaker: quotation.confidences.speaker,
        topic: quotation.confidences.topic,
        stance: quotation.confidences.stance,
        day: quotation.confidences.day,
      },
      speaker_kind: quotation.speaker?.kind ?? null,
      ...(quotation.proposedTopic ? { proposed_topic: quotation.proposedTopic.id } : {}),
      start: quotation.start,
      end: quotation.end,
    })),
  );

/** `npm run extract -- <articles.json>`: one JSON line per quotation. */
const main = () => {
  const [listPath] = process.argv.slice(2).filter((arg) => arg !== '--');
  if (!listPath) throw new InputError('usage: npm run extract -- <articles.json>');
  const lines = extractLines(readArticles(resolve(listPath)), loadExtractionKnowledge());
  process.stdout.write(lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length > 0 ? '\n' : ''));
};

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`extract: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof InputError ? 2 : 1);
  }
}
