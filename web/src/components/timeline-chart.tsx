import { Component } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  STANCE_COLORS,
  STANCE_INK,
  STANCE_LABELS,
  SHORT_LABELS,
  RATING_LABELS,
  formatDay,
  formatStated,
  periodEnd,
  DAY_MS,
} from '../stances';
import { ticksOf, type Lane, type Mark } from '../timeline-model';
import type { Shift } from '../types';

type Geometry = {
  width: number;
  left: number;
  right: number;
  laneTop: (index: number) => number;
  laneHeight: number;
  bandTop: number;
  bandHeight: number;
  labelsAbove: boolean;
  height: number;
  x: (time: number) => number;
};

const AXIS_HEIGHT = 30;

const geometryOf = (width: number, lanes: number, [start, end]: [number, number]): Geometry => {
  const labelsAbove = width < 640;
  const left = labelsAbove ? 12 : 230;
  const right = width - 16;
  const laneHeight = labelsAbove ? 52 : 40;
  const bandTop = labelsAbove ? 22 : 10;
  return {
    width,
    left,
    right,
    laneHeight,
    bandTop,
    bandHeight: 22,
    labelsAbove,
    laneTop: (index) => AXIS_HEIGHT + index * laneHeight,
    height: AXIS_HEIGHT + lanes * laneHeight + 8,
    x: (time) => left + ((time - start) / (end - start)) * (right - left),
  };
};

const markLabel = (mark: Mark, title: string): string => {
  const { current } = mark;
  const flags = [
    current.retracted && 'retracted',
    mark.corrected && 'corrected',
    current.withdrawnAt && `withdrawn ${formatDay(current.withdrawnAt)}`,
  ].filter(Boolean);
  const words = current.quote ? `“${current.quote}”` : current.summary;
  return `${title}: ${STANCE_LABELS[current.stance]}, said ${formatStated(current.statedAt, current.statedAtPrecision)}${
    flags.length ? ` (${flags.join(', ')})` : ''
  }. ${words}`;
};

const shiftLabel = (shift: Shift): string => {
  const rating = shift.override?.rating ?? shift.rating;
  return `${formatDay(shift.validAt)}: ${shift.before ? STANCE_LABELS[shift.before.stance] : 'no position'} → ${
    shift.after ? STANCE_LABELS[shift.after.stance] : 'no position'
  } (${RATING_LABELS[rating]}${shift.override ? ', rated by an editor' : ''})`;
};

export type Hover = { mark: Mark; x: number; y: number; top: number } | null;

type LanesProps = {
  lanes: Lane[];
  geometry: Geometry;
  domainEnd: number;
  titles: Map<string, string>;
  onHover: (hover: Hover) => void;
  onOpen: (mark: Mark) => void;
};

/** The lanes redraw only when the data or the size change, not while the cursor moves. */
class LanesLayer extends Component<LanesProps> {
  shouldComponentUpdate(next: LanesProps) {
    return (
      next.lanes !== this.props.lanes ||
      next.geometry.width !== this.props.geometry.width ||
      next.titles !== this.props.titles
    );
  }

  /** One set of listeners for every mark (500 marks with six listeners each cost a visible part of a draw). */
  private markOf(target: EventTarget | null): [Mark, SVGGElement] | null {
    const element = (target as Element | null)?.closest?.('.mark') as SVGGElement | null;
    const positionId = element?.getAttribute('data-position');
    if (!element || !positionId) return null;
    for (const lane of this.props.lanes) {
      const mark = lane.marks.find((candidate) => candidate.positionId === positionId);
      if (mark) return [mark, element];
    }
    return null;
  }

  private show = (event: Event) => {
    const found = this.markOf(event.target);
    if (!found) return;
    const [mark, element] = found;
    const box = element.getBoundingClientRect();
    const host = element.ownerSVGElement?.getBoundingClientRect();
    this.props.onHover({
      mark,
      x: box.left - (host?.left ?? 0) + box.width / 2,
      y: box.top - (host?.top ?? 0) + box.height,
      top: box.top - (host?.top ?? 0),
    });
  };

  private hide = (event: Event) => {
    if (this.markOf(event.target)) this.props.onHover(null);
  };

  /**
   * Roving tabindex: one mark is in the tab order (the last one focused, at first the earliest on the top lane);
   * the arrow keys move between statements. Set on the elements directly, so that moving does not redraw 500 marks.
   */
  private active: string | null = null;

