export * from './extraction.types';
export { extractQuotations } from './extract-quotations';
export { groupStatements, normaliseForComparison, sameStatement, sharedFraction } from './statements';
export { evaluateExtraction, type Accuracy, type Evaluation, type QuotationLine } from './evaluation';
