import { useEffect, useState } from 'preact/hooks';
import { get, useLoad } from '../api';
import { actorCatalogue, topicCatalogue } from '../catalogue';
import { ErrorNote } from '../components/error-note';
import { StanceChip } from '../components/stance-chip';
import { Link, navigate, useLocation } from '../router';
import { formatDay, isoDay } from '../stances';
import type { Comparison, ComparisonPage } from '../types';

/** Where 2 to 10 actors agree and where they are furthest apart (`/v1/compare`), a page at a time. */
export const ComparePage = () => {
  const { query } = useLocation();
  const chosen = (query.get('actors') ?? '').split(',').filter(Boolean);
  const at = query.get('at') ?? undefined;
  const knownAt = query.get('knownAt') ?? undefined;
  const actors = useLoad(() => actorCatalogue(), []);
  const topics = useLoad(() => topicCatalogue(), []);
  const [rows, setRows] = useState<Comparison[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [picked, setPicked] = useState<string[]>(chosen);
  const [day, setDay] = useState(at ? at.slice(0, 10) : '');
  const [knownDay, setKnownDay] = useState(knownAt ? knownAt.slice(0, 10) : '');
  const key = chosen.join(',');
  const load = async (after: string | null) => {
    try {
      const page = await get<ComparisonPage>('/v1/compare', { actors: key, at, knownAt, after, limit: 50 });
      setRows((previous) => (after ? [...previous, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (caught) {
      setError(caught as Error);
    }
  };
  useEffect(() => {
    setDay(at ? at.slice(0, 10) : '');
    setKnownDay(knownAt ? knownAt.slice(0, 10) : '');
    setPicked(chosen);
    setRows([]);
    setNext(null);
    if (chosen.length >= 2) void load(null);
  }, [key, at, knownAt]);
  const name = (actorId: string) => actors.data?.get(actorId)?.name ?? actorId;
  const title = (topicId: string) => topics.data?.get(topicId)?.title ?? topicId;
  const apart = rows.filter((row) => row.agreement === 'oppose');
  const agree = rows.filter((row) => row.agreement === 'agree');
  const rest = rows.filter((row) => row.agreement === 'hedged-or-silent');
  const table = (caption: string, items: Comparison[]) =>
    items.length === 0 ? null : (
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table class="compare">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              {chosen.map((actorId) => (
                <th scope="col" key={actorId}>
                  {name(actorId)}
                </th>
              ))}
              <th scope="col">Distance</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.topicId} data-topic={row.topicId} data-agreement={row.agreement}>
                <th scope="row">
                  <Link href={`/app/topics/${encodeURIComponent(row.topicId)}`}>{title(row.topicId)}</Link>
                </th>
                {chosen.map((actorId) => (
                  <td key={actorId}>
                    <StanceChip
                      stance={row.stances.find((s) => s.actorId === actorId)?.stance?.stance ?? null}
                    />
                  </td>
                ))}
                <td>{row.distance.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <section>
      <h1 tabIndex={-1}>Compare</h1>
      <form
        class="compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          const params = new URLSearchParams({ actors: picked.join(',') });
          if (day) params.set('at', `${day}T23:59:59.999Z`);
          if (knownDay) params.set('knownAt', `${knownDay}T23:59:59.999Z`);
          navigate(`/app/compare?${params.toString().replace(/%2C/g, ',')}`);
        }}
      >
        <fieldset>
          <legend>Actors (2 to 10)</legend>
          <div class="actor-picks">
            {[...(actors.data?.values() ?? [])]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((actor) => (
                <label key={actor.id} class="pick">
                  <input
                    type="checkbox"
                    checked={picked.includes(actor.id)}
                    onChange={(event) =>
                      setPicked(
                        event.currentTarget.checked
                          ? [...picked, actor.id]
                          : picked.filter((id) => id !== actor.id),
                      )
                    }
                  />{' '}
                  {actor.name}
                </label>
              ))}
          </div>
        </fieldset>
        <label for="compare-at">At the end of</label>
        <input id="compare-at" type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
        <label for="compare-known-at">As known at the end of</label>
        <input
          id="compare-known-at"
          type="date"
          value={knownDay}
          onChange={(e) => setKnownDay(e.currentTarget.value)}
        />
        <button type="submit" disabled={picked.length < 2 || picked.length > 10}>
          Compare
        </button>
      </form>
      {chosen.length < 2 && <p>Choose two to ten actors.</p>}
      {error && <ErrorNote error={error} />}
      {chosen.length >= 2 && !error && (
        <p class="quiet">
          {chosen.map(name).join(', ')} at {at ? formatDay(at) : `the latest moment (${isoDay(Date.now())})`}
          {knownAt ? `, as known at ${formatDay(knownAt)}` : ''}
        </p>
      )}
      {table('Furthest apart (opposed), furthest first', apart)}
      {table('Where they agree', agree)}
      {table('Hedged or silent', rest)}
      {chosen.length >= 2 && rows.length === 0 && !error && !next && (
        <p class="empty">No topic on which any of them holds a stance.</p>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          More topics
        </button>
      )}
    </section>
  );
};
