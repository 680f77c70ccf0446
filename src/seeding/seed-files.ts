import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import type { PositionStatement } from '@domain/positions';
import { RegisterActorRequest } from '../actors/register-actor/register-actor.request';
import { projectRoot } from '../infrastructure/project-root';
import { RecordPositionRequest, toStatement } from '../positions/record-position/record-position.request';
import { RegisterTopicRequest } from '../topics/register-topic/register-topic.request';

type SeedArticle = {
  id: string;
  file: string;
  outlet: string;
  publishedOn: string;
  url: string | null;
  title: string;
};
type SeedSource = { articleId: string; text: string; start: number; end: number };
type SeedPosition = Omit<RecordPositionRequest, 'sources'> & {
  key: string;
  actorId: string;
  sources: SeedSource[];
  correctionReason?: string;
};

export type SeedPositionCommand = {
  key: string;
  actorId: string;
  positionId: string;
  /** What the position states, as the domain holds it, with every source in the file's order. */
  statement: PositionStatement;
  /** When each source became known: the start of its article's publication day (UTC), in `statement.sources` order. */
  sourcesKnownSince: Date[];
  /** Why the seed file changed this position, for the correction a store seeded before gets. */
  correctionReason?: string;
};

export type SeedArticleText = Omit<SeedArticle, 'file'> & { text: string };

export type Seeds = {
  articles: SeedArticleText[];
  topics: RegisterTopicRequest[];
  actors: RegisterActorRequest[];
  positions: SeedPositionCommand[];
};

const SEED_POSITION_NAMESPACE = 'a3d7c1f2-58e4-4b0e-9d8c-2f6b7e1a9c40';

/**
 * A seed position's id hashes where its first source stands in its article, and whose stance on what it
 * records (one sentence can carry two positions), so every replay finds the same id again.
 */
export const seedPositionId = (source: SeedSource, actorId: string, topicId: string): string =>
  uuidv5(`${source.articleId}:${source.start}-${source.end}:${actorId}:${topicId}`, SEED_POSITION_NAMESPACE);

const validated = <T extends object>(type: new () => T, plain: object, where: string): T => {
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new Error(
      `${where} is invalid: ${errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? { nested: 'invalid' }).join(', ')}`).join('; ')}`,
    );
  }
  return instance;
};

const readJson = <T>(folder: string, name: string): T =>
  JSON.parse(readFileSync(join(folder, name), 'utf8')) as T;

/** Reads seeds/, checks every source's words stand at its span in the article, and shapes the commands. */
export const loadSeeds = (folder = join(projectRoot(), 'seeds')): Seeds => {
  const articles = new Map(
    readJson<SeedArticle[]>(folder, 'articles.json').map((article) => [article.id, article]),
  );
  const texts = new Map(
    [...articles.values()].map((article) => [article.id, readFileSync(join(folder, article.file), 'utf8')]),
  );
  const topics = readJson<object[]>(folder, 'topics.json').map((topic, index) =>
    validated(RegisterTopicRequest, topic, `seeds/topics.json[${index}]`),
  );
  const actors = readJson<object[]>(folder, 'actors.json').map((actor, index) =>
    validated(RegisterActorRequest, actor, `seeds/actors.json[${index}]`),
  );
  const positions = readJson<SeedPosition[]>(folder, 'positions.json').map(
    ({ key, actorId, sources, correctionReason, ...position }) => {
      const resolved = sources.map((source) => {
        const article = articles.get(source.articleId);
        const text = texts.get(source.articleId);
        if (!article || text === undefined)
          throw new Error(`seed ${key}: unknown article ${source.articleId}`);
        if (text.slice(source.start, source.end) !== source.text) {
          throw new Error(
            `seed ${key}: the words of ${source.articleId} at ${source.start}-${source.end} are not its source text`,
          );
        }
        return {
          outlet: article.outlet,
          articleId: article.id,
          publishedOn: article.publishedOn,
          text: source.text,
          span: { start: source.start, end: source.end },
          ...(article.url ? { url: article.url } : {}),
        };
      });
      // Validated as a request would be, then held as the domain data the replay sends.
      const statement = toStatement(
        validated(RecordPositionRequest, { ...position, sources: resolved }, `seed ${key}`),
      );
      return {
        key,
        actorId,
        positionId: seedPositionId(sources[0], actorId, position.topicId),
        statement,
        sourcesKnownSince: resolved.map(({ publishedOn }) => new Date(`${publishedOn}T00:00:00.000Z`)),
        ...(correctionReason ? { correctionReason } : {}),
      };
    },
  );
  return {
    articles: [...articles.values()].map(({ file: _file, ...article }) => ({
      ...article,
      text: texts.get(article.id) as string,
    })),
    topics,
    actors,
    positions,
  };
};
