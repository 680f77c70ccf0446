import { useEffect, useState } from 'preact/hooks';
import { allPages, get, useLoad } from '../api';
import { actorCatalogue } from '../catalogue';
import { ConditionsList } from '../components/conditions-list';
import { ErrorNote } from '../components/error-note';
import { StanceChip } from '../components/stance-chip';
import { Link, replaceQuery, useLocation } from '../router';
import { formatDay, formatStated, isoDay, RATING_LABELS, STANCE_COLORS } from '../stances';
import type { Change, StanceView, Topic } from '../types';

const dayOr = (value: string | null, fallback: string) =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : fallback;

/** Every actor's stance on one topic at `at`, oppose to support, and what moved between two days. */
export const TopicLandscapePage = ({ topicId }: { topicId: string }) => {
  const { query } = useLocation();
  const today = isoDay(Date.now());
  const [at, setAt] = useState(dayOr(query.get('at'), today));
  const [from, setFrom] = useState(dayOr(query.get('from'), isoDay(Date.now() - 365 * 86_400_000)));
  const [to, setTo] = useState(dayOr(query.get('to'), today));
  const knownAt = query.get('knownAt') ?? undefined;
  useEffect(() => replaceQuery({ at, from, to }), [at, from, to]);
  const topic = useLoad(
    (signal) => get<Topic>(`/v1/topics/${encodeURIComponent(topicId)}`, {}, signal),
    [topicId],
  );
  const actors = useLoad(() => actorCatalogue(), []);
  const stances = useLoad(
    (signal) =>
      get<{ stances: (StanceView & { actorId: string })[] }>(
        `/v1/topics/${encodeURIComponent(topicId)}/stances`,
        { at: `${at}T23:59:59.999Z`, knownAt },
        signal,
      ),
    [topicId, at, knownAt],
  );
  const changes = useLoad(
    (signal) =>
      allPages<Change>(
        '/v1/changes',
        { from: `${from}T23:59:59.999Z`, to: `${to}T23:59:59.999Z`, topic: topicId, knownAt },
        signal,
      ),
    [topicId, from, to, knownAt],
  );
  const name = (actorId: string) => actors.data?.get(actorId)?.name ?? actorId;
  const scored = (stances.data?.stances ?? [])
    .filter((s) => s.score !== null)
    .sort((a, b) => (a.score as number) - (b.score as number) || a.actorId.localeCompare(b.actorId));
  const silent = (stances.data?.stances ?? []).filter((s) => s.score === null);
  return (
    <section>
      <h1 tabIndex={-1}>{topic.data?.title ?? topicId}</h1>
      {topic.error && <ErrorNote error={topic.error} />}
      {topic.data && (
        <p class="lede">
          “{topic.data.proposition}” <span class="topic-id">{topicId}</span>: support means agreeing with it.
        </p>
      )}
      <div class="controls">
        <div class="control">
          <label for="landscape-at">At the end of</label>
          <input
            id="landscape-at"
            type="date"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value || today)}
          />
        </div>
      </div>
      <h2>Every actor’s stance on {formatDay(at)}</h2>
      {stances.error && <ErrorNote error={stances.error} />}
      {stances.data && scored.length === 0 && silent.length === 0 && (
        <p class="empty">No actor holds a stance on this topic then.</p>
      )}
      {scored.length > 0 && (
        <div class="diverging" role="list" aria-label="Stances from oppose to support">
          <div class="diverging-scale" aria-hidden="true">
            <span />
            <div class="scale-track">
              <span>oppose −1</span>
              <span>hedged 0</span>
              <span>support +1</span>
            </div>
          </div>
          {scored.map((stance) => {
            const score = stance.score as number;
            const width = Math.abs(score) * 50;
            return (
              <div class="diverging-row" role="listitem" key={stance.actorId} data-actor={stance.actorId}>
                <div class="diverging-name">
                  <Link
                    href={`/app/actors/${encodeURIComponent(stance.actorId)}?at=${at}T23:59:59.999Z&topic=${encodeURIComponent(topicId)}`}
                  >
                    {name(stance.actorId)}
                  </Link>
                </div>
                <div class="diverging-track" aria-hidden="true">
                  <div class="diverging-axis" />
                  <div
                    class={`diverging-bar stance-${stance.stance}`}
                    style={{
                      left: score < 0 ? `${50 - width}%` : '50%',
                      width: score === 0 ? '4px' : `${width}%`,
                      marginLeft: score === 0 ? '-2px' : undefined,
                      background: STANCE_COLORS[stance.stance],
                    }}
                  />
                </div>
                <div class="diverging-detail">
                  <StanceChip stance={stance.stance} />{' '}
                  <span class="quiet">said {formatStated(stance.statedAt, stance.statedAtPrecision)}</span>
                  <p>{stance.quote ? `“${stance.quote}”` : stance.summary}</p>
                  <ConditionsList conditions={stance.conditions} />
                </div>
              </div>
            );
          })}
        </div>
      )}
      {silent.length > 0 && (
        <>
          <h3>No comment</h3>
          <ul class="plain-list">
            {silent.map((stance) => (
              <li key={stance.actorId}>
                <Link href={`/app/actors/${encodeURIComponent(stance.actorId)}`}>{name(stance.actorId)}</Link>
                : {stance.summary}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>How it moved</h2>
      <div class="controls">
        <div class="control">
          <label for="moved-from">From the end of</label>
          <input
            id="moved-from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value || from)}
          />
        </div>
        <div class="control">
          <label for="moved-to">to the end of</label>
          <input id="moved-to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value || to)} />
        </div>
      </div>
      {changes.error && <ErrorNote error={changes.error} />}
      {changes.data && changes.data.items.length === 0 && (
        <p class="empty">No stance on this topic changed between these days.</p>
      )}
      {changes.data && changes.data.items.length > 0 && (
        <ul class="changes">
          {changes.data.items.map((change) => (
            <li key={`${change.actorId}-${change.topicId}`}>
              <Link
                href={`/app/actors/${encodeURIComponent(change.actorId)}?topic=${encodeURIComponent(change.topicId)}`}
              >
                {name(change.actorId)}
              </Link>{' '}
              <span class="quiet">
                ({change.kind}
                {change.topicId !== topicId ? `, ${change.topicId}` : ''})
              </span>
              : <StanceChip stance={change.before?.stance ?? null} /> →{' '}
              <StanceChip stance={change.after?.stance ?? null} />
              {change.rating && change.rating !== 'no-flip' && (
                <span class="rating"> {RATING_LABELS[change.rating]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
