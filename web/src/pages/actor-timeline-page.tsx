import { useEffect, useMemo, useState } from 'preact/hooks';
import { allPages, get, useLoad } from '../api';
import { topicCatalogue } from '../catalogue';
import { ConditionsList } from '../components/conditions-list';
import { ErrorNote } from '../components/error-note';
import { StanceChip } from '../components/stance-chip';
import { HatchPattern, MarkSummary, TimelineChart } from '../components/timeline-chart';
import { Link, replaceQuery, useLocation } from '../router';
import {
  formatDay,
  formatMoment,
  formatStated,
  RATING_LABELS,
  STANCE_COLORS,
  STANCE_LABELS,
  STANCES,
} from '../stances';
import { domainOf, lanesOf, recordMomentsOf, topicPrefixesOf, type Mark } from '../timeline-model';
import type { Actor, ActorStances, HistoryPage, Shift, ShiftsPage, Version } from '../types';

/** The shifts table shows the latest ones first drawn; the rest on request (500 rows cost more than the chart). */
const SHIFTS_SHOWN = 40;

const parseTime = (value: string | null): number | null => {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
};

const useDebounced = <T,>(value: T, ms: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
};

export const ActorTimelinePage = ({ actorId }: { actorId: string }) => {
  const { query } = useLocation();
  const [at, setAt] = useState<number | null>(() => parseTime(query.get('at')));
  const [knownAt, setKnownAt] = useState<number | null>(() => parseTime(query.get('knownAt')));
  const [topic, setTopic] = useState(query.get('topic') ?? '');
  const [opened, setOpened] = useState<Mark | null>(null);
  const [allShifts, setAllShifts] = useState(false);
  const base = useLoad(
    async (signal) => {
      const [actor, record, titles] = await Promise.all([
        get<Actor>(`/v1/actors/${encodeURIComponent(actorId)}`, {}, signal),
        allPages<Version, HistoryPage>(`/v1/actors/${encodeURIComponent(actorId)}/history`, {}, signal),
        topicCatalogue(),
      ]);
      return { actor, record: record.items, titles: new Map([...titles].map(([id, t]) => [id, t.title])) };
    },
    [actorId],
  );
  const knownAtIso = knownAt === null ? undefined : new Date(knownAt).toISOString();
  const view = useLoad(
    async (signal) => {
      const scope = { knownAt: knownAtIso, topic: topic || undefined };
      // As known now, the versions are the record the page has read already (base): no second read of it.
      const [history, shifts] = await Promise.all([
        knownAtIso
          ? allPages<Version, HistoryPage>(`/v1/actors/${encodeURIComponent(actorId)}/history`, scope, signal)
          : null,
        allPages<Shift, ShiftsPage>(`/v1/actors/${encodeURIComponent(actorId)}/shifts`, scope, signal),
      ]);
      return { versions: history?.items ?? null, shifts: shifts.items };
    },
    [actorId, knownAtIso, topic],
  );
  const answerAt = useDebounced(at, 150);
  const answer = useLoad(
    (signal) =>
      get<ActorStances>(
        `/v1/actors/${encodeURIComponent(actorId)}/stances`,
        { at: answerAt === null ? undefined : new Date(answerAt).toISOString(), knownAt: knownAtIso },
        signal,
      ),
    [actorId, answerAt, knownAtIso],
  );

  useEffect(() => {
    replaceQuery({
      at: at === null ? null : new Date(at).toISOString(),
      knownAt: knownAtIso ?? null,
      topic: topic || null,
    });
  }, [at, knownAtIso, topic]);

  const domain = useMemo(() => domainOf(base.data?.record ?? []), [base.data]);
  const moments = useMemo(() => recordMomentsOf(base.data?.record ?? []), [base.data]);
  const prefixes = useMemo(
    () => topicPrefixesOf((base.data?.record ?? []).map((v) => v.topicId)),
    [base.data],
  );
  const titles = base.data?.titles ?? new Map<string, string>();
  const lanes = useMemo(() => {
    if (!view.data || !base.data) return undefined;
    const inScope = (topicId: string) => !topic || topicId === topic || topicId.startsWith(`${topic}.`);
    const versions = view.data.versions ?? base.data.record.filter((version) => inScope(version.topicId));
    return lanesOf(versions, view.data.shifts);
  }, [view.data, base.data]);
  const laneHref = (topicId: string) =>
    lanes?.some((lane) => lane.topicId === topicId) ? `#lane-${topicId}` : null;
  const shownStances = (answer.data?.stances ?? []).filter(
    (stance) => !topic || stance.topicId === topic || stance.topicId.startsWith(`${topic}.`),
  );

  // The slider's stops: before anything was recorded, each moment the record changed, and now (the last).
  const stop = knownAt === null ? moments.length : moments.filter((moment) => moment <= knownAt).length;
  const knownAtOfStop = (index: number): number | null =>
    index >= moments.length ? null : index === 0 ? (moments[0] ?? Date.now()) - 1 : moments[index - 1];

  if (base.error) {
    return (
      <section>
        <h1 tabIndex={-1}>{actorId}</h1>
        <ErrorNote error={base.error} />
      </section>
    );
  }
  const actor = base.data?.actor;
  return (
    <section class="timeline-page">
      <h1 tabIndex={-1}>{actor?.name ?? actorId}</h1>
      {actor && actor.roles.length > 0 && (
        <p class="quiet">
          {(actor.roles.filter((role) => role.to === null).length > 0
            ? actor.roles.filter((role) => role.to === null)
            : actor.roles.slice(-1)
          )
            .map(
              (role) =>
                `${role.title}${role.organisation ? `, ${role.organisation}` : ''} (from ${formatDay(role.from)})`,
            )
            .join(' · ')}
        </p>
      )}
      <div class="controls" role="group" aria-label="What to show">
        <div class="control">
          <label for="topic-filter">Topics</label>
          <select id="topic-filter" value={topic} onChange={(event) => setTopic(event.currentTarget.value)}>
            <option value="">All topics</option>
            {prefixes.map((prefix) => (
              <option key={prefix} value={prefix}>
                {prefix}
              </option>
            ))}
          </select>
        </div>
        <div class="control">
          <label for="at-day">At</label>
          <input
            id="at-day"
            type="date"
            value={at === null ? '' : new Date(at).toISOString().slice(0, 10)}
            onChange={(event) => setAt(parseTime(event.currentTarget.value))}
          />
          <button type="button" onClick={() => setAt(null)} disabled={at === null}>
            Latest
          </button>
        </div>
        <div class="control known-at">
          <label for="known-at">Known at</label>
          <input
            id="known-at"
            type="range"
            min={0}
            max={moments.length}
            step={1}
            value={stop}
            aria-valuetext={knownAt === null ? 'now: everything recorded' : `${formatMoment(knownAt)}`}
            onInput={(event) => setKnownAt(knownAtOfStop(Number(event.currentTarget.value)))}
          />
          <output for="known-at" class="known-at-value">
            {knownAt === null ? 'now' : formatMoment(knownAt)}
          </output>
          <button type="button" onClick={() => setKnownAt(null)} disabled={knownAt === null}>
            Now
          </button>
        </div>
      </div>
      <p class="hint">
        Drag across the chart or focus the <strong>at</strong> handle and use the arrow keys (a day), Page
        Up/Down (a week), Home and End. Tab to a statement, then ←/→ move along its lane, ↑/↓ to the lane
        above or below, Home/End to the lane's first or last, Enter opens its record. The{' '}
        <strong>known at</strong> slider replays the record: each step is a moment it changed.
      </p>
      <Legend />
      {view.error && <ErrorNote error={view.error} />}
      {!lanes && !view.error && <p aria-busy="true">Loading…</p>}
      {lanes && lanes.length === 0 && (
        <p class="empty" data-testid="empty-timeline">
          Nothing recorded for {actor?.name ?? actorId}
          {knownAt === null ? '' : ` as known at ${formatMoment(knownAt)}`}
          {topic ? ` under ${topic}` : ''}.
        </p>
      )}
      {lanes && lanes.length > 0 && (
        <TimelineChart
          lanes={lanes}
          domain={domain}
          titles={titles}
          at={at ?? Infinity}
          onAt={setAt}
          onOpen={setOpened}
        />
      )}
      {opened && (
        <section class="mark-detail" aria-label="Statement">
          <h2>
            {titles.get(opened.topicId) ?? opened.topicId}{' '}
            <button
              type="button"
              class="close"
              onClick={() => setOpened(null)}
              aria-label="Close the statement"
            >
              ×
            </button>
          </h2>
          <MarkSummary mark={opened} />
          <ConditionsList conditions={opened.current.conditions} laneHref={laneHref} />
          <h3>The record of this position</h3>
          <ol class="versions">
            {opened.versions.map((version) => (
              <li key={version.versionId}>
                {formatMoment(version.recordedFrom)}: {version.change}
                {version.change === 'corrected' || version.change === 'stated'
                  ? ` (${STANCE_LABELS[version.stance]})`
                  : ''}
                {version.reason ? `: ${version.reason}` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">
          Stances at {at === null ? 'the latest moment' : formatDay(at)}, as known{' '}
          {knownAt === null ? 'now' : `at ${formatMoment(knownAt)}`}
        </h2>
        {answer.error && <ErrorNote error={answer.error} />}
        {answer.data && shownStances.length === 0 && <p class="empty">No stance in force.</p>}
        <ul class="answer-list">
          {shownStances.map((stance) => (
            <li key={stance.topicId} data-topic={stance.topicId}>
              <span class="answer-topic">
                <Link href={`/app/topics/${encodeURIComponent(stance.topicId)}`}>
                  {titles.get(stance.topicId) ?? stance.topicId}
                </Link>
              </span>{' '}
              <StanceChip stance={stance.stance} />{' '}
              <span class="quiet">said {formatStated(stance.statedAt, stance.statedAtPrecision)}</span>
              <p>{stance.quote ? `“${stance.quote}”` : stance.summary}</p>
              <ConditionsList conditions={stance.conditions} laneHref={laneHref} />
            </li>
          ))}
        </ul>
      </section>
      {view.data && view.data.shifts.length > 0 && (
        <section aria-labelledby="shifts-heading">
          <h2 id="shifts-heading">Shifts</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="shifts-heading">
            <table class="shifts">
              <thead>
                <tr>
                  <th scope="col">Took effect</th>
                  <th scope="col">Topic</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                  <th scope="col">Flip-O-Meter</th>
                </tr>
              </thead>
              <tbody>
                {(allShifts ? view.data.shifts : view.data.shifts.slice(-SHIFTS_SHOWN)).map((shift) => (
                  <tr key={shift.shiftId}>
                    <td>{formatDay(shift.validAt)}</td>
                    <td>{titles.get(shift.topicId) ?? shift.topicId}</td>
                    <td>
                      <StanceChip stance={shift.before?.stance ?? null} />
                    </td>
                    <td>
                      <StanceChip stance={shift.after?.stance ?? null} />
                      {shift.cause === 'withdrawn' && <span class="quiet"> (withdrawn)</span>}
                    </td>
                    <td>
                      {RATING_LABELS[shift.override?.rating ?? shift.rating]}
                      {shift.override && <span class="quiet"> (editor: {shift.override.reason})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!allShifts && view.data.shifts.length > SHIFTS_SHOWN && (
            <button type="button" onClick={() => setAllShifts(true)}>
              Show all {view.data.shifts.length} shifts (the latest {SHIFTS_SHOWN} are shown)
            </button>
          )}
        </section>
      )}
    </section>
  );
};

const Legend = () => (
  <ul class="legend" aria-label="Legend">
    {STANCES.map((stance) => (
      <li key={stance}>
        <svg width="18" height="12" aria-hidden="true">
          {stance === 'no-comment' ? (
            <>
              <defs>
                <HatchPattern id="legend-hatch" />
              </defs>
              <rect width="18" height="12" fill="url(#legend-hatch)" />
            </>
          ) : (
            <rect width="18" height="12" fill={STANCE_COLORS[stance]} />
          )}
        </svg>
        {STANCE_LABELS[stance]}
      </li>
    ))}
    <li>
      <svg width="18" height="12" aria-hidden="true">
        <rect width="18" height="12" fill="#f4f4f4" stroke="#bbb" />
      </svg>
      no position
    </li>
    <li>● statement · ◎ corrected · ⊗ retracted · | withdrawn · ▼ shift</li>
  </ul>
);
