import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import {
  type Article,
  articleDecider,
  type ArticleFields,
  type ArticleQuotation,
  articleStreamName,
  type DispositionPlan,
  type IngestionMode,
  planDisposition,
  type QuotationDisposition,
  quotationIdFor,
} from '@domain/articles';
import { type ExtractedQuotation, extractQuotations } from '@domain/extraction';
import {
  type ActorPositions,
  actorPositionsDecider,
  actorStreamName,
  DuplicateSourceError,
  type PositionStatement,
  type Source,
  type Stance,
} from '@domain/positions';
import { DomainError } from '@domain/shared/domain-error';
import { AppConfig } from '../../config/app-config';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { type EventMetadata, EventStore } from '../../infrastructure/event-store/event-store.port';
import { AddSourceCommand } from '../../positions/add-source/add-source.command';
import { RecordPositionCommand } from '../../positions/record-position/record-position.command';
import { TopicLookup } from '../../topics/topic-lookup/topic-lookup';
import { ExtractionKnowledgeSource } from './extraction-knowledge';

/** Names the extractor in each QuotationsExtracted event, so a later, better extractor's results can be told apart. */
export const EXTRACTOR_NAME = 'positions-extractor/1';

const EXTRACTED_POSITION_NAMESPACE = '2c9e7f4a-6b1d-4d3e-a8f5-0e7b9c1d2a53';

export const extractedPositionId = (quotationId: string, actorId: string, topicId: string): string =>
  uuidv5(`${quotationId}:${actorId}:${topicId}`, EXTRACTED_POSITION_NAMESPACE);

const truncate = (text: string, length: number): string =>
  text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;

/** The fields a position is recorded with, from a quotation (and an editor's edits to it, on acceptance). */
export type PositionDraft = {
  actorId: string;
  actorName: string;
  topicId: string;
  stance: Stance;
  saidOn: string;
  saidOnPrecision: NonNullable<ExtractedQuotation['saidOnPrecision']>;
  conditions: { text: string; topicId: string | null }[];
  summary: string | null;
  confidence: number;
};

/**
 * Runs an article through extraction and records what it finds: confident quotations become positions (or one
 * more source of a statement already known); the rest wait for an editor. Every write has a deterministic id,
 * so an ingestion cut short is completed, not repeated, by submitting the article again.
 */
