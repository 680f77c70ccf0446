import { DAY_MS, periodEnd } from './stances';
import type { Shift, Stance, Version } from './types';

export type Band = { from: number; to: number | null; stance: Stance; positionId: string; summary: string };

export type Mark = {
  positionId: string;
  topicId: string;
  /** The position as the record stood at knownAt. */
  current: Version;
  /** Every version known at knownAt, oldest first: the corrections and the retraction among them. */
  versions: Version[];
  corrected: boolean;
};

export type Lane = { topicId: string; bands: Band[]; marks: Mark[]; shifts: Shift[] };

/** The stance in force over valid time is the API's (its shifts): each one holds until the next. */
const bandsOf = (shifts: Shift[]): Band[] => {
  const bands: Band[] = [];
  shifts.forEach((shift, index) => {
    if (!shift.after) return;
    const next = shifts[index + 1];
    bands.push({
      from: Date.parse(shift.validAt),
      to: next ? Date.parse(next.validAt) : null,
      stance: shift.after.stance,
      positionId: shift.after.positionId,
      summary: shift.after.summary,
    });
  });
  return bands;
};

const marksOf = (versions: Version[]): Mark[] => {
  const byPosition = new Map<string, Version[]>();
  for (const version of versions) {
    const chain = byPosition.get(version.positionId);
    if (chain) chain.push(version);
    else byPosition.set(version.positionId, [version]);
  }
  return [...byPosition.values()]
    .map((chain) => {
      const current = chain.find((version) => version.recordedTo === null) ?? chain[chain.length - 1];
      return {
        positionId: current.positionId,
        topicId: current.topicId,
        current,
        versions: chain,
        corrected: chain.some((version) => version.change === 'corrected'),
      };
    })
    .sort((a, b) => Date.parse(a.current.statedAt) - Date.parse(b.current.statedAt));
};

/** One lane per topic that has anything known at knownAt, in topic order. */
export const lanesOf = (versions: Version[], shifts: Shift[]): Lane[] => {
  const topics = new Set([
    ...versions.map((version) => version.topicId),
    ...shifts.map((shift) => shift.topicId),
  ]);
  return [...topics].sort().map((topicId) => {
    const laneShifts = shifts
      .filter((shift) => shift.topicId === topicId)
      .sort((a, b) => Date.parse(a.validAt) - Date.parse(b.validAt));
    return {
      topicId,
      bands: bandsOf(laneShifts),
      marks: marksOf(versions.filter((version) => version.topicId === topicId)),
      shifts: laneShifts,
    };
  });
};

/** The valid-time span worth drawing: every statement's period and withdrawal, with a margin. */
export const domainOf = (versions: Version[]): [number, number] => {
  if (versions.length === 0) {
    const now = Date.now();
    return [now - 30 * DAY_MS, now];
  }
  let start = Infinity;
  let end = -Infinity;
  for (const version of versions) {
    start = Math.min(start, Date.parse(version.statedAt));
    end = Math.max(end, periodEnd(version.statedAt, version.statedAtPrecision));
    if (version.withdrawnAt) end = Math.max(end, Date.parse(version.withdrawnAt));
  }
  const margin = Math.max(2 * DAY_MS, (end - start) * 0.04);
  return [start - margin, end + margin];
};

/** The moments the record changed, oldest first: the knownAt slider's stops. */
export const recordMomentsOf = (versions: Version[]): number[] =>
  [...new Set(versions.map((version) => Date.parse(version.recordedFrom)))].sort((a, b) => a - b);

/** Every topic id and its ancestors (`ukraine`, `ukraine.security-guarantees`, …): the filter's choices. */
export const topicPrefixesOf = (topicIds: Iterable<string>): string[] => {
  const prefixes = new Set<string>();
  for (const topicId of topicIds) {
    const parts = topicId.split('.');
    for (let length = 1; length <= parts.length; length++) prefixes.add(parts.slice(0, length).join('.'));
  }
  return [...prefixes].sort();
};

type Tick = { time: number; label: string };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Axis ticks on whole days, weeks (Mondays) or months, as many as `maxTicks` allows. */
export const ticksOf = ([start, end]: [number, number], maxTicks: number): Tick[] => {
  const span = end - start;
  const dayLabel = (time: number) => {
    const date = new Date(time);
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  };
  for (const days of [1, 2, 7, 14]) {
    if (span / (days * DAY_MS) > maxTicks) continue;
    let time = Math.ceil(start / DAY_MS) * DAY_MS;
    if (days >= 7) while (new Date(time).getUTCDay() !== 1) time += DAY_MS;
    const ticks: Tick[] = [];
    for (; time <= end; time += days * DAY_MS) ticks.push({ time, label: dayLabel(time) });
    return ticks;
  }
  for (const months of [1, 3, 6, 12, 24, 60]) {
    const first = new Date(start);
    let year = first.getUTCFullYear();
    let month = Math.ceil((first.getUTCMonth() + (first.getUTCDate() > 1 ? 1 : 0)) / months) * months;
    const ticks: Tick[] = [];
    for (;;) {
      year += Math.floor(month / 12);
      month %= 12;
      const time = Date.UTC(year, month, 1);
      if (time > end) break;
      ticks.push({ time, label: month === 0 || months >= 12 ? String(year) : `${MONTHS[month]} ${year}` });
      month += months;
    }
    if (ticks.length <= maxTicks) return ticks;
  }
  return [];
};
