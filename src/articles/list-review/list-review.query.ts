import { Query } from '@nestjs/cqrs';
import type { ReviewItemView } from '../review-queue/review-item.view';

export class ListReviewQuery extends Query<ReviewItemView[]> {
  constructor(
    readonly filter: {
      status: 'pending' | 'no-position' | 'accepted' | 'rejected' | 'all';
      articleId?: string;
      actorId?: string;
      after: { queuedAt: string; quotationId: string } | null;
      limit: number;
    },
  ) {
    super();
  }
}
