import { Controller, Get, Query, Res } from '@nestjs/common';

import { QueryBus } from '@nestjs/cqrs';

import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { stringify } from 'csv-stringify/sync';

import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';

import type { StanceInForce } from '@domain/positions';
import { Clock } from '../../infrastructure/clock';

import { resolveAsOf } from '../../positions/shared/as-of.request';

import { EXPORT_CSV_EXAMPLE } from '../shared/analytics.examples';

import { PositionExportQuery } from './position-export.query';

import { PositionExportRequest } from './position-export.request';

import { EXPORT_COLUMNS, toCsvRecord, toExportRow } from './position-export.row';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

async function* lines(
  batches: AsyncIterable<StanceInForce[]>,
  format: PositionExportRequest['format'],
): AsyncGenerator<string> {
  if (format === 'csv') yield stringify([[...EXPORT_COLUMNS]]);
  for await (const batch of batches) {
    const rows = batch.map(toExportRow);
    yield format === 'csv'
      ? stringify(rows.map(toCsvRecord))
      : rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  }
}

@ApiTags('analytics')
@Controller('v1/export/positions')
export class PositionExportController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every stance in force at `at` as known at `knownAt`, streamed as CSV or JSON Lines',
  })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.jsonl)
  @ApiOkResponse({
    description: 'One line per (actor, topic), by actor then topic',
    schema: { type: 'string', description: 'RFC 4180 CSV with a header row, or one JSON object per line' },
    example: EXPORT_CSV_EXAMPLE,
  })
  async export(@Query() query: PositionExportRequest, @Res() reply: FastifyReply): Promise<void> {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const batches = await this.queries.execute(new PositionExportQuery(at, knownAt));
    reply
      .status(200)
      .header('Content-Type', CONTENT_TYPES[query.format])
      .header(
        'Content-Disposition',
        `attachment; filename="positions-${at.toISOString().slice(0, 10)}.${query.format}"`,
      )
      .header('X-At', at.toISOString())
      .header('X-Known-At', knownAt.toISOString());
    if (reply.request.method === 'HEAD') {
      reply.send(Readable.from([]));
      return;
    }
    // One batch at a time: the next is read once the socket took the last (Fastify pipes with back-pressure),
    // and a client that leaves destroys the stream, which ends the generator and so the reads.
    reply.send(Readable.from(lines(batches, query.format), { highWaterMark: 1 }));
  }
}
