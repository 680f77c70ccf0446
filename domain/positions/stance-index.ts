import type { PositionEvent } from './position.events';
import {
  type AsOf,
  evolveStanceTimeline,
  type InForceReader,
  latestInForce,
  type StanceInForce,
  type TimelineVersion,
} from './stance-timeline.projection';

type StanceFields = Omit<StanceInForce, 'actorId'>;

/** The versions of one actor's positions on one topic, as numbers into the index's columns. */
type ActorTimeline = {
  byTopic: Map<string, number[]>;
  /** The actor's topics in the order answers list them (stanceAsOf's). */
  topics: string[];
  /** Each position's latest version: the one the next event evolves. */
  latest: Map<string, number>;
};

const jsonOf = (version: TimelineVersion): string => {
  const fields: StanceFields = {
    topicId: version.topicId,
    positionId: version.positionId,
    stance: version.stance,
    score: version.score,
    conditions: version.conditions,
    summary: version.summary,
    quote: version.quote,
    evidenceType: version.evidenceType,
    statedAt: version.statedAt,
    statedAtPrecision: version.statedAtPrecision,
    confidence: version.confidence,
    sources: version.sources,
    recordedAt: version.firstRecordedAt,
  };
  return JSON.stringify(fields);
};

const insertSorted = (topics: string[], topicId: string): void => {
  let low = 0;
  let high = topics.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (topics[middle].localeCompare(topicId) < 0) low = middle + 1;
    else high = middle;
  }
  topics.splice(low, 0, topicId);
};

