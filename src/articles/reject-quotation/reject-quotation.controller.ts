import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import { RequestMetadata } from '../../infrastructure/http/request-metadata.decorator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { QuotationParams } from '../accept-quotation/accept-quotation.controller';
import { RejectQuotationCommand } from './reject-quotation.command';
import { RejectQuotationRequest } from './reject-quotation.request';
import { REVIEW_DECISION_EXAMPLE } from '../articles.examples';

@ApiTags('review')
@Controller('v1/review')
export class RejectQuotationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':quotationId/reject')
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiResponse({
    status: 200,
    description: 'Rejected',
    example: { ...REVIEW_DECISION_EXAMPLE, status: 'rejected', disposition: null },
  })
  @ApiOperation({ summary: 'Reject a queued quotation (it records nothing), with the reason' })
  async reject(
    @Param() { quotationId }: QuotationParams,
    @Body() body: RejectQuotationRequest,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(new RejectQuotationCommand(quotationId, body.reason, metadata));
  }
}
