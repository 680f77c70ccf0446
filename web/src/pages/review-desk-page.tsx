import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, post, useLoad } from '../api';
import { actorCatalogue, forgetActors, forgetTopics, topicCatalogue } from '../catalogue';
import { ArticleText } from '../components/article-text';
import { ErrorNote } from '../components/error-note';
import { useSession } from '../session';
import { STANCE_LABELS, STANCES } from '../stances';
import type {
  Article,
  ArticleQuotation,
  Condition,
  ReviewItem,
  ReviewPage,
  Stance,
  TopicRegistration,
} from '../types';

type Draft = {
  actorId: string;
  registerActor: boolean;
  topicId: string;
  stance: Stance | '';
  saidOn: string;
  conditions: Condition[];
  summary: string;
};

const REASONS: Record<string, string> = {
  'no-speaker': 'no speaker found',
  'speaker-not-in-registry': 'the speaker is not in the registry',
  'no-topic': 'no topic found',
  'topic-not-registered': 'the topic is not registered',
  'topic-proposed': 'the taxonomy lacks the topic: one is proposed',
  'no-stance': 'no stance found',
  'no-condition': 'conditional, but no condition found',
  'no-day': 'no day found',
  'low-confidence': 'low confidence',
};

const KEYS: [string, string][] = [
  ['j / k', 'next / previous item'],
  ['e', 'edit the proposal (first field)'],
  ['a', 'accept, with the edits made'],
  ['r', 'reject (type the reason, Enter to confirm)'],
  ['n', 'register the candidate speaker as an actor'],
  ['t', 'register the proposed topic (type its proposition, Enter to confirm)'],
  ['Esc', 'leave a field, cancel a rejection'],
];

const draftOf = (item: ReviewItem, quotation: ArticleQuotation | undefined): Draft => ({
  actorId: item.speaker?.actorId ?? '',
  registerActor: false,
  topicId: item.topicId ?? '',
  stance: item.stance ?? '',
  saidOn: item.saidOn ?? '',
  conditions: quotation?.conditions ?? [],
  summary: '',
});

/** Only what the editor changed: the API keeps extraction's values for every field left out. */
const editsOf = (item: ReviewItem, quotation: ArticleQuotation | undefined, draft: Draft) => {
  const proposed = draftOf(item, quotation);
  const edits: Record<string, unknown> = {};
  if (draft.actorId && draft.actorId !== proposed.actorId) edits.actorId = draft.actorId;
  if (draft.registerActor) edits.registerActor = true;
  if (draft.topicId && draft.topicId !== proposed.topicId) edits.topicId = draft.topicId;
  if (draft.stance && draft.stance !== proposed.stance) edits.stance = draft.stance;
  if (draft.saidOn && draft.saidOn !== proposed.saidOn) edits.saidOn = draft.saidOn;
  if (JSON.stringify(draft.conditions) !== JSON.stringify(proposed.conditions)) {
    edits.conditions = draft.conditions
      .filter((condition) => condition.text.trim())
      .map((condition) => (condition.topicId ? condition : { text: condition.text }));
  }
  if (draft.summary.trim()) edits.summary = draft.summary.trim();
  return edits;
};

const inField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.matches('input, select, textarea') || target.isContentEditable);

