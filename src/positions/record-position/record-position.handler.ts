import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { actorPositionsDecider, actorStreamName, KnownSinceInFutureError } from '@domain/positions';
import { Clock } from '../../infrastructure/clock';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { TopicLookup } from '../../topics/topic-lookup/topic-lookup';
import { positionWriteResult } from '../shared/position-write.result';
import { RecordPositionCommand } from './record-position.command';

const POSITION_ID_NAMESPACE = '6f9a4a8e-2d0c-4c55-b0a5-3c1b1f0e7d21';

@CommandHandler(RecordPositionCommand)
export class RecordPositionHandler implements ICommandHandler<RecordPositionCommand> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly topics: TopicLookup,
    private readonly clock: Clock,
  ) {}

  async execute({ actorId, statement, metadata, conditions }: RecordPositionCommand) {
    const now = this.clock.now();
    if (conditions.knownSince && conditions.knownSince > now)
      throw new KnownSinceInFutureError(conditions.knownSince.toISOString(), now.toISOString());
    // A repeat under the same Idempotency-Key, by the same author for the same actor, names the same position.
    const commandId =
      conditions.commandId ??
      (conditions.idempotencyKey
        ? `${metadata.recordedBy}:${actorId}:${conditions.idempotencyKey}`
        : undefined);
    const positionId =
      conditions.positionId ?? (commandId ? uuidv5(commandId, POSITION_ID_NAMESPACE) : randomUUID());
    const knownTopicIds = await this.topics.existing([
      statement.topicId,
      ...statement.conditions.map(({ topicId }) => topicId),
    ]);
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'RecordPosition' as const,
        data: { positionId, actorId, ...statement, recordedAt, knownTopicIds },
      }),
      {
        metadata,
        expectedRevision: conditions.expectedRevision,
        commandId,
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
