import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName, KnownSinceInFutureError } from '@domain/positions';
import { Clock } from '../../infrastructure/clock';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { TopicLookup } from '../../topics/topic-lookup/topic-lookup';
import { toSource } from '../shared/source.request';
import { positionWriteResult } from '../shared/position-write.result';
import { RecordPositionCommand } from './record-position.command';
import { precisionOf } from './record-position.request';

@CommandHandler(RecordPositionCommand)
export class RecordPositionHandler implements ICommandHandler<RecordPositionCommand> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly topics: TopicLookup,
    private readonly clock: Clock,
  ) {}

  async execute({ actorId, positionId, request, metadata, conditions }: RecordPositionCommand) {
    const now = this.clock.now();
    if (conditions.knownSince && conditions.knownSince > now)
      throw new KnownSinceInFutureError(conditions.knownSince.toISOString(), now.toISOString());
    const conditionList = (request.conditions ?? []).map(({ text, topicId }) => ({
      text: text.trim(),
      topicId: topicId ?? null,
    }));
    const knownTopicIds = await this.topics.existing([
      request.topicId,
      ...conditionList.map(({ topicId }) => topicId),
    ]);
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'RecordPosition' as const,
        data: {
          positionId,
          actorId,
          topicId: request.topicId,
          stance: request.stance,
          conditions: conditionList,
          summary: request.summary.trim(),
          quote: request.quote ?? null,
          evidenceType: request.evidenceType,
          statedAt: new Date(request.statedAt).toISOString(),
          statedAtPrecision: precisionOf(request.statedAt, request.statedAtPrecision),
          confidence: request.confidence,
          sources: request.sources.map(toSource),
          recordedAt,
          knownTopicIds,
        },
      }),
      {
        metadata,
        expectedRevision: conditions.expectedRevision,
        commandId: conditions.commandId,
        knownSince: conditions.knownSince,
      },
    );
    const state = result.state;
    const stored = state.status === 'registered' ? state.positions.get(positionId) : undefined;
    return {
      ...positionWriteResult(positionId, result),
      recordedAt: stored?.firstRecordedAt ?? result.recordedAt,
    };
  }
}
