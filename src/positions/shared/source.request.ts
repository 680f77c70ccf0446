import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUrl, Length, ValidateNested } from 'class-validator';
import type { Source } from '@domain/positions';
import { SpanRequest } from './span.request';
import { IsDay } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class SourceRequest {
  /** The outlet that printed it, e.g. "BBC News". */
  @IsString()
  @Length(1, 200)
  outlet!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  articleId?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string;

  /** The day the outlet published it (YYYY-MM-DD). */
  @IsOptional()
  @IsDay({ message: 'publishedOn must be a day, YYYY-MM-DD' })
  publishedOn?: string;

  /** The words as this outlet printed them. */
  @IsString()
  @Length(1, 20_000)
  text!: string;

  /** Where those words stand in the article (character offsets). */
  @IsOptional()
  @ValidateNested()
  @Type(() => SpanRequest)
  span?: SpanRequest;
}

export const toSource = (request: SourceRequest): Source => ({
  outlet: request.outlet.trim(),
  articleId: request.articleId ?? null,
  url: request.url ?? null,
  publishedOn: request.publishedOn ?? null,
  text: request.text,
  span: request.span ? { start: request.span.start, end: request.span.end } : null,
});
