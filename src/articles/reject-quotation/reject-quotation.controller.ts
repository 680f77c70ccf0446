import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';

import { CommandBus } from '@nestjs/cqrs';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { QuotationParams } from '../accept-quotation/quotation-params.request';

import { RejectQuotationCommand } from './reject-quotation.command';

import { RejectQuotationRequest } from './reject-quotation.request';

import { ReviewDecisionResponse } from '../articles.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('review')
@Controller('v1/review')
export class RejectQuotationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':quotationId/reject')
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiOperation({ summary: 'Reject a queued quotation (it records nothing), with the reason' })
  @ApiErrors('REVIEW.NOT_FOUND', 'REVIEW.ALREADY_DECIDED', 'EVENT_STORE.CONCURRENCY_CONFLICT')
  @ApiResponse({ status: 200, description: 'Rejected', type: ReviewDecisionResponse })
  async reject(
    @Param() { quotationId }: QuotationParams,
    @Body() body: RejectQuotationRequest,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(new RejectQuotationCommand(quotationId, body.reason, metadata));
  }
}
