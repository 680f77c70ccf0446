import {
  type AsOf,
  EVIDENCE_TYPES,
  type InForceReader,
  latestInForce,
  type PositionEvent,
  type Source,
  STANCES,
  type StanceInForce,
  STATED_AT_PRECISIONS,
  stanceScore,
} from '@domain/positions';
import { assertNever } from '@domain/shared/assert-never';

type StanceFields = Omit<StanceInForce, 'actorId'>;

/*
 * Each version of a position is one row in two typed arrays per actor (times as float64, the rest as uint32), its
 * words kept once as JSON fragments in a byte arena outside the heap. A version that changes no words (a withdrawal,
 * a retraction, a corrected stance or topic) points at its predecessor's fragments: most versions cost only a row.
 */

/** Float64 fields. NaN in WITHDRAWN_AT: not withdrawn; Infinity in RECORDED_TO: still the position's latest version. */
const STATED_AT = 0;
const WITHDRAWN_AT = 1;
const RECORDED_FROM = 2;
const RECORDED_TO = 3;
const CONFIDENCE = 4;
const TIMES = 5;

/** Uint32 fields. FLAGS: retracted (bit 0), the stance, the evidence type and the precision (their numbers). */
const SEQ = 0;
const FLAGS = 1;
const TOPIC = 2;
/**
 * Where the words are in the arena (3 fields: chunk, start, length): positionId, conditions, summary, quote, statedAt
 * and recordedAt as JSON values, joined by SEPARATOR.
 */
const WORDS = 3;
/** Where the sources are (3 fields), as a JSON array. */
const SOURCES = 6;
const INTS = 9;

/** JSON.stringify escapes every control character, so none can occur inside an encoded value. */
const SEPARATOR = '\u0001';

const STANCE_SHIFT = 1;
const EVIDENCE_SHIFT = 5;
const PRECISION_SHIFT = 8;
const FIELD_MASK = 0b111;
const STANCE_MASK = 0b1111;

const numbered = <T extends string>(values: readonly T[]): Map<string, number> =>
  new Map(values.map((value, index) => [value, index]));
const stanceNumbers = numbered(STANCES);
const evidenceNumbers = numbered(EVIDENCE_TYPES);
const precisionNumbers = numbered(STATED_AT_PRECISIONS);

const numberOf = (numbers: Map<string, number>, value: string, field: string): number => {
  const number = numbers.get(value);
  if (number === undefined) throw new Error(`stance index: unknown ${field} ${JSON.stringify(value)}`);
  return number;
};

type Words = {
  positionId: string;
  conditions: string;
  summary: string;
  quote: string;
  statedAt: string;
  recordedAt: string;
};

const CHUNK_BYTES = 4 * 1024 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 text in large chunks: a million strings in the heap would slow every collection; bytes outside it cost none. */
class TextArena {
  private readonly chunks: Uint8Array[] = [];
  private current = new Uint8Array(0);
  private used = 0;

  /** Stores the text; writes where it went into `ints` at `at` (chunk, start, length). */
  put(text: string, ints: Uint32Array, at: number): void {
    const fits = encoder.encodeInto(text, this.current.subarray(this.used));
    let { written } = fits;
    if (fits.read < text.length) {
      this.current = new Uint8Array(Math.max(CHUNK_BYTES, text.length * 3));
      this.chunks.push(this.current);
      this.used = 0;
      ({ written } = encoder.encodeInto(text, this.current));
    }
    ints[at] = this.chunks.length - 1;
    ints[at + 1] = this.used;
    ints[at + 2] = written;
    this.used += written;
  }

  text(ints: Uint32Array, at: number): string {
    const start = ints[at + 1];
    return decoder.decode(this.chunks[ints[at]].subarray(start, start + ints[at + 2]));
  }

  get size(): number {
    return this.chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  }
}

type ActorTimeline = {
  times: Float64Array<ArrayBuffer>;
  ints: Uint32Array<ArrayBuffer>;
  size: number;
  /** The actor's topics (their numbers), in the order answers list them (stanceAsOf's). */
  topics: number[];
  /** Each position's latest version: the one the next event evolves. */
  latest: Map<string, number>;
};

