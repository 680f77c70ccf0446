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
 * Each version of a position is one row in typed arrays shared by all actors (times as float64, the rest as uint32;
 * in slabs of SLAB_ROWS rows, so that growing never copies them all), each row linked to the actor's previous one; its words kept once as JSON fragments in a byte arena outside
 * the heap. A version that changes no words (a withdrawal, a retraction, a corrected stance or topic) points at its
 * predecessor's fragments: most versions cost only a row. Positions are numbered as they are stated and found by
 * their id through an open-addressing table of those numbers (the id itself is only in the arena): the heap holds no
 * object and no string per version or per position, only one string per actor and per topic.
 */

/** Float64 fields. NaN in WITHDRAWN_AT: not withdrawn; Infinity in RECORDED_TO: still the position's latest version. */
const STATED_AT = 0;
const WITHDRAWN_AT = 1;
const RECORDED_FROM = 2;
const RECORDED_TO = 3;
const CONFIDENCE = 4;
const TIMES = 5;

/**
 * Uint32 fields. FLAGS: retracted (bit 0), the stance, the evidence type, the precision and the topic (their
 * numbers). POSITION: the position's number. PREVIOUS: the actor's previous row plus one (0: none).
 */
const SEQ = 0;
const FLAGS = 1;
const POSITION = 2;
const PREVIOUS = 3;
/**
 * Where the words are in the arena (3 fields: chunk, start, length): positionId, conditions, summary, quote, statedAt
 * and recordedAt as JSON values, then each source, joined by SEPARATOR. statedAt and recordedAt are empty when the
 * time's own ISO string says them (the usual case); a source is its values alone, after SOURCE_VALUES, when its keys
 * are Source's in Source's order (the usual case), else its JSON; sources that are no array are SOURCES_JSON and
 * their JSON, in one field.
 */
const WORDS = 4;
const INTS = 7;

/** Rows per slab, by default. */
const SLAB_ROWS = 65_536;
/** Rows of the first slab, which grows by doubling to a full slab (as does a last slab that compact() trimmed). */
const FIRST_ROWS = 1024;

/** Per position (uint32): its id's hash, its actor, its latest version's row, the row that stated it. */
const HASH = 0;
const ACTOR = 1;
const LATEST = 2;
const STATED_ROW = 3;
const POSITION_FIELDS = 4;

/**
 * JSON.stringify escapes every control character, so none can occur inside an encoded value; in UTF-8 each is one
 * byte that no other character's bytes contain.
 */
const SEPARATOR = '\u0001';
const SOURCE_VALUES = '\u0002';
const SOURCES_JSON = '\u0003';
/** The words' fields that corrections change (positionId is field 0, recordedAt 5, the sources from 6 on). */
const CONDITIONS = 1;
const SUMMARY = 2;
const QUOTE = 3;
const STATED_AT_WORDS = 4;
const SOURCE_KEYS = ['outlet', 'articleId', 'url', 'publishedOn', 'text', 'span'] as const;

const STANCE_SHIFT = 1;
const EVIDENCE_SHIFT = 5;
const PRECISION_SHIFT = 8;
const TOPIC_SHIFT = 11;
const FIELD_MASK = 0b111;
const STANCE_MASK = 0b1111;
const MAX_TOPICS = 2 ** (32 - TOPIC_SHIFT);

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

const CHUNK_BYTES = 4 * 1024 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 text in large chunks: a million strings in the heap would slow every collection; bytes outside it cost none. */
class TextArena {
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
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

  /** The chunk that holds the text stored at `at` (which starts at ints[at + 1], for ints[at + 2] bytes). */
  bytes(ints: Uint32Array, at: number): Uint8Array {
    return this.chunks[ints[at]];
  }

  /** Whether the text stored at `at` starts with `prefix`'s bytes. */
  startsWith(ints: Uint32Array, at: number, prefix: Uint8Array, prefixLength: number): boolean {
    if (ints[at + 2] < prefixLength) return false;
    const chunk = this.chunks[ints[at]];
    const start = ints[at + 1];
    for (let byte = 0; byte < prefixLength; byte++) if (chunk[start + byte] !== prefix[byte]) return false;
    return true;
  }

  /** Gives back the room left in the current chunk; the next text starts a new one. */
  compact(): void {
    if (this.chunks.length === 0 || this.used === this.current.length) return;
    this.current = this.current.slice(0, this.used);
    this.chunks[this.chunks.length - 1] = this.current;
  }

  get size(): number {
    return this.chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  }

  /** The chunks as far as they are used (the current one cut at its end), for an image. */
  usedChunks(): Uint8Array[] {
    return this.chunks.map((chunk, at) =>
      at === this.chunks.length - 1 ? chunk.subarray(0, this.used) : chunk,
    );
  }

  /** Takes an image's chunks as its own; the next text starts a new chunk. */
  adopt(chunks: Uint8Array<ArrayBuffer>[]): void {
    this.chunks.splice(0, this.chunks.length, ...chunks);
    this.current = chunks.at(-1) ?? new Uint8Array(0);
    this.used = this.current.length;
  }
}

/** FNV-1a over the id's UTF-16 code units. */
const hashOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 0;
};

