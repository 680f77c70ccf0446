export * from './article-stream';
export * from './article.events';
export * from './article.commands';
export * from './article.errors';
export * from './article.decider';
export * from './quotation-disposition';
export * from './curation-comparison';
export * from './review-queue.projection';