/**
 * Every actor's stance timeline in memory: each version of each position valid in record time until the next event
 * on it, chosen with the domain's one rule of the position in force (latestInForce). Fed every event in record order,
 * it answers exactly what stanceAsOf answers over the actor's events (its spec checks that on generated histories).
 */
export class StanceIndex {
  private readonly actors = new Map<string, ActorTimeline>();
  private readonly topicIds: string[] = [];
  private readonly topicJson: string[] = [];
  private readonly topicNumbers = new Map<string, number>();
  private versionCount = 0;
  private readonly arena = new TextArena();
  /** Per topic number, the rows of the answer being made that are known at its knownAt (one answer at a time). */
  private readonly known: number[][] = [];
  /** The rows the rule reads: the actor being answered. */
  private reading: ActorTimeline | null = null;

  private readonly reader: InForceReader<number> = {
    statedAt: (row) => this.reading!.times[row * TIMES + STATED_AT],
    withdrawnAt: (row) => {
      const at = this.reading!.times[row * TIMES + WITHDRAWN_AT];
      return Number.isNaN(at) ? null : at;
    },
    seq: (row) => this.reading!.ints[row * INTS + SEQ],
    retracted: (row) => (this.reading!.ints[row * INTS + FLAGS] & 1) === 1,
  };

  /** Versions held, for sizing: about one per position event. */
  get versions(): number {
    return this.versionCount;
  }

  get actorCount(): number {
    return this.actors.size;
  }

  /** Bytes held outside the heap for the versions' words. */
  get jsonBytes(): number {
    return this.arena.size;
  }

  /** `revision` is the event's revision in the actor's stream (the record order that breaks statedAt ties). */
  apply(event: PositionEvent, revision: string): void {
    const actor = this.timelineOf(event.data.actorId);
    const latest = actor.latest.get(event.data.positionId);
    const recordedMs = Date.parse(event.data.recordedAt);
    if (event.type === 'PositionStated') {
      const { data } = event;
      const row = this.newRow(actor, latest, recordedMs);
      const times = row * TIMES;
      const ints = row * INTS;
      actor.times[times + STATED_AT] = Date.parse(data.statedAt);
      actor.times[times + WITHDRAWN_AT] = Number.NaN;
      actor.times[times + CONFIDENCE] = data.confidence;
      actor.ints[ints + SEQ] = Number(revision);
      actor.ints[ints + FLAGS] =
        (numberOf(stanceNumbers, data.stance, 'stance') << STANCE_SHIFT) |
        (numberOf(evidenceNumbers, data.evidenceType, 'evidence type') << EVIDENCE_SHIFT) |
        (numberOf(precisionNumbers, data.statedAtPrecision, 'precision') << PRECISION_SHIFT);
      actor.ints[ints + TOPIC] = this.topicOf(actor, data.topicId);
      this.putWords(actor, row, {
        positionId: JSON.stringify(data.positionId),
        conditions: JSON.stringify(data.conditions),
        summary: JSON.stringify(data.summary),
        quote: JSON.stringify(data.quote),
        statedAt: JSON.stringify(data.statedAt),
        recordedAt: JSON.stringify(data.recordedAt),
      });
      this.arena.put(JSON.stringify(data.sources), actor.ints, ints + SOURCES);
      actor.latest.set(data.positionId, row);
      return;
    }
    // Events on a position the index has not seen change nothing (as in stanceAsOf).
    if (latest === undefined) return;
    const row = this.newRow(actor, latest, recordedMs);
    const times = row * TIMES;
    const ints = row * INTS;
    switch (event.type) {
      case 'PositionSourceAdded': {
        const sources = this.arena.text(actor.ints, ints + SOURCES);
        this.arena.put(appendSource(sources, event.data.source), actor.ints, ints + SOURCES);
        break;
      }
      case 'PositionWithdrawn':
        actor.times[times + WITHDRAWN_AT] = Date.parse(event.data.effectiveAt);
        break;
      case 'PositionRetracted':
        actor.ints[ints + FLAGS] |= 1;
        break;
      case 'PositionCorrected':
        this.correct(actor, row, event.data.changes);
        break;
      default:
        assertNever(event);
    }
    actor.latest.set(event.data.positionId, row);
  }

