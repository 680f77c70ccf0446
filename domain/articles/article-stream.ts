import { v5 as uuidv5 } from 'uuid';

export const articleStreamName = (articleId: string): string => `article-${articleId}`;

const ARTICLE_NAMESPACE = '5d0f3c1e-2b7a-4f9e-8c41-6a2e9b7d3f18';
const QUOTATION_NAMESPACE = '8e4b2a7c-1d3f-4e6a-9b05-3c7f1e2d4a96';

/** The same text is the same article: its id is derived from the text's hash. */
export const articleIdFor = (contentHash: string): string =>
  uuidv5(`sha256:${contentHash}`, ARTICLE_NAMESPACE);

/** A quotation is named by where it stands in its article, so a re-extraction finds the same ids. */
export const quotationIdFor = (articleId: string, start: number, end: number): string =>
  uuidv5(`${articleId}:${start}-${end}`, QUOTATION_NAMESPACE);