const QUOTE_BYTE = 34;
const COMMA_BYTE = 44;
const SEPARATOR_BYTE = 1;
const SOURCE_VALUES_BYTE = 2;
const SOURCES_JSON_BYTE = 3;

const DAY_MS = 86_400_000;

/**
 * Writes `"${new Date(ms).toISOString()}"` as UTF-8 at `at` for the times of years 0 to 9999 (all isoTimeMs
 * accepts), without a Date: the civil date from the day number (Howard Hinnant's civil_from_days), then the time of
 * day. Returns where it ended.
 */
export const writeIsoJson = (out: Uint8Array, at: number, ms: number): number => {
  const days = Math.floor(ms / DAY_MS);
  let time = ms - days * DAY_MS;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const millis = time % 1000;
  time = (time - millis) / 1000;
  const seconds = time % 60;
  time = (time - seconds) / 60;
  const minutes = time % 60;
  const hours = (time - minutes) / 60;
  const digits = (value: number, count: number, end: number): void => {
    for (let digit = end - 1; digit >= end - count; digit--) {
      out[digit] = 48 + (value % 10);
      value = Math.floor(value / 10);
    }
  };
  out[at] = QUOTE_BYTE;
  digits(year, 4, at + 5);
  out[at + 5] = 45; // -
  digits(month, 2, at + 8);
  out[at + 8] = 45;
  digits(day, 2, at + 11);
  out[at + 11] = 84; // T
  digits(hours, 2, at + 14);
  out[at + 14] = 58; // :
  digits(minutes, 2, at + 17);
  out[at + 17] = 58;
  digits(seconds, 2, at + 20);
  out[at + 20] = 46; // .
  digits(millis, 3, at + 24);
  out[at + 24] = 90; // Z
  out[at + 25] = QUOTE_BYTE;
  return at + 26;
};

const bytes = (text: string): Uint8Array => encoder.encode(text);

/** Copies `from`'s bytes from `start` to `end` into `out` at `at`; returns where they end. */
const copy = (out: Uint8Array, at: number, from: Uint8Array, start: number, end: number): number => {
  for (let byte = start; byte < end; byte++) out[at++] = from[byte];
  return at;
};

/** Where the words' field that starts at `from` ends: at the next separator, or at the end of the words. */
const fieldEnd = (text: Uint8Array, from: number, end: number): number => {
  let at = from;
  while (at < end && text[at] !== SEPARATOR_BYTE) at++;
  return at;
};
/** The constant parts of a rendered stance, as UTF-8: per stance, per evidence type and per precision. */
const STANCE_BYTES = STANCES.map((stance) =>
  bytes(`,"stance":"${stance}","score":${JSON.stringify(stanceScore(stance))},"conditions":`),
);
const EVIDENCE_BYTES = EVIDENCE_TYPES.map((evidence) => bytes(`,"evidenceType":"${evidence}","statedAt":`));
const PRECISION_BYTES = STATED_AT_PRECISIONS.map((precision) =>
  bytes(`,"statedAtPrecision":"${precision}","confidence":`),
);
const TOPIC_ID_BYTES = bytes('{"topicId":');
const SUMMARY_BYTES = bytes(',"summary":');
const QUOTE_FIELD_BYTES = bytes(',"quote":');
const SOURCES_BYTES = bytes(',"sources":');
const RECORDED_AT_BYTES = bytes(',"recordedAt":');
const EMPTY_SOURCES_BYTES = bytes('[]');

/** The number the digits at `at` say, or -1. */
const digits = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let digit = at; digit < at + count; digit++) {
    const code = text.charCodeAt(digit) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The time `text` says when toISOString gives back exactly this text (YYYY-MM-DDTHH:mm:ss.sssZ with every field in
 * its range), else NaN: the log's times read in one pass, checked and parsed at once (Howard Hinnant's
 * days_from_civil), with no Date.parse.
 */
export const isoTimeMs = (text: string): number => {
  if (
    text.length !== 24 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 || // .
    text.charCodeAt(23) !== 90 // Z
  )
    return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millis < 0
  )
    return Number.NaN;
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
};

/**
 * JSON.stringify(value), without its call for the usual values: null, and a string with no character to escape (none
 * below U+0020, no quote, no backslash, no surrogate: JSON.stringify escapes a lone one), which it writes as is.
 */
const jsonOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (typeof value !== 'string') return JSON.stringify(value);
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    if (code < 32 || code === 34 || code === 92 || (code >= 0xd800 && code <= 0xdfff))
      return JSON.stringify(value);
  }
  return `"${value}"`;
};

/** JSON.stringify(conditions), without its call for the usual no conditions. */
const conditionsJson = (conditions: unknown): string =>
  Array.isArray(conditions) && conditions.length === 0 ? '[]' : JSON.stringify(conditions);

/** `iso`'s time, given isoTimeMs(iso): Date.parse only for a text toISOString would not write. */
const timeOf = (iso: string, ms: number): number => (Number.isNaN(ms) ? Date.parse(iso) : ms);

/** The ISO string as a words field, given isoTimeMs(iso): empty when the time's own ISO string says it. */
const timeWords = (iso: string, ms: number): string => (Number.isNaN(ms) ? JSON.stringify(iso) : '');