  private activeId(): string | null {
    const ids = this.props.lanes.flatMap((lane) => lane.marks.map((mark) => mark.positionId));
    return this.active && ids.includes(this.active) ? this.active : (ids[0] ?? null);
  }

  private root: SVGGElement | null = null;

  private rove(element: Element) {
    const positionId = element.getAttribute('data-position');
    if (!positionId || !this.root) return;
    this.active = positionId;
    for (const other of this.root.querySelectorAll('.mark[tabindex="0"]'))
      if (other !== element) other.setAttribute('tabindex', '-1');
    element.setAttribute('tabindex', '0');
  }

  componentDidUpdate() {
    const active = this.activeId();
    const element = active && this.root?.querySelector(`.mark[data-position="${CSS.escape(active)}"]`);
    if (element) this.rove(element);
  }

  /** ←/→ the previous or next statement on the lane, ↑/↓ the nearest in time on the lane above or below, Home/End. */
  private neighbour(mark: Mark, key: string): Mark | null {
    const { lanes } = this.props;
    const laneIndex = lanes.findIndex((lane) => lane.topicId === mark.topicId);
    const marks = lanes[laneIndex]?.marks ?? [];
    const index = marks.findIndex((candidate) => candidate.positionId === mark.positionId);
    if (key === 'ArrowLeft') return marks[index - 1] ?? null;
    if (key === 'ArrowRight') return marks[index + 1] ?? null;
    if (key === 'Home') return marks[0] ?? null;
    if (key === 'End') return marks[marks.length - 1] ?? null;
    const direction = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
    if (!direction) return null;
    const stated = Date.parse(mark.current.statedAt);
    for (let other = laneIndex + direction; other >= 0 && other < lanes.length; other += direction) {
      let nearest: Mark | null = null;
      for (const candidate of lanes[other].marks) {
        if (
          !nearest ||
          Math.abs(Date.parse(candidate.current.statedAt) - stated) <
            Math.abs(Date.parse(nearest.current.statedAt) - stated)
        )
          nearest = candidate;
      }
      if (nearest) return nearest;
    }
    return null;
  }

  private focusIn = (event: Event) => {
    const found = this.markOf(event.target);
    if (found) this.rove(found[1]);
    this.show(event);
  };

  private open = (event: Event) => {
    const found = this.markOf(event.target);
    if (!found) return;
    if (event instanceof KeyboardEvent) {
      const next = this.neighbour(found[0], event.key);
      if (next) {
        event.preventDefault();
        const element = this.root?.querySelector(`.mark[data-position="${CSS.escape(next.positionId)}"]`);
        if (element instanceof SVGElement) element.focus();
        return;
      }
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
    }
    this.props.onOpen(found[0]);
  };

