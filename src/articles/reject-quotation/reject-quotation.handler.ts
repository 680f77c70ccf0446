import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { articleDecider, articleStreamName } from '@domain/articles';
import { DeciderRunner } from '../../infrastructure/event-store/decider-runner';
import { ReviewLookup } from '../review-queue/review-lookup';
import { RejectQuotationCommand } from './reject-quotation.command';

@CommandHandler(RejectQuotationCommand)
export class RejectQuotationHandler implements ICommandHandler<RejectQuotationCommand> {
  constructor(
    private readonly lookup: ReviewLookup,
    private readonly runner: DeciderRunner,
  ) {}

  async execute({ quotationId, reason, metadata }: RejectQuotationCommand) {
    const { article, revision } = await this.lookup.find(quotationId);
    const articleId = article.fields.articleId;
    const result = await this.runner.run(
      articleDecider,
      articleStreamName(articleId),
      (recordedAt) => ({
        type: 'RejectQuotation' as const,
        data: { articleId, quotationId, reason: reason.trim(), recordedAt },
      }),
      { metadata, expectedRevision: revision },
    );
    return {
      quotationId,
      articleId,
      status: 'rejected' as const,
      disposition: null,
      revision: result.revision,
    };
  }
}