/** What comes before each of Source's values in its JSON. */
const SOURCE_KEY_TEXTS = SOURCE_KEYS.map((key, at) => `${at === 0 ? '{' : ','}"${key}":`);
const SOURCE_PREFIXES = SOURCE_KEY_TEXTS.map(bytes);
const SOURCE_KEY_SET = new Set<string>(SOURCE_KEYS);

/**
 * A source as a words field: its values alone, in Source's key order, when it has exactly Source's keys (in any
 * order: the log's JSONB keeps its keys in an order of its own) and all but `span` are strings or null (the usual
 * case), else its JSON.
 */
const sourceWords = (source: Source): string => {
  if (typeof source !== 'object' || source === null || Array.isArray(source))
    return (JSON.stringify(source) as string | undefined) ?? 'null';
  let keys = 0;
  for (const key in source) {
    keys += 1;
    if (!SOURCE_KEY_SET.has(key)) return JSON.stringify(source);
  }
  if (keys !== SOURCE_KEYS.length) return JSON.stringify(source);
  let words = '';
  for (let at = 0; at < SOURCE_KEYS.length; at++) {
    const value: unknown = source[SOURCE_KEYS[at]];
    if (
      at === SOURCE_KEYS.length - 1
        ? value !== null && (typeof value !== 'object' || Array.isArray(value))
        : value !== null && typeof value !== 'string'
    )
      return JSON.stringify(source);
    words += SOURCE_VALUES + jsonOf(value);
  }
  return words;
};

const sourcesWords = (sources: Source[]): string =>
  Array.isArray(sources)
    ? sources.reduce((words, source) => `${words}${SEPARATOR}${sourceWords(source)}`, '')
    : `${SEPARATOR}${SOURCES_JSON}${JSON.stringify(sources)}`;

/** The layout fromImage reads; a change to it (or to what the arrays hold) changes this. */
const IMAGE_FORMAT = 1;

type ImageHeader = {
  format: number;
  slabRows: number;
  rows: number;
  positionCount: number;
  actors: string[];
  topics: string[];
  /** Byte lengths: lastRows, positions, slots, the time slabs, the int slabs, the arena's chunks. */
  sections: number[];
};

const aligned = (at: number): number => Math.ceil(at / 8) * 8;

/**
 * Every actor's stance timeline in memory: each version of each position valid in record time until the next event
 * on it, chosen with the domain's one rule of the position in force (latestInForce). Fed every event in record order,
 * it answers exactly what stanceAsOf answers over the actor's events (its spec checks that on generated histories).
 */
export class StanceIndex {
  /** Each actor's number, which indexes `lastRows`. */
  private readonly actors = new Map<string, number>();
  /** Per actor, its last row plus one. */
  private lastRows = new Uint32Array(1024);
  private readonly slabRows: number;
  private readonly slabShift: number;
  private readonly slabMask: number;
  /** Row r's fields: in slab r >>> slabShift, from (r & slabMask) * TIMES (or INTS) on. */
  private timeSlabs: Float64Array<ArrayBuffer>[] = [];
  private intSlabs: Uint32Array<ArrayBuffer>[] = [];
  private rows = 0;
  private positions = new Uint32Array(1024 * POSITION_FIELDS);
  private positionCount = 0;
  /** Open addressing (linear probing) over the positions' numbers plus one (0: empty), by their id's hash. */
  private slots = new Uint32Array(2048);
  private readonly topicIds: string[] = [];
  /** Per topic number, its id as JSON and the positionId key that follows it in an answer, as UTF-8. */
  private readonly topicBytes: Uint8Array[] = [];
  /** Where answers are written. */
  private out = new Uint8Array(4096);
  private readonly topicNumbers = new Map<string, number>();
  /**
   * The topics' numbers in the order answers list topics (stanceAsOf's), and per topic number its place in that
   * order; null when a topic came since.
   */
  private topicRanks: { order: Uint32Array; ranks: Uint32Array } | null = null;
  private readonly arena = new TextArena();
  /** Per topic number, the rows of the answer being made that are known at its knownAt (one answer at a time). */
  private readonly known: number[][] = [];
  /** The topics of the answer being made that have rows in `known`. */
  private readonly knownTopics: number[] = [];
  /** The actor of the last event applied. */
  private lastActorId: string | null = null;
  private lastActor = 0;
  /** The encoded id being looked for. */
  private idBytes = new Uint8Array(256);

  private readonly reader: InForceReader<number> = {
    statedAt: (row) => this.timeSlabs[row >>> this.slabShift][(row & this.slabMask) * TIMES + STATED_AT],
    withdrawnAt: (row) => {
      const at = this.timeSlabs[row >>> this.slabShift][(row & this.slabMask) * TIMES + WITHDRAWN_AT];
      return Number.isNaN(at) ? null : at;
    },
    seq: (row) => this.intSlabs[row >>> this.slabShift][(row & this.slabMask) * INTS + SEQ],
    retracted: (row) =>
      (this.intSlabs[row >>> this.slabShift][(row & this.slabMask) * INTS + FLAGS] & 1) === 1,
  };

