import { Command } from '@nestjs/cqrs';
import type { QuotationDisposition, QuotationEdits } from '@domain/articles';
import type { EventMetadata } from '../../infrastructure/event-store/event-store.port';

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
    readonly edits: QuotationEdits,
    readonly metadata: EventMetadata,
    /** Register the speaker first when it is an actor candidate. */
    readonly registerActor = false,
  ) {
    super();
  }
}
