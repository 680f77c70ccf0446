import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { ReviewDecisionResult } from '../accept-quotation/accept-quotation.command';

export class RejectQuotationCommand extends Command<ReviewDecisionResult> {
  constructor(
    readonly quotationId: string,
    readonly reason: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
