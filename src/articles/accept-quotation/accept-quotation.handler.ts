import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  articleDecider,
  articleStreamName,
  findSameStatement,
  type ReviewEdits,
  ReviewFieldRequiredError,
} from '@domain/articles';
import { UnknownTopicError } from '@domain/topics';
import { isConditional } from '@domain/positions';
import { ActorNotFoundError } from '@domain/actors';
import { RegisterActorCommand } from '../../actors/register-actor/register-actor.command';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { TopicLookup } from '../../topics/topic-lookup/topic-lookup';
import { ArticleIngestion, type PositionDraft } from '../ingestion/article-ingestion';
import { ReviewLookup } from '../review-queue/review-lookup';
import { AcceptQuotationCommand } from './accept-quotation.command';

/**
 * Records the position an editor accepted (or one more source of the statement, when it is already known),
 * then marks the quotation accepted on the article's stream. Every check comes before the first write.
 */
@CommandHandler(AcceptQuotationCommand)
export class AcceptQuotationHandler implements ICommandHandler<AcceptQuotationCommand> {
  constructor(
    private readonly lookup: ReviewLookup,
    private readonly ingestion: ArticleIngestion,
    private readonly topics: TopicLookup,
    private readonly runner: DeciderRunner,
    private readonly commands: CommandBus,
  ) {}

  async execute({ quotationId, edits, metadata, registerActor }: AcceptQuotationCommand) {
    // Refuses a quotation already decided, before anything is written.
    const { article, quotation, revision } = await this.lookup.find(quotationId);
    const speaker = quotation.speaker;
    const actorId = edits.actorId ?? speaker?.actorId;
    const topicId = edits.topicId ?? quotation.topicId;
    // A quotation read as stating no position becomes one only with the editor's stance.
    const stance = edits.stance ?? (quotation.stance === 'no-position' ? null : quotation.stance);
    const saidOn = edits.saidOn ?? quotation.saidOn;
    if (!actorId) throw new ReviewFieldRequiredError(quotationId, 'actorId');
    if (!topicId) throw new ReviewFieldRequiredError(quotationId, 'topicId');
    if (!stance) throw new ReviewFieldRequiredError(quotationId, 'stance');
    if (!saidOn) throw new ReviewFieldRequiredError(quotationId, 'saidOn');
    if ((await this.topics.existing([topicId])).length === 0) throw new UnknownTopicError(topicId, 'topicId');

    const positions = await this.ingestion.speakerPositions(actorId);
    const isCandidate = speaker?.kind === 'candidate' && speaker.actorId === actorId;
    if (positions.status !== 'registered') {
      if (!(isCandidate && registerActor)) throw new ActorNotFoundError(actorId);
      await this.commands.execute(
        new RegisterActorCommand(
          { actorId, name: speaker.name, kind: 'person', aliases: [speaker.name], roles: [] },
          metadata,
          `review:${quotationId}:register-actor`,
        ),
      );
    }
    const draft: PositionDraft = {
      actorId,
      actorName: speaker?.actorId === actorId ? speaker.name : actorId,
      topicId,
      stance,
      saidOn,
      saidOnPrecision: edits.saidOn ? 'day' : (quotation.saidOnPrecision ?? 'day'),
      // Conditions read by extraction go with a conditional stance; an editor who changes the stance says which.
      conditions: (edits.conditions ?? (isConditional(stance) ? quotation.conditions : [])).map(
        ({ text, topicId: about }) => ({
          text,
          topicId: about ?? null,
        }),
      ),
      summary: edits.summary ?? null,
      confidence: edits.confidence ?? Math.max(quotation.confidence, 0.9),
    };
    const known = findSameStatement(positions, actorId, { quote: quotation.quote, topicId });
    const disposition = await this.ingestion.recordDraft(
      draft,
      article.fields,
      quotation,
      quotationId,
      metadata,
      known?.positionId ?? null,
    );
    const recordedEdits: ReviewEdits = Object.fromEntries(
      Object.entries(edits).filter(([, value]) => value !== undefined),
    );
    const result = await this.runner.run(
      articleDecider,
      articleStreamName(article.fields.articleId),
      (recordedAt) => ({
        type: 'AcceptQuotation' as const,
        data: {
          articleId: article.fields.articleId,
          quotationId,
          edits: recordedEdits,
          disposition,
          recordedAt,
        },
      }),
      { metadata, expectedRevision: revision },
    );
    return {
      quotationId,
      articleId: article.fields.articleId,
      status: 'accepted' as const,
      disposition,
      revision: result.revision,
    };
  }
}
