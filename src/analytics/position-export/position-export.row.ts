import { cameoFor } from '@domain/analytics';
import type { StanceInForce } from '@domain/positions';

/** The documented export columns, in order: the CSV header and the keys of each JSONL object. */
export const EXPORT_COLUMNS = [
  'actorId',
  'topicId',
  'positionId',
  'stance',
  'score',
  'conditions',
  'summary',
  'quote',
  'evidenceType',
  'statedAt',
  'statedAtPrecision',
  'confidence',
  'recordedAt',
  'outlets',
  'sourceCount',
  'cameoCode',
  'goldstein',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], unknown>;

/** JSONL keeps lists as arrays; CSV joins them with " | " (see toCsvRecord). */
export const toExportRow = (stance: StanceInForce): ExportRow => {
  const cameo = cameoFor(stance.topicId);
  return {
    actorId: stance.actorId,
    topicId: stance.topicId,
    positionId: stance.positionId,
    stance: stance.stance,
    score: stance.score,
    conditions: stance.conditions.map((condition) => condition.text),
    summary: stance.summary,
    quote: stance.quote,
    evidenceType: stance.evidenceType,
    statedAt: stance.statedAt,
    statedAtPrecision: stance.statedAtPrecision,
    confidence: stance.confidence,
    recordedAt: stance.recordedAt,
    outlets: [...new Set(stance.sources.map((source) => source.outlet))],
    sourceCount: stance.sources.length,
    cameoCode: cameo?.cameoCode ?? null,
    goldstein: cameo?.goldstein ?? null,
  };
};

export const toCsvRecord = (row: ExportRow): (string | number)[] =>
  EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return '';
    return Array.isArray(value) ? value.join(' | ') : (value as string | number);
  });
