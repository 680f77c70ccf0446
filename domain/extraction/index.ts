export * from './extraction.types';
export { extractQuotations } from './extract-quotations';
export { groupStatements, normaliseForComparison, sameStatement, sharedFraction } from './statements';
export {
  evaluateExtraction,
  fitCalibration,
  type Accuracy,
  type Evaluation,
  type QuotationLine,
} from './evaluation';

/** Recorded without review at or above this confidence (EXTRACTION_AUTO_RECORD_CONFIDENCE's default), chosen on the development set: see docs/extraction.md. */
export const DEFAULT_AUTO_RECORD_CONFIDENCE = 0.93;
