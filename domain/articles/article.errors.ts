import { DomainError } from '../shared/domain-error';

export class ArticleNotFoundError extends DomainError {
  readonly code = 'ARTICLE.NOT_FOUND';
  constructor(articleId: string) {
    super(`No article is stored with id "${articleId}".`, { articleId });
  }
}

export class ArticleConflictError extends DomainError {
  readonly code = 'ARTICLE.CONFLICT';
  constructor(articleId: string, field: string) {
    super(`Article "${articleId}" is already stored with another ${field}.`, { articleId, field });
  }
}

export class ArticleAlreadyExtractedError extends DomainError {
  readonly code = 'ARTICLE.ALREADY_EXTRACTED';
  constructor(articleId: string) {
    super(`Article "${articleId}" has already been extracted.`, { articleId });
  }
}

export class QuotationNotFoundError extends DomainError {
  readonly code = 'REVIEW.NOT_FOUND';
  constructor(quotationId: string) {
    super(`No quotation "${quotationId}" is waiting in the review queue.`, { quotationId });
  }
}

export class QuotationAlreadyReviewedError extends DomainError {
  readonly code = 'REVIEW.ALREADY_DECIDED';
  constructor(quotationId: string, status: string) {
    super(`Quotation "${quotationId}" is not waiting for review: it is ${status}.`, { quotationId, status });
  }
}

/** Accepting needs every field a position needs; the editor supplies what extraction could not. */
export class ReviewFieldRequiredError extends DomainError {
  readonly code = 'REVIEW.FIELD_REQUIRED';
  constructor(quotationId: string, field: string) {
    super(`Quotation "${quotationId}" has no ${field}; give one in the accept request.`, {
      quotationId,
      field,
    });
  }
}
