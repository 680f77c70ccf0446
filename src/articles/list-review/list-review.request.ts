import { IsIn, IsOptional, Matches } from 'class-validator';
import { KEBAB_ID } from '@domain/shared/ids';
import { PageRequest } from '../../infrastructure/http/page.request';

export const REVIEW_STATUSES = ['pending', 'no-position', 'accepted', 'rejected', 'all'] as const;

export class ListReviewRequest extends PageRequest {
  /** Which items: those waiting (the default), decided ones, or all. */
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: (typeof REVIEW_STATUSES)[number];

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'articleId must be an article id' })
  articleId?: string;

  /** The speaker extraction proposed (a registry actor or a candidate id). */
  @IsOptional()
  @Matches(KEBAB_ID, { message: 'actorId must be a kebab-case actor id' })
  actorId?: string;
}