export const ReviewDeskPage = () => {
  const session = useSession();
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [queueError, setQueueError] = useState<Error | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [proposing, setProposing] = useState<TopicRegistration | null>(null);
  const [topicsRead, setTopicsRead] = useState(0);
  // Topics this desk registered: offered at once, before the catalogue's next read has come back with them.
  const [registered, setRegistered] = useState<{ id: string; title: string }[]>([]);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; details?: unknown } | null>(null);
  const topics = useLoad(() => topicCatalogue(), [topicsRead]);
  const actors = useLoad(() => actorCatalogue(), [session.key]);
  const firstField = useRef<HTMLSelectElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const propositionField = useRef<HTMLInputElement>(null);
  // The reason field takes the focus as it appears, in the same task: nothing can see it shown and not focused
  // (a focus put off to a later task was what a fast keyboard, or a test, could beat).
  useLayoutEffect(() => {
    if (rejecting) reasonField.current?.focus();
  }, [rejecting]);
  // Likewise the proposition field, as the form to register a proposed topic opens.
  const proposingOpen = proposing !== null;
  useLayoutEffect(() => {
    if (proposingOpen) propositionField.current?.focus();
  }, [proposingOpen]);
  const heading = useRef<HTMLHeadingElement>(null);
  const item = items[index];
  const quotation = article?.quotations.find((q) => q.quotationId === item?.quotationId);

  const loadQueue = async (after: string | null) => {
    try {
      const page = await get<ReviewPage>('/v1/review', { after, limit: 50 });
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setNext(page.next);
      setQueueError(null);
    } catch (error) {
      setQueueError(error as Error);
    } finally {
      setLoaded(true);
    }
  };
  useEffect(() => void loadQueue(null), [session.key]);

  useEffect(() => {
    setRejecting(false);
    setReason('');
    setProposing(null);
    if (!item) return;
    let live = true;
    setArticle((current) => (current?.articleId === item.articleId ? current : null));
    get<Article>(`/v1/articles/${encodeURIComponent(item.articleId)}`).then(
      (loadedArticle) => {
        if (!live) return;
        setArticle(loadedArticle);
        setDraft(
          draftOf(
            item,
            loadedArticle.quotations.find((q) => q.quotationId === item.quotationId),
          ),
        );
      },
      (error: Error) => live && setOutcome({ ok: false, text: error.message }),
    );
    return () => void (live = false);
  }, [item?.quotationId]);

  useEffect(() => {
    document.getElementById(`q-${item?.quotationId}`)?.scrollIntoView({ block: 'center' });
  }, [article, item?.quotationId]);

  /** The decided item leaves the queue and the next one opens by itself. */
  const decided = (text: string) => {
    setOutcome({ ok: true, text });
    setItems((previous) => previous.filter((entry) => entry.quotationId !== item?.quotationId));
    setIndex((current) => Math.max(0, Math.min(current, items.length - 2)));
    if (items.length <= 1 && next) void loadQueue(next);
    heading.current?.focus();
  };

  const failed = (error: unknown) => {
    const details = error instanceof ApiError ? error.details : undefined;
    setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error), details });
  };

  const accept = async () => {
    if (!item || !draft || busy) return;
    setBusy(true);
    try {
      const result = await post<{ positionId: string }>(
        `/v1/review/${encodeURIComponent(item.quotationId)}/accept`,
        editsOf(item, quotation, draft),
      );
      decided(`Accepted “${item.quote}”: position ${result.positionId} recorded.`);
      if (draft.registerActor) forgetActors();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const reject = async () => {
    if (!item || busy) return;
    if (!reason.trim()) {
      setOutcome({ ok: false, text: 'Say why it is rejected.' });
      reasonField.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await post(`/v1/review/${encodeURIComponent(item.quotationId)}/reject`, { reason: reason.trim() });
      decided(`Rejected “${item.quote}”.`);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const registerCandidate = async () => {
    if (!item?.speaker || item.speaker.kind !== 'candidate' || busy) return;
    setBusy(true);
    try {
      await post('/v1/actors', { id: item.speaker.actorId, name: item.speaker.name, kind: 'person' });
      forgetActors();
      setDraft(
        (current) => current && { ...current, actorId: item.speaker?.actorId ?? '', registerActor: false },
      );
      setItems((previous) =>
        previous.map((entry) =>
          entry.speaker?.actorId === item.speaker?.actorId && entry.speaker
            ? { ...entry, speaker: { ...entry.speaker, kind: 'actor' } }
            : entry,
        ),
      );
      setOutcome({
        ok: true,
        text: `${item.speaker.name} is registered as an actor (${item.speaker.actorId}).`,
      });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  /** The topic extraction proposed (reason topic-proposed): the editor words its proposition, then registers it. */
  const proposed = quotation?.proposedTopic ?? null;
  const topicMissing =
    proposed !== null &&
    topics.data !== null &&
    !topics.data.has(draft?.topicId || proposed.id) &&
    !registered.some((topic) => topic.id === (draft?.topicId || proposed.id));
  // Opening a form focuses its field as it appears (the layout effects above); one already open is focused again.
  const startRejecting = () => {
    if (rejecting) reasonField.current?.focus();
    else setRejecting(true);
  };

  const startProposing = () => {
    if (!proposed || !topicMissing) return;
    if (proposing) propositionField.current?.focus();
    else setProposing({ id: proposed.id, title: proposed.title, proposition: '' });
  };

  const registerTopic = async () => {
    if (!proposing || busy) return;
    if (!proposing.proposition.trim()) {
      setOutcome({ ok: false, text: 'Word the proposition that “support” agrees with.' });
      propositionField.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await post('/v1/topics', proposing);
      setRegistered((current) => [...current, { id: proposing.id, title: proposing.title }]);
      forgetTopics();
      setTopicsRead((count) => count + 1);
      setDraft((current) => current && { ...current, topicId: proposing.id });
      setOutcome({
        ok: true,
        text: `${proposing.id} is registered as a topic; accept (a) to record under it.`,
      });
      setProposing(null);
      heading.current?.focus();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  // The listener reads this render's state through a ref: one re-attached in an effect would run after paint, and a
  // key pressed in between would accept the draft as it was before the last edit.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  onKey.current = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      if (rejecting) setRejecting(false);
      if (proposing) setProposing(null);
      (document.activeElement as HTMLElement | null)?.blur();
      heading.current?.focus();
      return;
    }
    if (inField(event.target)) return;
    const actions: Record<string, () => void> = {
      j: () => setIndex((current) => Math.min(items.length - 1, current + 1)),
      k: () => setIndex((current) => Math.max(0, current - 1)),
      e: () => firstField.current?.focus(),
      a: () => void accept(),
      r: startRejecting,
      n: () => void registerCandidate(),
      t: startProposing,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const set = (patch: Partial<Draft>) => setDraft((current) => current && { ...current, ...patch });
  const topicOptions = [
    ...(topics.data?.values() ?? []),
    ...registered.filter((topic) => !topics.data?.has(topic.id)),
  ].sort((a, b) => a.id.localeCompare(b.id));
  const actorOptions = [...(actors.data?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section class="review-desk">
      <h1 tabIndex={-1}>Review desk</h1>
      {!session.key && (
        <p class="notice">
          Sign in with an editor’s API key (top of the page) to accept or reject; reading the queue needs
          none.
        </p>
      )}
      <details class="keys" open>
        <summary>Keyboard</summary>
        <dl>
          {KEYS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </details>
      {outcome && (
        <div class={outcome.ok ? 'outcome ok' : 'outcome error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
          {Array.isArray(outcome.details) && (
            <ul>
              {(outcome.details as { field: string; message: string }[]).map((detail) => (
                <li key={detail.field}>
                  {detail.field}: {detail.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {queueError && <ErrorNote error={queueError} />}
      <div class="desk">
        <nav class="queue" aria-label="Review queue">
          <h2>
            Queue ({items.length}
            {next ? '+' : ''})
          </h2>
          {loaded && items.length === 0 && <p class="empty">Nothing waits for review.</p>}
          <ol>
            {items.map((entry, position) => (
              <li key={entry.quotationId}>
                <button
                  type="button"
                  class="queue-item"
                  aria-current={position === index ? 'true' : undefined}
                  data-quotation={entry.quotationId}
                  onClick={() => setIndex(position)}
                >
                  <span class="queue-quote">“{entry.quote}”</span>
                  <span class="quiet">
                    {entry.speaker?.name ?? 'no speaker'} · {entry.outlet}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {next && (
            <button type="button" onClick={() => void loadQueue(next)}>
              More items
            </button>
          )}
        </nav>
        {item && (
          <div class="item" data-quotation={item.quotationId}>
            <h2 ref={heading} tabIndex={-1} class="item-heading">
              “{item.quote}”
            </h2>
            <p class="reasons">
              In review because: {item.reasons.map((reason) => REASONS[reason] ?? reason).join('; ')}.
              Confidence {Math.round(item.confidence * 100)}%.
            </p>
            {draft && (
              <form
                class="proposal"
                onSubmit={(event) => {
                  event.preventDefault();
                  void accept();
                }}
              >
                <div class="field">
                  <label for="edit-actor">Speaker</label>
                  <select
                    id="edit-actor"
                    ref={firstField}
                    value={draft.actorId}
                    onChange={(e) => set({ actorId: e.currentTarget.value })}
                  >
                    <option value="">(none)</option>
                    {item.speaker?.kind === 'candidate' && (
                      <option value={item.speaker.actorId}>
                        {item.speaker.name} (candidate, not registered)
                      </option>
                    )}
                    {actorOptions.map((actor) => (
                      <option key={actor.id} value={actor.id}>
                        {actor.name}
                      </option>
                    ))}
                  </select>
                  {item.speaker?.kind === 'candidate' && (
                    <div class="candidate">
                      <label>
                        <input
                          type="checkbox"
                          checked={draft.registerActor}
                          onChange={(e) =>
                            set({
                              registerActor: e.currentTarget.checked,
                              actorId: item.speaker?.actorId ?? '',
                            })
                          }
                        />{' '}
                        Register {item.speaker.name} as an actor when accepting
                      </label>
                      <button type="button" onClick={() => void registerCandidate()} disabled={busy}>
                        Register now (n)
                      </button>
                    </div>
                  )}
                </div>
                <div class="field">
                  <label for="edit-topic">Topic</label>
                  <select
                    id="edit-topic"
                    value={draft.topicId}
                    onChange={(e) => set({ topicId: e.currentTarget.value })}
                  >
                    <option value="">(none)</option>
                    {topicOptions.map((topic) => (
                      <option key={topic.id} value={topic.id}>
                        {topic.id}: {topic.title}
                      </option>
                    ))}
                  </select>
                  {proposed && topicMissing && (
                    <div class="candidate proposed-topic">
                      <span>
                        Proposed: <code>{proposed.id}</code> ({proposed.title}), not in the taxonomy
                      </span>
                      <button type="button" onClick={startProposing} disabled={busy}>
                        Register it… (t)
                      </button>
                    </div>
                  )}
                </div>
                <div class="field">
                  <label for="edit-stance">Stance</label>
                  <select
                    id="edit-stance"
                    value={draft.stance}
                    onChange={(e) => set({ stance: e.currentTarget.value as Stance })}
                  >
                    <option value="">(none)</option>
                    {STANCES.map((stance) => (
                      <option key={stance} value={stance}>
                        {STANCE_LABELS[stance]}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="edit-day">Day said</label>
                  <input
                    id="edit-day"
                    type="date"
                    value={draft.saidOn}
                    onChange={(e) => set({ saidOn: e.currentTarget.value })}
                  />
                  {quotation?.saidOnEvidence && <span class="quiet"> from “{quotation.saidOnEvidence}”</span>}
                </div>
                <fieldset class="field">
                  <legend>Conditions</legend>
                  {draft.conditions.map((condition, position) => (
                    <div class="condition-row" key={position}>
                      <label for={`condition-${position}`} class="visually-hidden">
                        Condition {position + 1}
                      </label>
                      <input
                        id={`condition-${position}`}
                        value={condition.text}
                        onInput={(e) =>
                          set({
                            conditions: draft.conditions.map((c, i) =>
                              i === position ? { ...c, text: e.currentTarget.value } : c,
                            ),
                          })
                        }
                      />
                      <label for={`condition-topic-${position}`} class="visually-hidden">
                        Topic of condition {position + 1}
                      </label>
                      <select
                        id={`condition-topic-${position}`}
                        value={condition.topicId ?? ''}
                        onChange={(e) =>
                          set({
                            conditions: draft.conditions.map((c, i) =>
                              i === position ? { ...c, topicId: e.currentTarget.value || null } : c,
                            ),
                          })
                        }
                      >
                        <option value="">(no topic)</option>
                        {topicOptions.map((topic) => (
                          <option key={topic.id} value={topic.id}>
                            {topic.id}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        onClick={() => set({ conditions: draft.conditions.filter((_, i) => i !== position) })}
                      >
                        Remove
                      </button>
                    </div>
                  ))}
                  <button
                    type="button"
                    onClick={() => set({ conditions: [...draft.conditions, { text: '', topicId: null }] })}
                  >
                    Add a condition
                  </button>
                </fieldset>
                <div class="field">
                  <label for="edit-summary">Summary (optional)</label>
                  <input
                    id="edit-summary"
                    value={draft.summary}
                    maxLength={500}
                    onInput={(e) => set({ summary: e.currentTarget.value })}
                  />
                </div>
                <div class="actions">
                  <button type="submit" class="primary" disabled={busy}>
                    Accept (a)
                  </button>
                  <button type="button" onClick={startRejecting} disabled={busy}>
                    Reject… (r)
                  </button>
                </div>
              </form>
            )}
            {proposing && (
              <form
                class="register-topic"
                aria-label="Register the proposed topic"
                onSubmit={(event) => {
                  event.preventDefault();
                  void registerTopic();
                }}
              >
                <div class="field">
                  <label for="topic-id">Topic id</label>
                  <input
                    id="topic-id"
                    value={proposing.id}
                    maxLength={200}
                    onInput={(e) => setProposing({ ...proposing, id: e.currentTarget.value.trim() })}
                  />
                </div>
                <div class="field">
                  <label for="topic-title">Title</label>
                  <input
                    id="topic-title"
                    value={proposing.title}
                    maxLength={200}
                    onInput={(e) => setProposing({ ...proposing, title: e.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for="topic-proposition">Proposition (what “support” agrees with)</label>
                  <input
                    id="topic-proposition"
                    ref={propositionField}
                    value={proposing.proposition}
                    maxLength={1000}
                    onInput={(e) => setProposing({ ...proposing, proposition: e.currentTarget.value })}
                  />
                </div>
                <div class="actions">
                  <button type="submit" disabled={busy}>
                    Register the topic
                  </button>
                </div>
              </form>
            )}
            {rejecting && (
              <form
                class="reject"
                onSubmit={(event) => {
                  event.preventDefault();
                  void reject();
                }}
              >
                <label for="reject-reason">Why is it not a position?</label>
                <input
                  id="reject-reason"
                  ref={reasonField}
                  value={reason}
                  maxLength={1000}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
                <button type="submit" disabled={busy}>
                  Reject
                </button>
              </form>
            )}
            {article ? (
              <ArticleText article={article} current={item.quotationId} />
            ) : (
              <p aria-busy="true">Loading the article…</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
};
