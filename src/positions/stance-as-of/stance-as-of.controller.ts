import { Controller, Get, Header, Param, Query } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Clock } from '../../infrastructure/clock';

import { AsOfRequest, resolveAsOf } from '../shared/as-of.request';

import { CatalogueChecks } from '../shared/catalogue-checks';

import { ActorParams } from '../shared/position-params.request';

import { StanceAsOfJsonQuery } from './stance-as-of-json.query';

import { StanceParams } from './stance-as-of.request';

import { StanceNotInForceError } from './stance-not-in-force.error';

import { ActorStancesResponse, StanceAsOfResponse } from '../shared/stance.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

const JSON_TYPE = 'application/json; charset=utf-8';

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** The answer's own fields, before the stances, which arrive as JSON bytes already. */
const head = (actorId: string, at: Date, knownAt: Date, rest: string): Buffer =>
  Buffer.from(
    `{"actorId":${JSON.stringify(actorId)},"at":"${at.toISOString()}","knownAt":"${knownAt.toISOString()}"${rest}`,
  );

const list = (stances: Uint8Array[]): Uint8Array[] => {
  const parts: Uint8Array[] = [];
  for (const stance of stances) {
    if (parts.length > 0) parts.push(COMMA);
    parts.push(stance);
  }
  return parts;
};

@ApiTags('stances')
@Controller('v1/actors/:actorId/stances')
export class StanceAsOfController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly checks: CatalogueChecks,
  ) {}

  @Get()
  @ApiOperation({ summary: "An actor's stance on every topic, in force at `at`, as known at `knownAt`" })
  @Header('Content-Type', JSON_TYPE)
  @ApiErrors('ACTOR.NOT_FOUND')
  @ApiResponse({ status: 200, description: "The actor's stances in force", type: ActorStancesResponse })
  async stances(@Param() { actorId }: ActorParams, @Query() query: AsOfRequest): Promise<Buffer> {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const stances = await this.queries.execute(new StanceAsOfJsonQuery(actorId, at, knownAt));
    // An actor with stances exists: only an empty answer needs the catalogue to tell unknown from silent.
    if (stances.length === 0) await this.checks.actorExists(actorId);
    return Buffer.concat([head(actorId, at, knownAt, ',"stances":['), ...list(stances), CLOSE]);
  }

  @Get(':topicId')
  @ApiOperation({ summary: "An actor's stance on one topic (404 STANCE.NOT_IN_FORCE when none)" })
  @Header('Content-Type', JSON_TYPE)
  @ApiErrors('ACTOR.NOT_FOUND', 'TOPIC.NOT_FOUND', 'STANCE.NOT_IN_FORCE')
  @ApiResponse({ status: 200, description: 'The stance in force', type: StanceAsOfResponse })
  async stance(@Param() { actorId, topicId }: StanceParams, @Query() query: AsOfRequest): Promise<Buffer> {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const [stance] = await this.queries.execute(new StanceAsOfJsonQuery(actorId, at, knownAt, topicId));
    if (!stance) {
      await this.checks.actorExists(actorId);
      await this.checks.topicExists(topicId);
      throw new StanceNotInForceError(actorId, topicId, at.toISOString(), knownAt.toISOString());
    }
    // The stance's own object, opened into the answer's: its fields follow actorId, at and knownAt.
    return Buffer.concat([head(actorId, at, knownAt, ','), stance.subarray(1)]);
  }
}
