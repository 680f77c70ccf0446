import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { once } from 'node:events';
import { Clock } from '../../infrastructure/clock';
import { resolveAsOf } from '../../positions/shared/as-of.request';
import { EXPORT_CSV_EXAMPLE } from '../shared/analytics.examples';
import { PositionExportQuery } from './position-export.query';
import { PositionExportRequest } from './position-export.request';
import { EXPORT_COLUMNS, toCsvRecord, toExportRow } from './position-export.row';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

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
    example: EXPORT_CSV_EXAMPLE,
  })
  async export(@Query() query: PositionExportRequest, @Res() response: Response): Promise<void> {
    const { at, knownAt } = resolveAsOf(query, this.clock.now());
    const batches = await this.queries.execute(new PositionExportQuery(at, knownAt));
    response.status(200);
    response.setHeader('Content-Type', CONTENT_TYPES[query.format]);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="positions-${at.toISOString().slice(0, 10)}.${query.format}"`,
    );
    response.setHeader('X-At', at.toISOString());
    response.setHeader('X-Known-At', knownAt.toISOString());
    const write = async (chunk: string) => {
      if (!response.write(chunk)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
    };
    if (query.format === 'csv') await write(stringify([[...EXPORT_COLUMNS]]));
    for await (const batch of batches) {
      if (response.destroyed) return;
      const rows = batch.map(toExportRow);
      await write(
        query.format === 'csv'
          ? stringify(rows.map(toCsvRecord))
          : rows.map((row) => `${JSON.stringify(row)}\n`).join(''),
      );
    }
    response.end();
  }
}
