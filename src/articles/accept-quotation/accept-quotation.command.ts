import { Command } from '@nestjs/cqrs';
import type { QuotationDisposition } from '@domain/articles';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';
import type { AcceptQuotationRequest } from './accept-quotation.request';

export type ReviewDecisionResult = {
  quotationId: string;
  articleId: string;
  status: 'accepted' | 'rejected';
  disposition: QuotationDisposition | null;
  revision: string;
};

export class AcceptQuotationCommand extends Command<ReviewDecisionResult> {
  constructor(
    readonly quotationId: string,
    readonly edits: AcceptQuotationRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
