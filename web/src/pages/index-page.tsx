import { useState } from 'preact/hooks';
import { useLoad } from '../api';
import { actorCatalogue, topicCatalogue } from '../catalogue';
import { ErrorNote } from '../components/error-note';
import { Link, navigate } from '../router';

export const IndexPage = () => {
  const actors = useLoad(() => actorCatalogue(), []);
  const topics = useLoad(() => topicCatalogue(), []);
  const [query, setQuery] = useState('');
  return (
    <section>
      <h1 tabIndex={-1}>Actors and topics</h1>
      <p class="lede">
        What political actors said about the issues of the day, at any moment (<em>at</em>), as the record
        knew it then (<em>known at</em>).
      </p>
      <form
        class="inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/app/quotations?q=${encodeURIComponent(query)}`);
        }}
      >
        <label for="home-search">Search quotations</label>
        <input
          id="home-search"
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </form>
      <div class="columns">
        <div>
          <h2>Actors</h2>
          {actors.error && <ErrorNote error={actors.error} />}
          {actors.loading && !actors.data && <p aria-busy="true">Loading…</p>}
          <ul class="plain-list" aria-label="Actors">
            {[...(actors.data?.values() ?? [])]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((actor) => (
                <li key={actor.id}>
                  <Link href={`/app/actors/${encodeURIComponent(actor.id)}`}>{actor.name}</Link>
                  {actor.roles.length > 0 && (
                    <span class="quiet"> · {actor.roles[actor.roles.length - 1].title}</span>
                  )}
                </li>
              ))}
          </ul>
        </div>
        <div>
          <h2>Topics</h2>
          {topics.error && <ErrorNote error={topics.error} />}
          <ul class="plain-list" aria-label="Topics">
            {[...(topics.data?.values() ?? [])]
              .sort((a, b) => a.id.localeCompare(b.id))
              .map((topic) => (
                <li key={topic.id}>
                  <Link href={`/app/topics/${encodeURIComponent(topic.id)}`}>{topic.title}</Link>
                  <span class="topic-id"> {topic.id}</span>
                </li>
              ))}
          </ul>
        </div>
      </div>
    </section>
  );
};
