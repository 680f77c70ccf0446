import type { Command } from '../shared/decider';
import type { Stance } from '../positions/stance';
import type { ArticleFields, QuotationAccepted, QuotationsExtracted } from './article.events';

export type SubmitArticle = Command<'SubmitArticle', ArticleFields & { recordedAt: string }>;
export type RecordExtraction = Command<'RecordExtraction', QuotationsExtracted['data']>;
export type AcceptQuotation = Command<'AcceptQuotation', QuotationAccepted['data']>;
export type RejectQuotation = Command<
  'RejectQuotation',
  { articleId: string; quotationId: string; reason: string; recordedAt: string }
>;

/** An editor's edits to what extraction proposed, on accepting a quotation; an omitted field keeps its value. */
export type QuotationEdits = {
  actorId?: string;
  topicId?: string;
  stance?: Stance;
  saidOn?: string;
  conditions?: { text: string; topicId?: string }[];
  summary?: string;
  confidence?: number;
};

export type ArticleCommand = SubmitArticle | RecordExtraction | AcceptQuotation | RejectQuotation;