  render({ lanes, geometry: g, domainEnd, titles }: LanesProps) {
    const active = this.activeId();
    return (
      <g
        class="lanes"
        ref={(element) => void (this.root = element)}
        onMouseOver={this.show}
        onFocusIn={this.focusIn}
        onMouseOut={this.hide}
        onFocusOut={this.hide}
        onClick={this.open}
        onKeyDown={this.open}
      >
        {lanes.map((lane, index) => {
          const top = g.laneTop(index);
          const bandY = top + g.bandTop;
          const middle = bandY + g.bandHeight / 2;
          const title = titles.get(lane.topicId) ?? lane.topicId;
          return (
            <g key={lane.topicId} class="lane" data-topic={lane.topicId} id={`lane-${lane.topicId}`}>
              <rect class="lane-bg" x={g.left} y={bandY} width={g.right - g.left} height={g.bandHeight} />
              <a href={`/app/topics/${encodeURIComponent(lane.topicId)}`} class="lane-label">
                <text x={g.labelsAbove ? g.left : 8} y={g.labelsAbove ? top + 15 : middle + 4}>
                  {g.labelsAbove || title.length <= 32 ? title : `${title.slice(0, 31)}…`}
                  <title>{`${title} (${lane.topicId})`}</title>
                </text>
              </a>
              {lane.bands.map((band) => {
                const x0 = g.x(band.from);
                const x1 = g.x(band.to ?? domainEnd);
                const wide = x1 - x0 > 84;
                return (
                  <g
                    key={`${band.positionId}-${band.from}`}
                    class={`band stance-${band.stance}`}
                    data-from={new Date(band.from).toISOString()}
                    data-stance={band.stance}
                  >
                    <rect
                      x={x0}
                      y={bandY}
                      width={Math.max(1, x1 - x0)}
                      height={g.bandHeight}
                      fill={STANCE_COLORS[band.stance]}
                    >
                      <title>{`${STANCE_LABELS[band.stance]} from ${formatDay(band.from)}${band.to ? ` to ${formatDay(band.to)}` : ''}: ${band.summary}`}</title>
                    </rect>
                    {wide && (
                      <text
                        x={x0 + 11}
                        y={middle + 4}
                        class="band-text"
                        fill={STANCE_INK[band.stance]}
                        aria-hidden="true"
                      >
                        {SHORT_LABELS[band.stance]}
                      </text>
                    )}
                  </g>
                );
              })}
              {lane.shifts
                .filter((shift) => shift.before)
                .map((shift) => {
                  const rating = shift.override?.rating ?? shift.rating;
                  const x = g.x(Date.parse(shift.validAt));
                  return (
                    <g key={shift.shiftId} class={`shift rating-${rating}`} data-rating={rating}>
                      <path d={`M${x - 5},${bandY - 7} L${x + 5},${bandY - 7} L${x},${bandY - 1} Z`} />
                      <title>{shiftLabel(shift)}</title>
                    </g>
                  );
                })}
              {lane.marks.map((mark) => {
                const { current } = mark;
                const stated = Date.parse(current.statedAt);
                const x = g.x(stated);
                const periodX = g.x(periodEnd(current.statedAt, current.statedAtPrecision));
                return (
                  <g
                    key={mark.positionId}
                    class={`mark${current.retracted ? ' retracted' : ''}${mark.corrected ? ' corrected' : ''}${current.withdrawnAt ? ' withdrawn' : ''}`}
                    data-position={mark.positionId}
                    data-stated-at={current.statedAt}
                    data-stance={current.stance}
                    tabindex={mark.positionId === active ? 0 : -1}
                    role="button"
                    aria-label={markLabel(mark, title)}
                  >
                    {periodX - x > 3 && (
                      <line class="precision" x1={x} x2={periodX} y1={middle} y2={middle} />
                    )}
                    {current.withdrawnAt && (
                      <g class="withdrawal">
                        <line
                          x1={g.x(Date.parse(current.withdrawnAt))}
                          x2={g.x(Date.parse(current.withdrawnAt))}
                          y1={bandY - 3}
                          y2={bandY + g.bandHeight + 3}
                        />
                      </g>
                    )}
                    {mark.corrected && <circle class="correction-ring" cx={x} cy={middle} r={9.5} />}
                    <circle
                      class="dot"
                      cx={x}
                      cy={middle}
                      r={6}
                      fill={current.retracted ? '#ffffff' : STANCE_COLORS[current.stance]}
                    />
                    {current.retracted && (
                      <path
                        class="retraction-cross"
                        d={`M${x - 4},${middle - 4} L${x + 4},${middle + 4} M${x + 4},${middle - 4} L${x - 4},${middle + 4}`}
                      />
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </g>
    );
  }
}

type Props = {
  lanes: Lane[];
  domain: [number, number];
  titles: Map<string, string>;
  /** The at cursor's moment; beyond the domain it stands at its end. */
  at: number;
  onAt: (time: number) => void;
  onOpen: (mark: Mark) => void;
};

const clamp = (value: number, [low, high]: [number, number]) => Math.min(high, Math.max(low, value));

/** The grey hatch that marks no-comment, on the chart and in its legend. */
export const HatchPattern = ({ id }: { id: string }) => (
  <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" fill="#ececec" />
    <line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2" />
  </pattern>
);

export const TimelineChart = ({ lanes, domain, titles, at, onAt, onOpen }: Props) => {
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  const [hover, setHover] = useState<Hover>(null);
  const dragging = useRef(false);
  // Measured before the first paint: drawing 500 marks at a guessed width, then again, doubled the first draw.
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    setWidth(Math.max(320, Math.floor(element.clientWidth)));
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.max(320, Math.floor(entry.contentRect.width))),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  if (width === null) return <div class="timeline-chart" ref={host} />;
  const g = geometryOf(width, lanes.length, domain);
  const atX = g.x(clamp(at, domain));
  const timeAt = (clientX: number) => {
    const box = host.current?.getBoundingClientRect();
    const x = clientX - (box?.left ?? 0);
    const time = domain[0] + ((x - g.left) / (g.right - g.left)) * (domain[1] - domain[0]);
    return clamp(Math.round(time / DAY_MS) * DAY_MS, domain);
  };
  const ticks = ticksOf(domain, Math.max(2, Math.floor((g.right - g.left) / 80)));
  const step = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowLeft: -DAY_MS,
      ArrowRight: DAY_MS,
      ArrowDown: -DAY_MS,
      ArrowUp: DAY_MS,
      PageDown: -7 * DAY_MS,
      PageUp: 7 * DAY_MS,
    };
    const from = clamp(at, domain);
    if (event.key in moves) onAt(clamp(from + moves[event.key], domain));
    else if (event.key === 'Home') onAt(domain[0]);
    else if (event.key === 'End') onAt(domain[1]);
    else return;
    event.preventDefault();
  };
  return (
    <div class="timeline-chart" ref={host}>
      <svg
        width={g.width}
        height={g.height}
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="group"
        aria-label="Stances over time, one lane per topic"
        onPointerDown={(event) => {
          const target = event.target as Element;
          if (target.closest('.mark, a')) return;
          dragging.current = true;
          (event.currentTarget as SVGSVGElement).setPointerCapture(event.pointerId);
          onAt(timeAt(event.clientX));
        }}
        onPointerMove={(event) => dragging.current && onAt(timeAt(event.clientX))}
        onPointerUp={() => (dragging.current = false)}
      >
        <defs>
          <HatchPattern id="no-comment-hatch" />
        </defs>
        <g class="axis" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick.time}>
              <line
                x1={g.x(tick.time)}
                x2={g.x(tick.time)}
                y1={AXIS_HEIGHT - 6}
                y2={g.height - 8}
                class="gridline"
              />
              <text x={g.x(tick.time)} y={AXIS_HEIGHT - 10} text-anchor="middle">
                {tick.label}
              </text>
            </g>
          ))}
        </g>
        <LanesLayer
          lanes={lanes}
          geometry={g}
          domainEnd={domain[1]}
          titles={titles}
          onHover={setHover}
          onOpen={onOpen}
        />
        <g class="at-cursor">
          <line x1={atX} x2={atX} y1={AXIS_HEIGHT - 4} y2={g.height - 8} />
          <g
            class="at-handle"
            tabindex={0}
            role="slider"
            aria-label="at: the moment the answer below is for"
            aria-valuemin={Math.round(domain[0] / DAY_MS)}
            aria-valuemax={Math.round(domain[1] / DAY_MS)}
            aria-valuenow={Math.round(clamp(at, domain) / DAY_MS)}
            aria-valuetext={at > domain[1] ? 'latest' : formatDay(at)}
            aria-orientation="horizontal"
            onKeyDown={step}
          >
            <rect x={atX - 7} y={0} width={14} height={AXIS_HEIGHT - 4} rx={3} />
          </g>
        </g>
      </svg>
      {hover && (
        <div
          class="tooltip"
          role="tooltip"
          style={
            hover.y + 220 > g.height
              ? {
                  left: `${Math.min(hover.x, width - 300)}px`,
                  top: `${hover.top - 6}px`,
                  transform: 'translateY(-100%)',
                }
              : { left: `${Math.min(hover.x, width - 300)}px`, top: `${hover.y + 6}px` }
          }
        >
          <MarkSummary mark={hover.mark} />
        </div>
      )}
    </div>
  );
};

export const MarkSummary = ({ mark }: { mark: Mark }) => {
  const { current } = mark;
  const outlets = [...new Set(current.sources.map((source) => source.outlet))];
  return (
    <>
      <p class="tooltip-stance">
        <strong>{STANCE_LABELS[current.stance]}</strong>, said{' '}
        {formatStated(current.statedAt, current.statedAtPrecision)}{' '}
        <span class="quiet">(precision: {current.statedAtPrecision})</span>
      </p>
      {current.quote ? <blockquote>“{current.quote}”</blockquote> : <p>{current.summary}</p>}
      <p class="quiet">{outlets.length ? `Printed by ${outlets.join(', ')}` : 'No outlet recorded'}</p>
      {current.retracted && (
        <p class="flag">Retracted from the record{current.reason ? `: ${current.reason}` : ''}</p>
      )}
      {mark.corrected && <p class="flag">Corrected since first recorded</p>}
      {current.withdrawnAt && <p class="flag">Withdrawn by the actor on {formatDay(current.withdrawnAt)}</p>}
    </>
  );
};