  /** `slabRows` (a power of two; tests make it small): rows per slab. */
  constructor({ slabRows = SLAB_ROWS }: { slabRows?: number } = {}) {
    if (!Number.isInteger(Math.log2(slabRows)) || slabRows < 2)
      throw new Error('stance index: slabRows: a power of two');
    this.slabRows = slabRows;
    this.slabShift = Math.log2(slabRows);
    this.slabMask = slabRows - 1;
  }

  /** Versions held, for sizing: about one per position event. */
  get versions(): number {
    return this.rows;
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
    const actor = this.actorOf(event.data.actorId);
    const positionIdJson = jsonOf(event.data.positionId);
    const hash = (hashOf(event.data.positionId) ^ Math.imul(actor, 0x9e3779b1)) >>> 0;
    const slot = this.slotOf(actor, hash, positionIdJson);
    const position = this.slots[slot] - 1;
    const latest = position === -1 ? undefined : this.positions[position * POSITION_FIELDS + LATEST];
    const { recordedAt } = event.data;
    const recordedIso = isoTimeMs(recordedAt);
    const recordedMs = timeOf(recordedAt, recordedIso);
    if (event.type === 'PositionStated') {
      const { data } = event;
      // Checked before the row is added: an event the index rejects leaves it as it was.
      const flags =
        (numberOf(stanceNumbers, data.stance, 'stance') << STANCE_SHIFT) |
        (numberOf(evidenceNumbers, data.evidenceType, 'evidence type') << EVIDENCE_SHIFT) |
        (numberOf(precisionNumbers, data.statedAtPrecision, 'precision') << PRECISION_SHIFT) |
        (this.topicOf(data.topicId) << TOPIC_SHIFT);
      const row = this.newRow(actor, latest, recordedMs);
      const times = this.timeSlabs[row >>> this.slabShift];
      const ints = this.intSlabs[row >>> this.slabShift];
      const at = (row & this.slabMask) * TIMES;
      const fields = (row & this.slabMask) * INTS;
      const statedIso = isoTimeMs(data.statedAt);
      times[at + STATED_AT] = timeOf(data.statedAt, statedIso);
      times[at + WITHDRAWN_AT] = Number.NaN;
      times[at + CONFIDENCE] = data.confidence;
      ints[fields + SEQ] = Number(revision);
      ints[fields + FLAGS] = flags;
      // A new number even for a position stated again: its earlier versions keep their own record time.
      const stated = this.newPosition(actor, hash, slot, row);
      ints[fields + POSITION] = stated;
      this.arena.put(
        positionIdJson +
          SEPARATOR +
          conditionsJson(data.conditions) +
          SEPARATOR +
          jsonOf(data.summary) +
          SEPARATOR +
          jsonOf(data.quote) +
          SEPARATOR +
          timeWords(data.statedAt, statedIso) +
          SEPARATOR +
          timeWords(recordedAt, recordedIso) +
          sourcesWords(data.sources),
        ints,
        fields + WORDS,
      );
      return;
    }
    // Events on a position the index has not seen change nothing (as in stanceAsOf).
    if (latest === undefined) return;
    // As for a statement, a correction's flags are checked before its row is added.
    const corrected =
      event.type === 'PositionCorrected' ? this.correctedFlags(latest, event.data.changes) : 0;
    const row = this.newRow(actor, latest, recordedMs);
    const ints = this.intSlabs[row >>> this.slabShift];
    const fields = (row & this.slabMask) * INTS;
    switch (event.type) {
      case 'PositionSourceAdded': {
        const words = this.arena.text(ints, fields + WORDS);
        const [, whole] = words.split(SEPARATOR + SOURCES_JSON);
        this.arena.put(
          whole === undefined
            ? words + SEPARATOR + sourceWords(event.data.source)
            : words.slice(0, words.length - whole.length) + appendSource(whole, event.data.source),
          ints,
          fields + WORDS,
        );
        break;
      }
      case 'PositionWithdrawn':
        this.timeSlabs[row >>> this.slabShift][(row & this.slabMask) * TIMES + WITHDRAWN_AT] = Date.parse(
          event.data.effectiveAt,
        );
        break;
      case 'PositionRetracted':
        ints[fields + FLAGS] |= 1;
        break;
      case 'PositionCorrected':
        this.correct(row, event.data.changes, corrected);
        break;
      default:
        assertNever(event);
    }
    this.positions[position * POSITION_FIELDS + LATEST] = row;
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
    if (actor === undefined) return [];
    const only = topicId === undefined ? undefined : this.topicNumbers.get(topicId);
    if (topicId !== undefined && only === undefined) return [];
    const atMs = at.getTime();
    const knownMs = knownAt.getTime();
    const { timeSlabs, intSlabs, known, knownTopics, slabShift, slabMask } = this;
    for (let next = this.lastRows[actor]; next !== 0;) {
      const row = next - 1;
      const ints = intSlabs[row >>> slabShift];
      const times = timeSlabs[row >>> slabShift];
      const fields = (row & slabMask) * INTS;
      const at = (row & slabMask) * TIMES;
      next = ints[fields + PREVIOUS];
      if (times[at + RECORDED_FROM] > knownMs || knownMs >= times[at + RECORDED_TO]) continue;
      const topic = ints[fields + FLAGS] >>> TOPIC_SHIFT;
      if (only !== undefined && topic !== only) continue;
      if (known[topic].push(row) === 1) knownTopics.push(topic);
    }
    if (knownTopics.length > 1) {
      const { order, ranks } = this.topicOrder();
      if (order.length > knownTopics.length * 8) knownTopics.sort((a, b) => ranks[a] - ranks[b]);
      else {
        knownTopics.length = 0;
        for (const topic of order) if (known[topic].length > 0) knownTopics.push(topic);
      }
    }
    const stances: Uint8Array[] = [];
    for (const topic of knownTopics) {
      const inForce = latestInForce(known[topic], atMs, this.reader);
      if (inForce !== null) stances.push(this.render(inForce));
      known[topic].length = 0;
    }
    knownTopics.length = 0;
    return stances;
  }

