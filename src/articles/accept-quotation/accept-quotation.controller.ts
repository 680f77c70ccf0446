import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { AcceptQuotationCommand } from './accept-quotation.command';
import { AcceptQuotationRequest } from './accept-quotation.request';
import { REVIEW_DECISION_EXAMPLE } from '../articles.examples';

export class QuotationParams {
  @IsUUID('all', { message: 'quotationId must be a quotation id from GET /v1/review' })
  quotationId!: string;
}

@ApiTags('review')
@Controller('v1/review')
export class AcceptQuotationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':quotationId/accept')
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiResponse({ status: 200, description: 'Accepted: what was recorded', example: REVIEW_DECISION_EXAMPLE })
  @ApiOperation({
    summary:
      'Accept a queued quotation, with edits: records the position (or adds a source) and marks it accepted',
  })
  async accept(
    @Param() { quotationId }: QuotationParams,
    @Body() body: AcceptQuotationRequest,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(new AcceptQuotationCommand(quotationId, body, metadata));
  }
}
