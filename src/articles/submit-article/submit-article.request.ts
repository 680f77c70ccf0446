import { IsOptional, IsString, IsUrl, Length, ValidateIf } from 'class-validator';
import { IsDay, IsTimestamp } from '../../infrastructure/http/validation/is-timestamp.decorator';

export class SubmitArticleRequest {
  /** The article's text exactly as published (spans are reported against it, character for character). */
  @IsString()
  @Length(1, 200_000)
  text!: string;

  /** @example "The Independent" */
  @IsString()
  @Length(1, 200)
  outlet!: string;

  /** The publication day, against which "yesterday" or "on Wednesday" resolve; give it or `publishedAt`. @example "2025-02-26" */
  @ValidateIf(
    (request: SubmitArticleRequest) => request.publishedAt === undefined || request.publishedOn !== undefined,
  )
  @IsDay({ message: 'publishedOn must be a day, YYYY-MM-DD (or give publishedAt)' })
  publishedOn?: string;

  /** The publication instant, when known (ISO 8601 with an offset). @example "2025-02-26T21:30:00Z" */
  @ValidateIf((request: SubmitArticleRequest) => request.publishedAt !== undefined)
  @IsTimestamp({ message: 'publishedAt must be an ISO 8601 instant (or give publishedOn)' })
  publishedAt?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  title?: string;
}
