import { IsISO8601, IsOptional, IsString, IsUrl, Length, Matches, ValidateIf } from 'class-validator';

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
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'publishedOn must be a day, YYYY-MM-DD (or give publishedAt)' })
  publishedOn?: string;

  /** The publication instant, when known (ISO 8601 with an offset). @example "2025-02-26T21:30:00Z" */
  @ValidateIf(
    (request: SubmitArticleRequest) => request.publishedOn === undefined || request.publishedAt !== undefined,
  )
  @IsISO8601({ strict: true }, { message: 'publishedAt must be an ISO 8601 instant (or give publishedOn)' })
  publishedAt?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  title?: string;
}
