import type { Article, ArticleQuotation } from '../types';

const DISPOSITIONS: Record<string, string> = {
  recorded: 'recorded',
  'source-added': 'added as a source',
  'already-recorded': 'already recorded',
  review: 'in review',
  'no-position': 'states no position',
  accepted: 'accepted',
  rejected: 'rejected',
};

const dispositionOf = (quotation: ArticleQuotation): string =>
  quotation.review && quotation.review.status !== 'pending'
    ? quotation.review.status
    : quotation.disposition.kind;

/** The article as printed, every quotation highlighted in place (each part of a split one), coloured by disposition. */
export const ArticleText = ({ article, current }: { article: Article; current: string }) => {
  const parts = article.quotations
    .flatMap((quotation) =>
      (quotation.parts.length ? quotation.parts : [{ start: quotation.start, end: quotation.end }]).map(
        (part, index) => ({
          ...part,
          quotation,
          first: index === 0,
        }),
      ),
    )
    .sort((a, b) => a.start - b.start);
  const nodes = [];
  let cursor = 0;
  for (const part of parts) {
    if (part.start < cursor) continue;
    nodes.push(article.text.slice(cursor, part.start));
    const disposition = dispositionOf(part.quotation);
    const isCurrent = part.quotation.quotationId === current;
    nodes.push(
      <mark
        key={`${part.quotation.quotationId}-${part.start}`}
        id={isCurrent && part.first ? `q-${current}` : undefined}
        class={`quotation disposition-${disposition}${isCurrent ? ' current' : ''}`}
        data-quotation={part.quotation.quotationId}
        title={`${part.quotation.speaker?.name ?? 'no speaker'}: ${DISPOSITIONS[disposition] ?? disposition}`}
      >
        {article.text.slice(part.start, part.end)}
      </mark>,
    );
    cursor = part.end;
  }
  nodes.push(article.text.slice(cursor));
  return (
    <article class="article" aria-label="The article">
      <header>
        <h3>{article.title ?? 'Untitled article'}</h3>
        <p class="quiet">
          {article.outlet}, {article.publishedOn ?? article.publishedAt}
          {article.url && (
            <>
              {' '}
              ·{' '}
              <a href={article.url} rel="noreferrer noopener">
                source
              </a>
            </>
          )}
        </p>
        <ul class="legend" aria-label="Highlight colours">
          {Object.entries(DISPOSITIONS).map(([kind, label]) => (
            <li key={kind}>
              <mark class={`quotation disposition-${kind}`}>{label}</mark>
            </li>
          ))}
        </ul>
      </header>
      <div class="article-text">{nodes}</div>
    </article>
  );
};
