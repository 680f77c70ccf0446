import { IsIn, IsOptional } from 'class-validator';
import { IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;

export class PositionExportRequest {
  @IsIn(EXPORT_FORMATS)
  format!: (typeof EXPORT_FORMATS)[number];

  /** Valid time (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  at?: string;

  /** Record time (ISO 8601). Default: now. */
  @IsOptional()
  @IsTimestamp()
  knownAt?: string;
}
