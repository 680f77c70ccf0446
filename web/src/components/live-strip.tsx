import { useEffect, useState } from 'preact/hooks';
import { actorCatalogue } from '../catalogue';
import { Link } from '../router';
import { apiKey } from '../session';
import { formatDay, RATING_LABELS, SHORT_LABELS } from '../stances';
import type { Actor, StanceChanged } from '../types';

const KEEP = 12;

/** Reads `/v1/stream` with fetch, for a key in the Authorization header (EventSource cannot send one). */
const readWithKey = (key: string, onChange: (change: StanceChanged) => void, signal: AbortSignal) => {
  const run = async () => {
    const response = await fetch('/v1/stream', {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${key}` },
      signal,
    });
    if (!response.ok || !response.body) throw new Error(`stream: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const frames = buffer.split(/\r?\n\r?\n/);
      buffer = frames.pop() ?? '';
      for (const frame of frames) {
        const lines = frame.split(/\r?\n/);
        const type = lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (type === 'stance.changed' && data) onChange(JSON.parse(data) as StanceChanged);
      }
    }
  };
  run().catch(() => undefined);
};

/** Stance changes as they are recorded (`/v1/stream`, Server-Sent Events), newest first. */
export const LiveStrip = ({ signedIn }: { signedIn: boolean }) => {
  const [changes, setChanges] = useState<StanceChanged[]>([]);
  const [state, setState] = useState<'connecting' | 'live' | 'down'>('connecting');
  const [actors, setActors] = useState<Map<string, Actor>>(new Map());
  useEffect(() => {
    actorCatalogue().then(setActors, () => undefined);
  }, [signedIn]);
  useEffect(() => {
    const add = (change: StanceChanged) => setChanges((previous) => [change, ...previous].slice(0, KEEP));
    const key = apiKey.value;
    if (key) {
      const controller = new AbortController();
      setState('live');
      readWithKey(key, add, controller.signal);
      return () => controller.abort();
    }
    const source = new EventSource('/v1/stream');
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'down' : 'connecting');
    source.addEventListener('stance.changed', (event) => add(JSON.parse((event as MessageEvent).data)));
    return () => source.close();
  }, [signedIn]);
  return (
    // Focusable: on a narrow screen the strip scrolls sideways, and the keyboard must be able to scroll it too.
    <aside class="live-strip" aria-label="Live stance changes" tabIndex={0}>
      <span class={`live-state live-${state}`}>
        {state === 'live' ? 'Live' : state === 'down' ? 'Live feed unavailable' : 'Connecting…'}
      </span>
      <ol aria-live="polite" aria-relevant="additions">
        {changes.length === 0 && <li class="quiet">Stance changes appear here as they are recorded.</li>}
        {changes.map((change, index) => (
          <li key={`${change.recordedAt}-${change.actorId}-${change.topicId}-${index}`} class="live-change">
            <Link
              href={`/app/actors/${encodeURIComponent(change.actorId)}?topic=${encodeURIComponent(change.topicId)}`}
            >
              {actors.get(change.actorId)?.name ?? change.actorId}
            </Link>{' '}
            <span class="topic-id">{change.topicId}</span>:{' '}
            {change.before ? SHORT_LABELS[change.before.stance] : 'none'} →{' '}
            {change.after ? SHORT_LABELS[change.after.stance] : 'none'}
            {change.rating !== 'no-flip' && <span class="rating"> ({RATING_LABELS[change.rating]})</span>}
            {change.after && <span class="quiet"> · said {formatDay(change.after.statedAt)}</span>}
          </li>
        ))}
      </ol>
    </aside>
  );
};
