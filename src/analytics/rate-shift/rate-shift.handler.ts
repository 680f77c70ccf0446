import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorPositionsDecider, actorStreamName } from '@domain/positions';
import { Clock } from '../../infrastructure/clock';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { StanceShiftsQuery } from '../stance-shifts/stance-shifts.query';
import { RateShiftCommand, type RateShiftResult } from './rate-shift.command';

@CommandHandler(RateShiftCommand)
export class RateShiftHandler implements ICommandHandler<RateShiftCommand> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({
    actorId,
    shiftId,
    decision,
    metadata,
    conditions,
  }: RateShiftCommand): Promise<RateShiftResult> {
    const shifts = await this.queries.execute(new StanceShiftsQuery(actorId, this.clock.now()));
    const knownShifts = shifts.map((shift) => ({ shiftId: shift.shiftId, topicId: shift.topicId }));
    const result = await this.runner.run(
      actorPositionsDecider,
      actorStreamName(actorId),
      (recordedAt) => ({
        type: 'RateShift' as const,
        data: { actorId, shiftId, rating: decision.rating, reason: decision.reason, recordedAt, knownShifts },
      }),
      { metadata, expectedRevision: conditions.expectedRevision },
    );
    return {
      revision: result.revision,
      recordedAt: result.events.at(-1)?.recordedAt ?? result.recordedAt,
      appended: result.appended,
    };
  }
}
