import { Controller, Get, Param, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Shift } from '@domain/analytics';
import { Clock } from '../../infrastructure/clock';

import { CatalogueChecks } from '../../positions/shared/catalogue-checks';

import { ActorParams } from '../../positions/shared/position-params.request';

import { decodeCursor, pageOf } from '../../infrastructure/http/page-cursor';

import { StanceShiftsQuery } from './stance-shifts.query';

import { StanceShiftsRequest } from './stance-shifts.request';

import { ShiftPageResponse } from '../shared/analytics.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

type ShiftKey = [string, string, string];

const keyOf = (shift: Shift): ShiftKey => [shift.validAt, shift.topicId, shift.shiftId];

const after = (key: ShiftKey | null) => (shift: Shift) => {
  if (!key) return true;
  const [validAt, topicId, shiftId] = keyOf(shift);
  const byTime = Date.parse(validAt) - Date.parse(key[0]);
  return byTime > 0 || (byTime === 0 && (topicId > key[1] || (topicId === key[1] && shiftId > key[2])));
};

@ApiTags('analytics')
@Controller('v1/actors/:actorId/shifts')
export class StanceShiftsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Each change of an actor's stance in force, with before, after, both times and the flip rating",
  })
  @ApiErrors('ACTOR.NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'Shifts by valid time, a page at a time',
    type: ShiftPageResponse,
  })
  async shifts(@Param() { actorId }: ActorParams, @Query() query: StanceShiftsRequest) {
    const knownAt = query.knownAt ? new Date(query.knownAt) : this.clock.now();
    const key = decodeCursor<ShiftKey>(query.after, 'shifts', ['string', 'string', 'string']);
    await this.checks.actorExists(actorId);
    const shifts = (await this.queries.execute(new StanceShiftsQuery(actorId, knownAt, query.topic))).filter(
      (shift) =>
        (!query.from || Date.parse(shift.validAt) >= Date.parse(query.from)) &&
        (!query.to || Date.parse(shift.validAt) < Date.parse(query.to)),
    );
    const page = pageOf('shifts', shifts, keyOf, after(key), query.limit ?? 100);
    return { actorId, knownAt: knownAt.toISOString(), ...page };
  }
}