const grown = (column: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> => {
  const next = new Float64Array(new ArrayBuffer(size * 8));
  next.set(column);
  return next;
};

const CHUNK_BYTES = 4 * 1024 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The versions' JSON, as UTF-8 bytes in large chunks. A million strings in the heap would make every young-generation
 * collection slower (V8's scavenges grow with the old generation's bytes); bytes outside it cost it nothing.
 */
class JsonArena {
  private readonly chunks: Uint8Array[] = [];
  private current = new Uint8Array(0);
  private used = 0;

  /** Stores the text; returns where: [chunk, start, length]. */
  put(json: string): [number, number, number] {
    const fits = encoder.encodeInto(json, this.current.subarray(this.used));
    let { written } = fits;
    if (fits.read < json.length) {
      this.current = new Uint8Array(Math.max(CHUNK_BYTES, json.length * 3));
      this.chunks.push(this.current);
      this.used = 0;
      ({ written } = encoder.encodeInto(json, this.current));
    }
    const start = this.used;
    this.used += written;
    return [this.chunks.length - 1, start, written];
  }

  bytes(chunk: number, start: number, length: number): Uint8Array {
    return this.chunks[chunk].subarray(start, start + length);
  }

  get size(): number {
    return this.chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  }
}

/**
 * Every actor's stance timeline in memory: the versions evolveStanceTimeline folds, each valid in record time until
 * the next event on its position, chosen with the one rule of the position in force. Fed every event in record
 * order, it answers exactly what stanceAsOf answers over the actor's events.
 *
 * Versions are rows of typed-array columns, with the stance each shows (without actorId) as JSON bytes outside the
 * heap, so that a million versions give the garbage collector nothing to trace.
 */
export class StanceIndex {
  private readonly actors = new Map<string, ActorTimeline>();
  private readonly topicIds = new Map<string, string>();
  private size = 0;
  private statedAt = new Float64Array(1024);
  /** NaN: not withdrawn. */
  private withdrawnAt = new Float64Array(1024);
  private seq = new Float64Array(1024);
  /** 1: retracted. */
  private retracted = new Float64Array(1024);
  private recordedFrom = new Float64Array(1024);
  /** Infinity: still the position's latest version. */
  private recordedTo = new Float64Array(1024);
  private jsonChunk = new Float64Array(1024);
  private jsonStart = new Float64Array(1024);
  private jsonLength = new Float64Array(1024);
  private readonly arena = new JsonArena();

  private readonly reader: InForceReader<number> = {
    statedAt: (row) => this.statedAt[row],
    withdrawnAt: (row) => (Number.isNaN(this.withdrawnAt[row]) ? null : this.withdrawnAt[row]),
    seq: (row) => this.seq[row],
    retracted: (row) => this.retracted[row] === 1,
  };

  /** Versions held, for sizing: about one per position event. */
  get versions(): number {
    return this.size;
  }

  get actorCount(): number {
    return this.actors.size;
  }

  /** Bytes held outside the heap for the versions' JSON. */
  get jsonBytes(): number {
    return this.arena.size;
  }

  /** `revision` is the event's revision in the actor's stream (the record order that breaks statedAt ties). */
  apply(event: PositionEvent, revision: string): void {
    const actor = this.timelineOf(event.data.actorId);
    const latest = actor.latest.get(event.data.positionId);
    const version = evolveStanceTimeline(
      latest === undefined ? null : this.versionAt(event.data.actorId, latest),
      event,
      revision,
    );
    if (!version) return;
    const recordedMs = Date.parse(event.data.recordedAt);
    if (latest !== undefined) this.recordedTo[latest] = recordedMs;
    const row = this.append(version, recordedMs);
    const topicId = this.topicIdOf(version.topicId);
    let rows = actor.byTopic.get(topicId);
    if (!rows) {
      actor.byTopic.set(topicId, (rows = []));
      insertSorted(actor.topics, topicId);
    }
    rows.push(row);
    actor.latest.set(event.data.positionId, row);
  }

  /** The actor's stances in force at `at` as known at `knownAt`, by topic (one topic when `topicId` is given). */
  stancesOf(actorId: string, asOf: AsOf, topicId?: string): StanceInForce[] {
    return this.renderedStancesOf(actorId, asOf, topicId).map((json) => ({
      actorId,
      ...(JSON.parse(decoder.decode(json)) as StanceFields),
    }));
  }

  /** The same stances as UTF-8 JSON objects without actorId, ready to be written out (views: copy to keep). */
  renderedStancesOf(actorId: string, { at, knownAt }: AsOf, topicId?: string): Uint8Array[] {
    const actor = this.actors.get(actorId);
    if (!actor) return [];
    const atMs = at.getTime();
    const knownMs = knownAt.getTime();
    const stances: Uint8Array[] = [];
    const known: number[] = [];
    for (const topic of topicId === undefined ? actor.topics : [topicId]) {
      known.length = 0;
      for (const row of actor.byTopic.get(topic) ?? [])
        if (this.recordedFrom[row] <= knownMs && knownMs < this.recordedTo[row]) known.push(row);
      const inForce = latestInForce(known, atMs, this.reader);
      if (inForce !== null) stances.push(this.jsonAt(inForce));
    }
    return stances;
  }

  private append(version: TimelineVersion, recordedMs: number): number {
    const row = this.size;
    if (row === this.statedAt.length) {
      const capacity = row * 2;
      this.statedAt = grown(this.statedAt, capacity);
      this.withdrawnAt = grown(this.withdrawnAt, capacity);
      this.seq = grown(this.seq, capacity);
      this.retracted = grown(this.retracted, capacity);
      this.recordedFrom = grown(this.recordedFrom, capacity);
      this.recordedTo = grown(this.recordedTo, capacity);
      this.jsonChunk = grown(this.jsonChunk, capacity);
      this.jsonStart = grown(this.jsonStart, capacity);
      this.jsonLength = grown(this.jsonLength, capacity);
    }
    this.statedAt[row] = Date.parse(version.statedAt);
    this.withdrawnAt[row] = version.withdrawnAt === null ? Number.NaN : Date.parse(version.withdrawnAt);
    this.seq[row] = Number(version.statedRevision);
    this.retracted[row] = version.retracted ? 1 : 0;
    this.recordedFrom[row] = recordedMs;
    this.recordedTo[row] = Number.POSITIVE_INFINITY;
    [this.jsonChunk[row], this.jsonStart[row], this.jsonLength[row]] = this.arena.put(jsonOf(version));
    this.size += 1;
    return row;
  }

  /** The version a row was made from, as far as evolveStanceTimeline reads it (it sets change, reason and recordedFrom anew). */
  private versionAt(actorId: string, row: number): TimelineVersion {
    const { recordedAt, ...fields } = JSON.parse(decoder.decode(this.jsonAt(row))) as StanceFields;
    const withdrawnAt = this.reader.withdrawnAt(row);
    return {
      actorId,
      ...fields,
      withdrawnAt: withdrawnAt === null ? null : new Date(withdrawnAt).toISOString(),
      retracted: this.reader.retracted(row),
      change: 'stated',
      reason: null,
      statedRevision: String(this.seq[row]),
      firstRecordedAt: recordedAt,
      recordedFrom: new Date(this.recordedFrom[row]).toISOString(),
    };
  }

  private jsonAt(row: number): Uint8Array {
    return this.arena.bytes(this.jsonChunk[row], this.jsonStart[row], this.jsonLength[row]);
  }

  private timelineOf(actorId: string): ActorTimeline {
    let actor = this.actors.get(actorId);
    if (!actor) this.actors.set(actorId, (actor = { byTopic: new Map(), topics: [], latest: new Map() }));
    return actor;
  }

  private topicIdOf(topicId: string): string {
    const known = this.topicIds.get(topicId);
    if (known !== undefined) return known;
    this.topicIds.set(topicId, topicId);
    return topicId;
  }
}
