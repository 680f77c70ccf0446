import { Matches } from 'class-validator';

export class ArticleParams {
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, {
    message: 'articleId must be an article id as POST /v1/articles returned it',
  })
  articleId!: string;
}
