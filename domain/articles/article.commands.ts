import type { Command } from '../shared/decider';
import type { ArticleFields, QuotationAccepted, QuotationsExtracted } from './article.events';

export type SubmitArticle = Command<'SubmitArticle', ArticleFields & { recordedAt: string }>;
export type RecordExtraction = Command<'RecordExtraction', QuotationsExtracted['data']>;
export type AcceptQuotation = Command<'AcceptQuotation', QuotationAccepted['data']>;
export type RejectQuotation = Command<
  'RejectQuotation',
  { articleId: string; quotationId: string; reason: string; recordedAt: string }
>;

export type ArticleCommand = SubmitArticle | RecordExtraction | AcceptQuotation | RejectQuotation;
