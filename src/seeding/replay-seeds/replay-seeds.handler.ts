import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { compareWithCuration, type ExtractedInArticle } from '@domain/articles';
import { SubmitArticleCommand } from '../../articles/submit-article/submit-article.command';
import { RegisterActorCommand } from '../../actors/register-actor/register-actor.command';
import { toRole } from '../../actors/register-actor/to-role';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RecordPositionCommand } from '../../positions/record-position/record-position.command';
import { RegisterTopicCommand } from '../../topics/register-topic/register-topic.command';
import { loadSeeds } from '../seed-files';
import { ReplaySeedsCommand, type ReplaySeedsResult } from './replay-seeds.command';

/** Sends the seeds as commands through the deciders; their ids are deterministic, so a replay appends nothing new. */
@CommandHandler(ReplaySeedsCommand)
export class ReplaySeedsHandler implements ICommandHandler<ReplaySeedsCommand> {
  constructor(private readonly commands: CommandBus) {}

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
    const count = (appended: boolean) => {
      counts.commands += 1;
      counts[appended ? 'appended' : 'unchanged'] += 1;
      progress(counts.commands, total);
    };
    for (const topic of seeds.topics) {
      const result = await this.commands.execute(
        new RegisterTopicCommand(
          { topicId: topic.id, title: topic.title, proposition: topic.proposition },
          metadata,
          `seed:topic:${topic.id}`,
        ),
      );
      count(result.appended);
    }
    for (const actor of seeds.actors) {
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
      count(result.appended);
    }
    for (const position of seeds.positions) {
      const result = await this.commands.execute(
        new RecordPositionCommand(position.actorId, position.positionId, position.request, metadata, {
          commandId: `seed:position:${position.key}`,
        }),
      );
      count(result.appended);
    }
    const result: ReplaySeedsResult = {
      ...counts,
      topics: seeds.topics.length,
      actors: seeds.actors.length,
      positions: seeds.positions.length,
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
      seeds.positions.map(({ key, actorId, request }) => ({
        key,
        actorId,
        topicId: request.topicId,
        stance: request.stance,
        saidOn: request.statedAt.slice(0, 10),
        sources: request.sources.map((source) => ({
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
}