  /**
   * Gives back the room kept for growth (after loading the log, say), and puts each actor's rows next to each other,
   * in their order, so that an answer reads one run of memory; later versions grow the arrays again.
   */
  compact(): void {
    const { rows, positions, timeSlabs, intSlabs, slabRows, slabShift, slabMask } = this;
    const actors = this.actors.size;
    const moved = new Uint32Array(rows);
    const compactTimes: Float64Array<ArrayBuffer>[] = [];
    const compactInts: Uint32Array<ArrayBuffer>[] = [];
    for (let first = 0; first < rows; first += slabRows) {
      compactTimes.push(new Float64Array(Math.min(slabRows, rows - first) * TIMES));
      compactInts.push(new Uint32Array(Math.min(slabRows, rows - first) * INTS));
    }
    const lastRows = new Uint32Array(actors);
    let end = 0;
    for (let actor = 0; actor < actors; actor++) {
      const first = end;
      for (let next = this.lastRows[actor]; next !== 0; end++) {
        const from = next - 1;
        next = intSlabs[from >>> slabShift][(from & slabMask) * INTS + PREVIOUS];
      }
      // An actor with no row (only events on positions never stated) keeps none: `end` is the previous actor's.
      lastRows[actor] = end === first ? 0 : end;
      let to = end;
      for (let next = this.lastRows[actor]; next !== 0;) {
        const from = next - 1;
        to -= 1;
        moved[from] = to;
        const fromTimes = timeSlabs[from >>> slabShift];
        const fromInts = intSlabs[from >>> slabShift];
        const toTimes = compactTimes[to >>> slabShift];
        const toInts = compactInts[to >>> slabShift];
        const fromAt = (from & slabMask) * TIMES;
        const toAt = (to & slabMask) * TIMES;
        for (let field = 0; field < TIMES; field++) toTimes[toAt + field] = fromTimes[fromAt + field];
        const fromFields = (from & slabMask) * INTS;
        const toFields = (to & slabMask) * INTS;
        for (let field = 0; field < INTS; field++) toInts[toFields + field] = fromInts[fromFields + field];
        next = fromInts[fromFields + PREVIOUS];
        toInts[toFields + PREVIOUS] = to === first ? 0 : to;
      }
    }
    for (let fields = 0; fields < this.positionCount * POSITION_FIELDS; fields += POSITION_FIELDS) {
      positions[fields + LATEST] = moved[positions[fields + LATEST]];
      positions[fields + STATED_ROW] = moved[positions[fields + STATED_ROW]];
    }
    this.timeSlabs = compactTimes;
    this.intSlabs = compactInts;
    this.lastRows = lastRows;
    this.positions = positions.slice(0, this.positionCount * POSITION_FIELDS);
    this.arena.compact();
  }

  /**
   * The index as bytes, to be loaded by fromImage instead of the log up to where it has applied it: a header (JSON,
   * after its length) and then each array's bytes as they are in memory, each section starting at a multiple of 8.
   * Each slab and arena chunk is cut at its last row or byte.
   */
  image(): Uint8Array<ArrayBuffer> {
    const { rows, slabRows } = this;
    const rowsOf = (slab: number) => Math.min(slabRows, rows - slab * slabRows);
    const sections: ArrayBufferView[] = [
      this.lastRows.subarray(0, this.actors.size),
      this.positions.subarray(0, this.positionCount * POSITION_FIELDS),
      this.slots,
      ...this.timeSlabs.map((slab, at) => slab.subarray(0, rowsOf(at) * TIMES)),
      ...this.intSlabs.map((slab, at) => slab.subarray(0, rowsOf(at) * INTS)),
      ...this.arena.usedChunks(),
    ];
    const header = encoder.encode(
      JSON.stringify({
        format: IMAGE_FORMAT,
        slabRows,
        rows,
        positionCount: this.positionCount,
        actors: [...this.actors.keys()],
        topics: this.topicIds,
        sections: sections.map((section) => section.byteLength),
      } satisfies ImageHeader),
    );
    let length = aligned(4 + header.length);
    for (const section of sections) length = aligned(length + section.byteLength);
    const image = new Uint8Array(length);
    new DataView(image.buffer).setUint32(0, header.length, true);
    image.set(header, 4);
    let at = aligned(4 + header.length);
    for (const section of sections) {
      image.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
      at = aligned(at + section.byteLength);
    }
    return image;
  }

