import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { compareWithCuration, type ExtractedInArticle } from '@domain/articles';
import {
  CORRECTABLE_FIELDS,
  fingerprint,
  type PositionFields,
  positionFields,
  type PositionRecord,
  sourceKey,
  startOfPrecision,
} from '@domain/positions';
import { ActorAlreadyRegisteredError, actorStreamName } from '@domain/actors';
import { TopicAlreadyRegisteredError, topicStreamName } from '@domain/topics';
import { SubmitArticleCommand } from '../../articles/submit-article/submit-article.command';
import { RegisterActorCommand } from '../../actors/register-actor/register-actor.command';
import { toRole } from '../../actors/register-actor/to-role';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { AddSourceCommand } from '../../positions/add-source/add-source.command';
import { CorrectPositionCommand } from '../../positions/correct-position/correct-position.command';
import { RecordPositionCommand } from '../../positions/record-position/record-position.command';
import { RegisterTopicCommand } from '../../topics/register-topic/register-topic.command';
import { loadSeeds, type SeedPositionCommand } from '../seed-files';
import { ReplaySeedsCommand, type ReplaySeedsResult, type SeedKeptEdit } from './replay-seeds.command';
import { SeededPositions } from './seeded-positions';

/** The seed's fields as the decider stores them: statedAt at the start of its precision period. */
const seedFields = ({ statement }: SeedPositionCommand): PositionFields => ({
  ...positionFields(statement),
  statedAt: startOfPrecision(new Date(statement.statedAt), statement.statedAtPrecision).toISOString(),
});

/** The fields where the seed file and the stored position part ways. */
const changedFields = (seed: PositionFields, stored: PositionRecord): Partial<PositionFields> => {
  const current = positionFields(stored);
  return Object.fromEntries(
    CORRECTABLE_FIELDS.filter((field) => fingerprint(seed[field]) !== fingerprint(current[field])).map(
      (field) => [field, seed[field]],
    ),
  );
};

const isEditConflict = (error: unknown): boolean =>
  error instanceof TopicAlreadyRegisteredError || error instanceof ActorAlreadyRegisteredError;

/**
 * Sends the seeds as commands through the deciders. A position is known from its sources' publication days
 * (a backfill: `knownSince`), each later source from its own day. A replay appends nothing the store already
 * holds; where the seed file was fixed since, it records a correction now, never rewriting what was known;
 * where an editor changed a seed since, the editor's version stands and the replay reports it.
 */