  /** The actor's stances in force at `at` as known at `knownAt`, by topic (one topic when `topicId` is given). */
  stancesOf(actorId: string, asOf: AsOf, topicId?: string): StanceInForce[] {
    return this.renderedStancesOf(actorId, asOf, topicId).map((json) => ({
      actorId,
      ...(JSON.parse(decoder.decode(json)) as StanceFields),
    }));
  }

  /** The same stances as UTF-8 JSON objects without actorId, as the stance routes write them. */
  renderedStancesOf(actorId: string, { at, knownAt }: AsOf, topicId?: string): Uint8Array[] {
    const actor = this.actors.get(actorId);
    if (!actor) return [];
    const only = topicId === undefined ? undefined : this.topicNumbers.get(topicId);
    if (topicId !== undefined && only === undefined) return [];
    const atMs = at.getTime();
    const knownMs = knownAt.getTime();
    const { times, ints } = actor;
    for (let row = 0; row < actor.size; row++) {
      const fields = row * TIMES;
      if (times[fields + RECORDED_FROM] > knownMs || knownMs >= times[fields + RECORDED_TO]) continue;
      const topic = ints[row * INTS + TOPIC];
      if (only === undefined || topic === only) this.known[topic].push(row);
    }
    this.reading = actor;
    const stances: Uint8Array[] = [];
    for (const topic of only === undefined ? actor.topics : [only]) {
      const known = this.known[topic];
      if (known.length === 0) continue;
      const inForce = latestInForce(known, atMs, this.reader);
      if (inForce !== null) stances.push(encoder.encode(this.render(actor, inForce)));
      known.length = 0;
    }
    this.reading = null;
    return stances;
  }

  /** Gives back the room kept for growth (after loading the log, say); later versions grow the rows again. */
  compact(): void {
    for (const actor of this.actors.values()) {
      actor.times = actor.times.slice(0, actor.size * TIMES);
      actor.ints = actor.ints.slice(0, actor.size * INTS);
    }
  }

  /** The stance a row shows, as JSON in the order of the stance routes' fields (stanceJson's). */
  private render(actor: ActorTimeline, row: number): string {
    const times = row * TIMES;
    const ints = row * INTS;
    const flags = actor.ints[ints + FLAGS];
    const stance = STANCES[(flags >> STANCE_SHIFT) & STANCE_MASK];
    const words = this.wordsOf(actor, row);
    return (
      `{"topicId":${this.topicJson[actor.ints[ints + TOPIC]]},"positionId":${words.positionId}` +
      `,"stance":"${stance}","score":${JSON.stringify(stanceScore(stance))}` +
      `,"conditions":${words.conditions},"summary":${words.summary},"quote":${words.quote}` +
      `,"evidenceType":"${EVIDENCE_TYPES[(flags >> EVIDENCE_SHIFT) & FIELD_MASK]}","statedAt":${words.statedAt}` +
      `,"statedAtPrecision":"${STATED_AT_PRECISIONS[(flags >> PRECISION_SHIFT) & FIELD_MASK]}"` +
      `,"confidence":${JSON.stringify(actor.times[times + CONFIDENCE])}` +
      `,"sources":${this.arena.text(actor.ints, ints + SOURCES)},"recordedAt":${words.recordedAt}}`
    );
  }

  private correct(actor: ActorTimeline, row: number, changes: Partial<Omit<StanceFields, 'score'>>): void {
    const times = row * TIMES;
    const ints = row * INTS;
    if (changes.topicId !== undefined) actor.ints[ints + TOPIC] = this.topicOf(actor, changes.topicId);
    if (changes.confidence !== undefined) actor.times[times + CONFIDENCE] = changes.confidence;
    if (changes.statedAt !== undefined) actor.times[times + STATED_AT] = Date.parse(changes.statedAt);
    let flags = actor.ints[ints + FLAGS];
    if (changes.stance !== undefined)
      flags =
        (flags & ~(STANCE_MASK << STANCE_SHIFT)) |
        (numberOf(stanceNumbers, changes.stance, 'stance') << STANCE_SHIFT);
    if (changes.evidenceType !== undefined)
      flags =
        (flags & ~(FIELD_MASK << EVIDENCE_SHIFT)) |
        (numberOf(evidenceNumbers, changes.evidenceType, 'evidence type') << EVIDENCE_SHIFT);
    if (changes.statedAtPrecision !== undefined)
      flags =
        (flags & ~(FIELD_MASK << PRECISION_SHIFT)) |
        (numberOf(precisionNumbers, changes.statedAtPrecision, 'precision') << PRECISION_SHIFT);
    actor.ints[ints + FLAGS] = flags;
    const { conditions, summary, quote, statedAt } = changes;
    if (conditions === undefined && summary === undefined && quote === undefined && statedAt === undefined)
      return;
    const words = this.wordsOf(actor, row);
    this.putWords(actor, row, {
      ...words,
      ...(conditions !== undefined && { conditions: JSON.stringify(conditions) }),
      ...(summary !== undefined && { summary: JSON.stringify(summary) }),
      ...(quote !== undefined && { quote: JSON.stringify(quote) }),
      ...(statedAt !== undefined && { statedAt: JSON.stringify(statedAt) }),
    });
  }

