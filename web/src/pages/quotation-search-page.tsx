import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';
import { actorCatalogue, topicCatalogue } from '../catalogue';
import { ErrorNote } from '../components/error-note';
import { Highlighted } from '../components/highlighted';
import { StanceChip } from '../components/stance-chip';
import { Link, navigate, useLocation } from '../router';
import { formatStated } from '../stances';
import type { Actor, QuotationHit, QuotationPage, Topic } from '../types';

/** The filters the URL holds beside `q`: `/v1/quotations`' own (from is inclusive, to exclusive, as days). */
const FILTERS = ['actor', 'topic', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const dayAfter = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);

/** Full-text search over quotations and summaries (`/v1/quotations`), a page at a time. */
export const QuotationSearchPage = () => {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ''])) as Filters;
  const filterKey = FILTERS.map((name) => filters[name]).join('|');
  const [draft, setDraft] = useState(q);
  const [draftFilters, setDraftFilters] = useState<Filters>(filters);
  const [topics, setTopics] = useState<Map<string, Topic>>(new Map());
  useEffect(() => void topicCatalogue().then(setTopics, () => undefined), []);
  const [hits, setHits] = useState<QuotationHit[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [searched, setSearched] = useState(false);
  const [actors, setActors] = useState<Map<string, Actor>>(new Map());
  useEffect(() => void actorCatalogue().then(setActors, () => undefined), []);
  const load = async (after: string | null) => {
    try {
      const page = await get<QuotationPage>('/v1/quotations', {
        q,
        actor: filters.actor,
        topic: filters.topic,
        from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
        // "To" is the last day wanted: the API's `to` is exclusive.
        to: filters.to ? `${dayAfter(filters.to)}T00:00:00.000Z` : undefined,
        after,
        limit: 20,
      });
      setHits((previous) => (after ? [...previous, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
      setSearched(true);
    } catch (caught) {
      setError(caught as Error);
    }
  };
  useEffect(() => {
    setDraft(q);
    setDraftFilters(filters);
    setHits([]);
    setNext(null);
    setSearched(false);
    if (q) void load(null);
  }, [q, filterKey]);
  return (
    <section>
      <h1 tabIndex={-1}>Search quotations</h1>
      <form
        class="inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const params = new URLSearchParams({ q: draft });
          for (const name of FILTERS) if (draftFilters[name]) params.set(name, draftFilters[name]);
          navigate(`/app/quotations?${params.toString()}`);
        }}
      >
        <div class="control">
          <label for="search-q">Words, "a phrase", -excluded</label>
          <input id="search-q" type="search" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        </div>
        <div class="control">
          <label for="search-actor">Actor</label>
          <select
            id="search-actor"
            value={draftFilters.actor}
            onChange={(e) => setDraftFilters({ ...draftFilters, actor: e.currentTarget.value })}
          >
            <option value="">Any actor</option>
            {[...actors.values()]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            {filters.actor && !actors.has(filters.actor) && (
              <option value={filters.actor}>{filters.actor}</option>
            )}
          </select>
        </div>
        <div class="control">
          <label for="search-topic">Topic (and its subtopics)</label>
          <select
            id="search-topic"
            value={draftFilters.topic}
            onChange={(e) => setDraftFilters({ ...draftFilters, topic: e.currentTarget.value })}
          >
            <option value="">Any topic</option>
            {[...topics.keys()].sort().map((topicId) => (
              <option key={topicId} value={topicId}>
                {topicId}
              </option>
            ))}
            {filters.topic && !topics.has(filters.topic) && (
              <option value={filters.topic}>{filters.topic}</option>
            )}
          </select>
        </div>
        <div class="control">
          <label for="search-from">Said from</label>
          <input
            id="search-from"
            type="date"
            value={draftFilters.from}
            onChange={(e) => setDraftFilters({ ...draftFilters, from: e.currentTarget.value })}
          />
        </div>
        <div class="control">
          <label for="search-to">to (inclusive)</label>
          <input
            id="search-to"
            type="date"
            value={draftFilters.to}
            onChange={(e) => setDraftFilters({ ...draftFilters, to: e.currentTarget.value })}
          />
        </div>
        <button type="submit" disabled={!draft.trim()}>
          Search
        </button>
      </form>
      {error && <ErrorNote error={error} />}
      {searched && hits.length === 0 && <p class="empty">Nothing matches “{q}”.</p>}
      <ol class="hits">
        {hits.map((hit) => {
          const { position } = hit;
          const day = position.statedAt;
          return (
            <li key={position.positionId} class="hit">
              <p>
                <Link
                  href={`/app/actors/${encodeURIComponent(position.actorId)}?at=${encodeURIComponent(day)}&topic=${encodeURIComponent(position.topicId)}`}
                >
                  {actors.get(position.actorId)?.name ?? position.actorId},{' '}
                  {formatStated(day, position.statedAtPrecision)}
                </Link>{' '}
                <StanceChip stance={position.stance} /> <span class="topic-id">{position.topicId}</span>
              </p>
              {hit.highlights.quote && (
                <blockquote>
                  …<Highlighted fragment={hit.highlights.quote} />…
                </blockquote>
              )}
              {hit.highlights.summary && (
                <p class="quiet">
                  <Highlighted fragment={hit.highlights.summary} />
                </p>
              )}
              {position.outlets.length > 0 && <p class="quiet">{position.outlets.join(', ')}</p>}
            </li>
          );
        })}
      </ol>
      {next && (
        <button type="button" onClick={() => void load(next)}>
          More results
        </button>
      )}
    </section>
  );
};