  /**
   * The index an image holds. Its arrays are views of the image's memory (copied first only when the image does not
   * start at a multiple of 8 in its buffer): the image must not be used after. Throws on an image that is not one.
   */
  static fromImage(image: Uint8Array): StanceIndex {
    const bytes = image.byteOffset % 8 === 0 ? image : image.slice();
    const invalid = (why: string) => new Error(`stance index image: ${why}`);
    if (bytes.byteLength < 4) throw invalid('too short');
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
    if (4 + headerLength > bytes.byteLength) throw invalid('too short');
    const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))) as ImageHeader;
    if (header.format !== IMAGE_FORMAT) throw invalid(`format ${String(header.format)}`);
    const { slabRows, rows, positionCount, actors, topics, sections } = header;
    const slabs = Math.ceil(rows / slabRows);
    if (!Array.isArray(sections) || sections.length < 3 + 2 * slabs) throw invalid('sections');
    const index = new StanceIndex({ slabRows });
    let at = aligned(4 + headerLength);
    let section = 0;
    const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, size: number): T => {
      const byteLength = sections[section++];
      if (at + byteLength > bytes.byteLength || byteLength % size !== 0) throw invalid('too short');
      const array = make(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, byteLength / size);
      at = aligned(at + byteLength);
      return array;
    };
    const uint32 = (buffer: ArrayBuffer, offset: number, length: number) =>
      new Uint32Array(buffer, offset, length);
    const float64 = (buffer: ArrayBuffer, offset: number, length: number) =>
      new Float64Array(buffer, offset, length);
    const uint8 = (buffer: ArrayBuffer, offset: number, length: number) =>
      new Uint8Array(buffer, offset, length);
    actors.forEach((actorId, actor) => index.actors.set(actorId, actor));
    for (const topicId of topics) index.topicOf(topicId);
    index.lastRows = take(uint32, 4);
    index.positions = take(uint32, 4);
    index.slots = take(uint32, 4);
    for (let slab = 0; slab < slabs; slab++) index.timeSlabs.push(take(float64, 8));
    for (let slab = 0; slab < slabs; slab++) index.intSlabs.push(take(uint32, 4));
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    while (section < sections.length) chunks.push(take(uint8, 1));
    index.arena.adopt(chunks);
    index.rows = rows;
    index.positionCount = positionCount;
    if (index.lastRows.length !== actors.length || index.positions.length !== positionCount * POSITION_FIELDS)
      throw invalid('sections');
    return index;
  }

  /** The stance a row shows, as UTF-8 JSON in the order of the stance routes' fields (stanceJson's). */
  private render(row: number): Uint8Array {
    const times = this.timeSlabs[row >>> this.slabShift];
    const ints = this.intSlabs[row >>> this.slabShift];
    const at = (row & this.slabMask) * TIMES;
    const fields = (row & this.slabMask) * INTS;
    const flags = ints[fields + FLAGS];
    const text = this.arena.bytes(ints, fields + WORDS);
    const wordsStart = ints[fields + WORDS + 1];
    const end = wordsStart + ints[fields + WORDS + 2];
    const confidence = JSON.stringify(times[at + CONFIDENCE]);
    const topic = this.topicBytes[flags >>> TOPIC_SHIFT];
    // Every constant part, the words (a compact source puts back its keys: at most 70 bytes for its 6 separators), two
    // times and the confidence.
    const most = 512 + topic.length + confidence.length + 13 * (end - wordsStart);
    if (most > this.out.length) this.out = new Uint8Array(most * 2);
    const { out } = this;
    let length = copy(out, 0, TOPIC_ID_BYTES, 0, TOPIC_ID_BYTES.length);
    length = copy(out, length, topic, 0, topic.length);
    let from = wordsStart;
    let to = fieldEnd(text, from, end);
    length = copy(out, length, text, from, to);
    const stance = STANCE_BYTES[(flags >> STANCE_SHIFT) & STANCE_MASK];
    length = copy(out, length, stance, 0, stance.length);
    from = to + 1;
    to = fieldEnd(text, from, end);
    length = copy(out, length, text, from, to);
    length = copy(out, length, SUMMARY_BYTES, 0, SUMMARY_BYTES.length);
    from = to + 1;
    to = fieldEnd(text, from, end);
    length = copy(out, length, text, from, to);
    length = copy(out, length, QUOTE_FIELD_BYTES, 0, QUOTE_FIELD_BYTES.length);
    from = to + 1;
    to = fieldEnd(text, from, end);
    length = copy(out, length, text, from, to);
    const evidence = EVIDENCE_BYTES[(flags >> EVIDENCE_SHIFT) & FIELD_MASK];
    length = copy(out, length, evidence, 0, evidence.length);
    from = to + 1;
    to = fieldEnd(text, from, end);
    length =
      from === to ? writeIsoJson(out, length, times[at + STATED_AT]) : copy(out, length, text, from, to);
    const precision = PRECISION_BYTES[(flags >> PRECISION_SHIFT) & FIELD_MASK];
    length = copy(out, length, precision, 0, precision.length);
    for (let char = 0; char < confidence.length; char++) out[length++] = confidence.charCodeAt(char);
    length = copy(out, length, SOURCES_BYTES, 0, SOURCES_BYTES.length);
    const recordedFrom = to + 1;
    const recordedTo = fieldEnd(text, recordedFrom, end);
    from = recordedTo + 1;
    if (from >= end) length = copy(out, length, EMPTY_SOURCES_BYTES, 0, EMPTY_SOURCES_BYTES.length);
    else if (text[from] === SOURCES_JSON_BYTE)
      length = copy(out, length, text, from + 1, fieldEnd(text, from, end));
    else {
      out[length++] = 91; // [
      for (let source = 0; from < end; source++) {
        if (source > 0) out[length++] = COMMA_BYTE;
        to = fieldEnd(text, from, end);
        if (text[from] !== SOURCE_VALUES_BYTE) length = copy(out, length, text, from, to);
        else {
          from += 1;
          for (let key = 0; key < SOURCE_PREFIXES.length; key++) {
            const prefix = SOURCE_PREFIXES[key];
            length = copy(out, length, prefix, 0, prefix.length);
            let value = from;
            while (value < to && text[value] !== SOURCE_VALUES_BYTE) value++;
            length = copy(out, length, text, from, value);
            from = value + 1;
          }
          out[length++] = 125; // }
        }
        from = to + 1;
      }
      out[length++] = 93; // ]
    }
    length = copy(out, length, RECORDED_AT_BYTES, 0, RECORDED_AT_BYTES.length);
    if (recordedFrom === recordedTo) {
      const statedRow = this.positions[ints[fields + POSITION] * POSITION_FIELDS + STATED_ROW];
      const recordedMs =
        this.timeSlabs[statedRow >>> this.slabShift][(statedRow & this.slabMask) * TIMES + RECORDED_FROM];
      length = writeIsoJson(out, length, recordedMs);
    } else length = copy(out, length, text, recordedFrom, recordedTo);
    out[length++] = 125; // }
    return out.slice(0, length);
  }

  /** The row's flags with the changes' stance, evidence type, precision and topic; throws on one it does not know. */
  private correctedFlags(row: number, changes: Partial<Omit<StanceFields, 'score'>>): number {
    let flags = this.intSlabs[row >>> this.slabShift][(row & this.slabMask) * INTS + FLAGS];
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
    if (changes.topicId !== undefined)
      flags = (flags & ((1 << TOPIC_SHIFT) - 1)) | (this.topicOf(changes.topicId) << TOPIC_SHIFT);
    return flags;
  }

  private correct(row: number, changes: Partial<Omit<StanceFields, 'score'>>, flags: number): void {
    const times = this.timeSlabs[row >>> this.slabShift];
    const ints = this.intSlabs[row >>> this.slabShift];
    const at = (row & this.slabMask) * TIMES;
    const fields = (row & this.slabMask) * INTS;
    ints[fields + FLAGS] = flags;
    if (changes.confidence !== undefined) times[at + CONFIDENCE] = changes.confidence;
    const { conditions, summary, quote, statedAt } = changes;
    const statedIso = statedAt === undefined ? Number.NaN : isoTimeMs(statedAt);
    if (statedAt !== undefined) times[at + STATED_AT] = timeOf(statedAt, statedIso);
    if (conditions === undefined && summary === undefined && quote === undefined && statedAt === undefined)
      return;
    const words = this.arena.text(ints, fields + WORDS).split(SEPARATOR);
    if (conditions !== undefined) words[CONDITIONS] = JSON.stringify(conditions);
    if (summary !== undefined) words[SUMMARY] = JSON.stringify(summary);
    if (quote !== undefined) words[QUOTE] = JSON.stringify(quote);
    if (statedAt !== undefined) words[STATED_AT_WORDS] = timeWords(statedAt, statedIso);
    this.arena.put(words.join(SEPARATOR), ints, fields + WORDS);
  }

  /**
   * The slot of the actor's position with this id: the one that holds its number, or the empty one where it would
   * go.
   */
  private slotOf(actor: number, hash: number, positionIdJson: string): number {
    const { slots, positions } = this;
    const mask = slots.length - 1;
    let idLength = -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const position = slots[slot] - 1;
      if (position === -1) return slot;
      const fields = position * POSITION_FIELDS;
      if (positions[fields + HASH] !== hash || positions[fields + ACTOR] !== actor) continue;
      if (idLength === -1) idLength = this.encodeId(positionIdJson);
      const latest = positions[fields + LATEST];
      const ints = this.intSlabs[latest >>> this.slabShift];
      if (this.arena.startsWith(ints, (latest & this.slabMask) * INTS + WORDS, this.idBytes, idLength))
        return slot;
    }
  }

  /** The id's JSON and a separator as UTF-8 in `idBytes`; their length. */
  private encodeId(positionIdJson: string): number {
    const text = positionIdJson + SEPARATOR;
    if (text.length * 3 > this.idBytes.length) this.idBytes = new Uint8Array(text.length * 3);
    return encoder.encodeInto(text, this.idBytes).written;
  }

  /** A new position number in `slot` (empty, or holding the number of the position it follows). */
  private newPosition(actor: number, hash: number, slot: number, row: number): number {
    const position = this.positionCount;
    if ((position + 1) * POSITION_FIELDS > this.positions.length) {
      const positions = new Uint32Array(Math.max(1024, position * 2) * POSITION_FIELDS);
      positions.set(this.positions);
      this.positions = positions;
    }
    const fields = position * POSITION_FIELDS;
    this.positions[fields + HASH] = hash;
    this.positions[fields + ACTOR] = actor;
    this.positions[fields + LATEST] = row;
    this.positions[fields + STATED_ROW] = row;
    this.positionCount += 1;
    const empty = this.slots[slot] === 0;
    this.slots[slot] = position + 1;
    // At most half the slots taken: a probe for a new position reads about 2.5 slots.
    if (empty && this.positionCount * 2 > this.slots.length) this.growSlots();
    return position;
  }

  private growSlots(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (const taken of this.slots) {
      if (taken === 0) continue;
      let slot = this.positions[(taken - 1) * POSITION_FIELDS + HASH] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = taken;
    }
    this.slots = slots;
  }

  /**
   * A new row for the position's next version: a copy of its latest one (whose record-time validity ends now), or a
   * blank one for a new position.
   */
  private newRow(actor: number, latest: number | undefined, recordedMs: number): number {
    const row = this.rows;
    const slab = row >>> this.slabShift;
    const offset = row & this.slabMask;
    if (slab === this.timeSlabs.length) {
      const rows = slab === 0 ? Math.min(FIRST_ROWS, this.slabRows) : this.slabRows;
      this.timeSlabs.push(new Float64Array(rows * TIMES));
      this.intSlabs.push(new Uint32Array(rows * INTS));
    } else if (offset * TIMES === this.timeSlabs[slab].length) {
      const rows = Math.min(this.slabRows, Math.max(FIRST_ROWS, offset * 2));
      const times = new Float64Array(rows * TIMES);
      times.set(this.timeSlabs[slab]);
      this.timeSlabs[slab] = times;
      const ints = new Uint32Array(rows * INTS);
      ints.set(this.intSlabs[slab]);
      this.intSlabs[slab] = ints;
    }
    const times = this.timeSlabs[slab];
    const ints = this.intSlabs[slab];
    const at = offset * TIMES;
    const fields = offset * INTS;
    if (latest === undefined) {
      times[at + WITHDRAWN_AT] = Number.NaN;
    } else {
      const latestTimes = this.timeSlabs[latest >>> this.slabShift];
      const latestInts = this.intSlabs[latest >>> this.slabShift];
      const latestAt = (latest & this.slabMask) * TIMES;
      const latestFields = (latest & this.slabMask) * INTS;
      for (let field = 0; field < TIMES; field++) times[at + field] = latestTimes[latestAt + field];
      for (let field = 0; field < INTS; field++) ints[fields + field] = latestInts[latestFields + field];
      latestTimes[latestAt + RECORDED_TO] = recordedMs;
    }
    times[at + RECORDED_FROM] = recordedMs;
    times[at + RECORDED_TO] = Number.POSITIVE_INFINITY;
    ints[fields + PREVIOUS] = this.lastRows[actor];
    this.lastRows[actor] = row + 1;
    this.rows += 1;
    return row;
  }

  private actorOf(actorId: string): number {
    // A log mostly holds runs of one actor's events (its appends).
    if (actorId === this.lastActorId) return this.lastActor;
    let actor = this.actors.get(actorId);
    if (actor === undefined) {
      actor = this.actors.size;
      this.actors.set(actorId, actor);
      if (actor === this.lastRows.length) {
        const lastRows = new Uint32Array(Math.max(1024, actor * 2));
        lastRows.set(this.lastRows);
        this.lastRows = lastRows;
      }
    }
    this.lastActorId = actorId;
    this.lastActor = actor;
    return actor;
  }

  /** The topic's number. */
  private topicOf(topicId: string): number {
    let topic = this.topicNumbers.get(topicId);
    if (topic === undefined) {
      topic = this.topicIds.length;
      if (topic === MAX_TOPICS) throw new Error(`stance index: more than ${MAX_TOPICS} topics`);
      this.topicIds.push(topicId);
      this.topicBytes.push(bytes(`${JSON.stringify(topicId)},"positionId":`));
      this.topicNumbers.set(topicId, topic);
      this.known.push([]);
      this.topicRanks = null;
    }
    return topic;
  }

  /** The order answers list topics in: by id (localeCompare), then by number. */
  private topicOrder(): { order: Uint32Array; ranks: Uint32Array } {
    if (this.topicRanks === null) {
      const order = Uint32Array.from(this.topicIds.keys()).sort(
        (a, b) => this.topicIds[a].localeCompare(this.topicIds[b]) || a - b,
      );
      const ranks = new Uint32Array(order.length);
      order.forEach((topic, rank) => {
        ranks[topic] = rank;
      });
      this.topicRanks = { order, ranks };
    }
    return this.topicRanks;
  }
}

/** The sources array with one more source at its end. */
const appendSource = (sources: string, source: Source): string =>
  `${sources.slice(0, -1)}${sources.length > 2 ? ',' : ''}${JSON.stringify(source)}]`;