  private wordsOf(actor: ActorTimeline, row: number): Words {
    const [positionId, conditions, summary, quote, statedAt, recordedAt] = this.arena
      .text(actor.ints, row * INTS + WORDS)
      .split(SEPARATOR);
    return { positionId, conditions, summary, quote, statedAt, recordedAt };
  }

  private putWords(actor: ActorTimeline, row: number, words: Words): void {
    const text = [
      words.positionId,
      words.conditions,
      words.summary,
      words.quote,
      words.statedAt,
      words.recordedAt,
    ];
    this.arena.put(text.join(SEPARATOR), actor.ints, row * INTS + WORDS);
  }

  /**
   * A new row for the position's next version: a copy of its latest one (whose record-time validity ends now), or a
   * blank one for a new position.
   */
  private newRow(actor: ActorTimeline, latest: number | undefined, recordedMs: number): number {
    const row = actor.size;
    if (row === actor.times.length / TIMES) {
      const rows = Math.max(4, row * 2);
      const times = new Float64Array(new ArrayBuffer(rows * TIMES * 8));
      times.set(actor.times);
      const ints = new Uint32Array(new ArrayBuffer(rows * INTS * 4));
      ints.set(actor.ints);
      actor.times = times;
      actor.ints = ints;
    }
    const { times, ints } = actor;
    if (latest === undefined) {
      times[row * TIMES + WITHDRAWN_AT] = Number.NaN;
    } else {
      times.copyWithin(row * TIMES, latest * TIMES, (latest + 1) * TIMES);
      ints.copyWithin(row * INTS, latest * INTS, (latest + 1) * INTS);
      times[latest * TIMES + RECORDED_TO] = recordedMs;
    }
    times[row * TIMES + RECORDED_FROM] = recordedMs;
    times[row * TIMES + RECORDED_TO] = Number.POSITIVE_INFINITY;
    actor.size += 1;
    this.versionCount += 1;
    return row;
  }

  private timelineOf(actorId: string): ActorTimeline {
    let actor = this.actors.get(actorId);
    if (!actor)
      this.actors.set(
        actorId,
        (actor = {
          times: new Float64Array(new ArrayBuffer(0)),
          ints: new Uint32Array(new ArrayBuffer(0)),
          size: 0,
          topics: [],
          latest: new Map(),
        }),
      );
    return actor;
  }

  /** The topic's number, new topics (in the index, in the actor's list) kept in the order answers list them. */
  private topicOf(actor: ActorTimeline, topicId: string): number {
    let topic = this.topicNumbers.get(topicId);
    if (topic === undefined) {
      topic = this.topicIds.length;
      this.topicIds.push(topicId);
      this.topicJson.push(JSON.stringify(topicId));
      this.topicNumbers.set(topicId, topic);
      this.known.push([]);
    }
    if (!actor.topics.includes(topic)) {
      const after = actor.topics.findIndex((other) => this.topicIds[other].localeCompare(topicId) > 0);
      actor.topics.splice(after === -1 ? actor.topics.length : after, 0, topic);
    }
    return topic;
  }
}

/** The sources array with one more source at its end. */
const appendSource = (sources: string, source: Source): string =>
  `${sources.slice(0, -1)}${sources.length > 2 ? ',' : ''}${JSON.stringify(source)}]`;