@CommandHandler(ReplaySeedsCommand)
export class ReplaySeedsHandler implements ICommandHandler<ReplaySeedsCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly seeded: SeededPositions,
  ) {}

  async execute({ runId, progress, options }: ReplaySeedsCommand): Promise<ReplaySeedsResult> {
    const seeds = loadSeeds();
    const metadata: EventMetadata = {
      recordedBy: 'seeds',
      correlationId: runId,
      causationId: `seed-replay:${runId}`,
    };
    const total =
      seeds.topics.length +
      seeds.actors.length +
      seeds.positions.length +
      (options.articles ? seeds.articles.length : 0);
    const counts = { commands: 0, appended: 0, unchanged: 0 };
    const corrected: string[] = [];
    const keptEdits: SeedKeptEdit[] = [];
    const count = (appended: boolean) => {
      counts.commands += 1;
      counts[appended ? 'appended' : 'unchanged'] += 1;
      progress(counts.commands, total);
    };
    const registering = async (
      kind: 'topic' | 'actor',
      id: string,
      streamName: string,
      register: () => Promise<boolean>,
    ) => {
      let appended = false;
      try {
        appended = await register();
      } catch (error) {
        if (!isEditConflict(error)) throw error;
      }
      const editedBy = appended ? null : await this.seeded.catalogueEditedBy(streamName);
      if (editedBy)
        keptEdits.push({
          kind,
          id,
          reason: `edited by ${editedBy} since it was seeded: the stored version stands`,
        });
      count(appended);
    };
    for (const topic of seeds.topics) {
      await registering('topic', topic.id, topicStreamName(topic.id), async () => {
        const result = await this.commands.execute(
          new RegisterTopicCommand(
            { topicId: topic.id, title: topic.title, proposition: topic.proposition },
            metadata,
            `seed:topic:${topic.id}`,
          ),
        );
        return result.appended;
      });
    }
    for (const actor of seeds.actors) {
      await registering('actor', actor.id, actorStreamName(actor.id), async () => {
        const result = await this.commands.execute(
          new RegisterActorCommand(
            {
              actorId: actor.id,
              name: actor.name,
              kind: actor.kind,
              aliases: actor.aliases ?? [],
              roles: (actor.roles ?? []).map(toRole),
            },
            metadata,
            `seed:actor:${actor.id}`,
          ),
        );
        return result.appended;
      });
    }
    for (const position of seeds.positions) {
      const outcome = await this.replayPosition(position, metadata);
      if (outcome === 'corrected') corrected.push(position.key);
      if (typeof outcome === 'object') keptEdits.push(outcome);
      count(outcome === 'recorded' || outcome === 'corrected' || outcome === 'sources-added');
    }
    const result: ReplaySeedsResult = {
      ...counts,
      topics: seeds.topics.length,
      actors: seeds.actors.length,
      positions: seeds.positions.length,
      corrected,
      keptEdits,
    };
    if (!options.articles) return result;
    // The articles go through the same pipeline as POST /v1/articles, in curated mode: the curated positions stay
    // the reviewed truth, so extraction only links to them, and anything else waits in the review queue.
    const extracted: ExtractedInArticle[] = [];
    for (const article of seeds.articles) {
      const { created, article: stored } = await this.commands.execute(
        new SubmitArticleCommand(
          {
            articleId: article.id,
            text: article.text,
            outlet: article.outlet,
            publishedOn: article.publishedOn,
            publishedAt: null,
            url: article.url,
            title: article.title,
          },
          'curated',
          metadata,
        ),
      );
      count(created);
      extracted.push(...stored.quotations.map((quotation) => ({ ...quotation, articleId: article.id })));
    }
    const comparison = compareWithCuration(
      seeds.positions.map(({ key, actorId, statement }) => ({
        key,
        actorId,
        topicId: statement.topicId,
        stance: statement.stance,
        saidOn: statement.statedAt.slice(0, 10),
        sources: statement.sources.map((source) => ({
          articleId: source.articleId as string,
          start: source.span?.start ?? 0,
          end: source.span?.end ?? 0,
        })),
      })),
      extracted,
    );
    const agreeing = comparison.matched.filter((match) => match.disagreements.length === 0).length;
    return {
      ...result,
      extraction: {
        articles: seeds.articles.length,
        quotations: extracted.length,
        summary: {
          matched: comparison.matched.length,
          agreeing,
          disagreeing: comparison.matched.length - agreeing,
          curatedOnly: comparison.curatedOnly.length,
          extractedOnly: comparison.extractedOnly.length,
        },
        comparison,
      },
    };
  }

  private async replayPosition(
    seed: SeedPositionCommand,
    metadata: EventMetadata,
  ): Promise<'recorded' | 'corrected' | 'sources-added' | 'unchanged' | SeedKeptEdit> {
    const { key, actorId, positionId, statement, sourcesKnownSince } = seed;
    const stored = await this.seeded.find(actorId, positionId);
    const sources = statement.sources.map((source, index) => ({
      source,
      knownSince: sourcesKnownSince[index],
    }));
    if (!stored) {
      const firstKnown = new Date(Math.min(...sourcesKnownSince.map((day) => day.getTime())));
      const first = sources.filter(({ knownSince }) => knownSince.getTime() === firstKnown.getTime());
      await this.commands.execute(
        new RecordPositionCommand(
          actorId,
          { ...statement, sources: first.map(({ source }) => source) },
          metadata,
          { positionId, commandId: `seed:position:${key}`, knownSince: firstKnown },
        ),
      );
      const later = sources
        .filter(({ knownSince }) => knownSince.getTime() > firstKnown.getTime())
        .sort((a, b) => a.knownSince.getTime() - b.knownSince.getTime());
      for (const { source, knownSince } of later) {
        await this.commands.execute(
          new AddSourceCommand(actorId, positionId, source, metadata, {
            idempotencyKey: `seed:${key}:${sourceKey(source)}`,
            knownSince,
          }),
        );
      }
      return 'recorded';
    }
    if (stored.editedBy) {
      const changes = changedFields(seedFields(seed), stored.record);
      if (Object.keys(changes).length === 0) return 'unchanged';
      return {
        kind: 'position',
        id: key,
        reason: `changed by ${stored.editedBy} since it was seeded: the stored version stands`,
      };
    }
    let outcome: 'corrected' | 'sources-added' | 'unchanged' = 'unchanged';
    const changes = changedFields(seedFields(seed), stored.record);
    if (Object.keys(changes).length > 0) {
      await this.commands.execute(
        new CorrectPositionCommand(
          actorId,
          positionId,
          { changes, reason: (seed.correctionReason ?? 'The seed file was corrected.').trim() },
          metadata,
          {},
        ),
      );
      outcome = 'corrected';
    }
    const missing = statement.sources.filter(
      (source) => !stored.record.sourceKeys.includes(sourceKey(source)),
    );
    for (const source of missing) {
      await this.commands.execute(
        new AddSourceCommand(actorId, positionId, source, metadata, {
          idempotencyKey: `seed:${key}:${sourceKey(source)}`,
        }),
      );
      if (outcome === 'unchanged') outcome = 'sources-added';
    }
    return outcome;
  }
}