@Injectable()
export class ArticleIngestion {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: DeciderRunner,
    private readonly store: EventStore,
    private readonly topics: TopicLookup,
    private readonly knowledge: ExtractionKnowledgeSource,
    private readonly config: AppConfig,
  ) {}

  async ingest(article: ArticleFields, mode: IngestionMode, metadata: EventMetadata): Promise<Article> {
    const extracted = extractQuotations(
      { id: article.articleId, text: article.text, outlet: article.outlet, publishedOn: article.publishedOn },
      await this.knowledge.current(),
    );
    const quotations: ArticleQuotation[] = [];
    for (const quotation of extracted) {
      const quotationId = quotationIdFor(article.articleId, quotation.start, quotation.end);
      const plan = await this.plan(article.articleId, quotation, mode);
      const disposition = await this.carryOut(plan, article, quotation, quotationId, metadata);
      quotations.push({ ...quotation, quotationId, disposition });
    }
    const result = await this.runner.run(
      articleDecider,
      articleStreamName(article.articleId),
      (recordedAt) => ({
        type: 'RecordExtraction' as const,
        data: {
          articleId: article.articleId,
          outlet: article.outlet,
          publishedOn: article.publishedOn,
          extractor: EXTRACTOR_NAME,
          quotations,
          recordedAt,
        },
      }),
      { metadata, commandId: `article:${article.articleId}:extraction` },
    );
    return result.state;
  }

  /** Records a position from a draft, or adds this article as a source of the same statement already known. */
  async recordDraft(
    draft: PositionDraft,
    article: ArticleFields,
    quotation: Pick<ExtractedQuotation, 'quote' | 'start' | 'end'>,
    quotationId: string,
    metadata: EventMetadata,
    existingPositionId: string | null,
  ): Promise<Exclude<QuotationDisposition, { kind: 'review' } | { kind: 'no-position' }>> {
    const source = this.source(article, quotation);
    if (existingPositionId) {
      try {
        await this.commands.execute(
          new AddSourceCommand(draft.actorId, existingPositionId, source, metadata, {
            idempotencyKey: quotationId,
          }),
        );
        return { kind: 'source-added', positionId: existingPositionId, actorId: draft.actorId };
      } catch (error) {
        if (error instanceof DuplicateSourceError)
          return { kind: 'already-recorded', positionId: existingPositionId, actorId: draft.actorId };
        throw error;
      }
    }
    const positionId = extractedPositionId(quotationId, draft.actorId, draft.topicId);
    const statement: PositionStatement = {
      topicId: draft.topicId,
      stance: draft.stance,
      conditions: draft.conditions.map(({ text, topicId }) => ({
        text: text.trim(),
        topicId: topicId || null,
      })),
      summary: (
        draft.summary ??
        truncate(`${draft.actorName}, as quoted by ${article.outlet}: “${quotation.quote}”`, 500)
      ).trim(),
      quote: truncate(quotation.quote, 10_000),
      evidenceType: 'direct-quote',
      statedAt: new Date(draft.saidOn).toISOString(),
      statedAtPrecision: draft.saidOnPrecision,
      confidence: draft.confidence,
      sources: [source],
    };
    await this.commands.execute(
      new RecordPositionCommand(draft.actorId, statement, metadata, {
        positionId,
        commandId: `article:${quotationId}:position:${positionId}`,
      }),
    );
    return { kind: 'recorded', positionId, actorId: draft.actorId };
  }

  async speakerPositions(actorId: string): Promise<ActorPositions> {
    const events = await this.store.readStream(actorStreamName(actorId));
    return (events as unknown as Parameters<typeof actorPositionsDecider.evolve>[1][]).reduce(
      actorPositionsDecider.evolve,
      actorPositionsDecider.initialState(),
    );
  }

  private async plan(
    articleId: string,
    quotation: ExtractedQuotation,
    mode: IngestionMode,
  ): Promise<DispositionPlan> {
    const speakerPositions =
      quotation.speaker?.kind === 'actor' ? await this.speakerPositions(quotation.speaker.actorId) : null;
    const topicRegistered = quotation.topicId
      ? (await this.topics.existing([quotation.topicId])).length > 0
      : false;
    return planDisposition({
      articleId,
      quotation,
      speakerPositions,
      topicRegistered,
      threshold: this.config.env.EXTRACTION_AUTO_RECORD_CONFIDENCE,
      mode,
    });
  }

  private async carryOut(
    plan: DispositionPlan,
    article: ArticleFields,
    quotation: ExtractedQuotation,
    quotationId: string,
    metadata: EventMetadata,
  ): Promise<QuotationDisposition> {
    switch (plan.kind) {
      case 'review':
        return { kind: 'review', reasons: plan.reasons };
      case 'no-position':
        return { kind: 'no-position' };
      case 'already-recorded':
        return plan;
      case 'add-source':
      case 'record': {
        const draft = draftOf(quotation);
        if (!draft) return { kind: 'review', reasons: ['incomplete'] };
        try {
          return await this.recordDraft(
            draft,
            article,
            quotation,
            quotationId,
            metadata,
            plan.kind === 'add-source' ? plan.positionId : null,
          );
        } catch (error) {
          // The ledger refused it (say, a day said after today): an editor decides, with the refusal as the reason.
          if (error instanceof DomainError) return { kind: 'review', reasons: [error.code] };
          throw error;
        }
      }
    }
  }

  private source(article: ArticleFields, quotation: Pick<ExtractedQuotation, 'start' | 'end'>): Source {
    return {
      outlet: article.outlet.trim(),
      articleId: article.articleId,
      url: article.url || null,
      publishedOn: article.publishedOn,
      text: article.text.slice(quotation.start, quotation.end),
      span: { start: quotation.start, end: quotation.end },
    };
  }
}

/** A quotation complete enough to record as it stands, or null. */
export const draftOf = (quotation: ExtractedQuotation): PositionDraft | null => {
  if (
    quotation.speaker?.kind !== 'actor' ||
    !quotation.topicId ||
    !quotation.stance ||
    quotation.stance === 'no-position' ||
    !quotation.saidOn
  )
    return null;
  return {
    actorId: quotation.speaker.actorId,
    actorName: quotation.speaker.name,
    topicId: quotation.topicId,
    stance: quotation.stance,
    saidOn: quotation.saidOn,
    saidOnPrecision: quotation.saidOnPrecision ?? 'day',
    conditions: quotation.conditions,
    summary: null,
    confidence: quotation.confidence,
  };
};
