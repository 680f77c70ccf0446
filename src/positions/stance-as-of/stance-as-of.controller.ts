import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../infrastructure/clock';
import { AsOfRequest, resolveAsOf } from '../shared/as-of.request';
import { CatalogueChecks } from '../shared/catalogue-checks';
import { ActorParams } from '../shared/position-params';
import { StanceAsOfJsonQuery } from './stance-as-of-json.query';
import { StanceParams } from './stance-as-of.request';
import { StanceNotInForceError } from './stance-not-in-force.error';
import { TRUMP_US_GUARANTEE_STANCE } from '../shared/stance.examples';

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
  @ApiResponse({
    status: 200,
    description: "The actor's stances in force",
    example: {
      actorId: 'donald-trump',
      at: '2025-02-27T00:00:00.000Z',
      knownAt: '2025-03-01T00:00:00.000Z',
      stances: [
        {
          topicId: 'ukraine.security-guarantees.us',
          ...TRUMP_US_GUARANTEE_STANCE,
          recordedAt: '2025-02-28T09:00:00.000Z',
        },
      ],
    },
  })
  @ApiOperation({ summary: "An actor's stance on every topic, in force at `at`, as known at `knownAt`" })
  @Header('Content-Type', JSON_TYPE)
  async stances(@Param() { actorId }: ActorParams, @Query() query: AsOfRequest): Promise<Buffer> {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const stances = await this.queries.execute(new StanceAsOfJsonQuery(actorId, at, knownAt));
    // An actor with stances exists: only an empty answer needs the catalogue to tell unknown from silent.
    if (stances.length === 0) await this.checks.actorExists(actorId);
    return Buffer.concat([head(actorId, at, knownAt, ',"stances":['), ...list(stances), CLOSE]);
  }

  @Get(':topicId')
  @ApiResponse({
    status: 200,
    description: 'The stance in force',
    example: {
      actorId: 'donald-trump',
      at: '2025-02-27T00:00:00.000Z',
      knownAt: '2025-03-01T00:00:00.000Z',
      topicId: 'ukraine.security-guarantees.us',
      ...TRUMP_US_GUARANTEE_STANCE,
      recordedAt: '2025-02-28T09:00:00.000Z',
    },
  })
  @ApiOperation({ summary: "An actor's stance on one topic (404 STANCE.NOT_IN_FORCE when none)" })
  @Header('Content-Type', JSON_TYPE)
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
