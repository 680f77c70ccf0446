import { IsIn, IsISO8601, IsOptional } from 'class-validator';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;

export class PositionExportRequest {
  @IsIn(EXPORT_FORMATS)
  format!: (typeof EXPORT_FORMATS)[number];

  /** Valid time (ISO 8601). Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  /** Record time (ISO 8601). Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;
}
