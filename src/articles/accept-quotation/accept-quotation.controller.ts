import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { AcceptQuotationCommand } from './accept-quotation.command';

import { AcceptQuotationRequest, toEdits } from './accept-quotation.request';

import { QuotationParams } from './quotation-params.request';

import { ReviewDecisionResponse } from '../articles.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('review')
@Controller('v1/review')
export class AcceptQuotationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':quotationId/accept')
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiOperation({
    summary:
      'Accept a queued quotation, with edits: records the position (or adds a source) and marks it accepted',
  })
  @ApiErrors(
    'REVIEW.NOT_FOUND',
    'REVIEW.ALREADY_DECIDED',
    'REVIEW.FIELD_REQUIRED',
    'ACTOR.NOT_FOUND',
    'ACTOR.ALREADY_REGISTERED',
    'ACTOR.INVALID_ID',
    'TOPIC.UNKNOWN',
    'POSITION.STATED_AFTER_RECORDED',
    'POSITION.QUOTE_REQUIRED',
    'POSITION.CONDITIONS_REQUIRED',
    'POSITION.CONDITIONS_NOT_ALLOWED',
    'POSITION.DUPLICATE_SOURCE',
    'POSITION.ID_CONFLICT',
    'EVENT_STORE.CONCURRENCY_CONFLICT',
  )
  @ApiResponse({ status: 200, description: 'Accepted: the position recorded', type: ReviewDecisionResponse })
  async accept(
    @Param() { quotationId }: QuotationParams,
    @Body() body: AcceptQuotationRequest,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(
      new AcceptQuotationCommand(quotationId, toEdits(body), metadata, body.registerActor ?? false),
    );
  }
}
