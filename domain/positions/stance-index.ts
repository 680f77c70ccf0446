import type { PositionEvent } from './position.events';
import {
  type AsOf,
  evolveStanceTimeline,
  type InForceReader,
  latestInForce,
  type StanceInForce,
  stanceJson,
  stanceOfVersion,
  type TimelineVersion,
} from './stance-timeline.projection';

type StanceFields = Omit<StanceInForce, 'actorId'>;

/** Each version is a row of FIELDS numbers, an actor's rows side by side: one answer reads one stretch of memory. */
const STATED_AT = 0;
/** NaN: not withdrawn. */
const WITHDRAWN_AT = 1;
const SEQ = 2;
/** 1: retracted. */
const RETRACTED = 3;
const RECORDED_FROM = 4;
/** Infinity: still the position's latest version. */
const RECORDED_TO = 5;
const JSON_CHUNK = 6;
const JSON_START = 7;
const JSON_LENGTH = 8;
/** The topic's number in the index (StanceIndex.topicIds). */
const TOPIC = 9;
const FIELDS = 10;

type ActorTimeline = {
  rows: Float64Array<ArrayBuffer>;
  size: number;
  /** The actor's topics (their numbers), in the order answers list them (stanceAsOf's). */
  topics: number[];
  /** Each position's latest version: the one the next event evolves. */
  latest: Map<string, number>;
};

const jsonOf = (version: TimelineVersion): string => stanceJson(stanceOfVersion(version));

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
 * Versions are rows of numbers, with the stance each shows (without actorId) as JSON bytes outside the heap, so that
 * a million versions give the garbage collector nothing to trace.
 */
export class StanceIndex {
  private readonly actors = new Map<string, ActorTimeline>();
  private readonly topicIds: string[] = [];
  private readonly topicNumbers = new Map<string, number>();
  private versionCount = 0;
  private readonly arena = new JsonArena();
  /** Per topic number, the rows of the answer being made that are known at its knownAt (one answer at a time). */
  private readonly known: number[][] = [];
  /** The rows the rule reads: the actor being answered. */
  private reading = new Float64Array(0);

  private readonly reader: InForceReader<number> = {
    statedAt: (row) => this.reading[row * FIELDS + STATED_AT],
    withdrawnAt: (row) => {
      const at = this.reading[row * FIELDS + WITHDRAWN_AT];
      return Number.isNaN(at) ? null : at;
    },
    seq: (row) => this.reading[row * FIELDS + SEQ],
    retracted: (row) => this.reading[row * FIELDS + RETRACTED] === 1,
  };

  /** Versions held, for sizing: about one per position event. */
  get versions(): number {
    return this.versionCount;
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
      latest === undefined ? null : this.versionAt(actor, event.data.actorId, latest),
      event,
      revision,
    );
    if (!version) return;
    const recordedMs = Date.parse(event.data.recordedAt);
    if (latest !== undefined) actor.rows[latest * FIELDS + RECORDED_TO] = recordedMs;
    this.append(actor, version, recordedMs);
    actor.latest.set(event.data.positionId, actor.size - 1);
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
    const only = topicId === undefined ? undefined : this.topicNumbers.get(topicId);
    if (topicId !== undefined && only === undefined) return [];
    const atMs = at.getTime();
    const knownMs = knownAt.getTime();
    const { rows } = actor;
    for (let row = 0; row < actor.size; row++) {
      const fields = row * FIELDS;
      if (rows[fields + RECORDED_FROM] > knownMs || knownMs >= rows[fields + RECORDED_TO]) continue;
      const topic = rows[fields + TOPIC];
      if (only === undefined || topic === only) this.known[topic].push(row);
    }
    this.reading = rows;
    const stances: Uint8Array[] = [];
    for (const topic of only === undefined ? actor.topics : [only]) {
      const known = this.known[topic];
      if (known.length === 0) continue;
      const inForce = latestInForce(known, atMs, this.reader);
      if (inForce !== null) stances.push(this.jsonAt(actor, inForce));
      known.length = 0;
    }
    return stances;
  }

  private append(actor: ActorTimeline, version: TimelineVersion, recordedMs: number): void {
    const row = actor.size;
    if ((row + 1) * FIELDS > actor.rows.length) {
      const rows = new Float64Array(new ArrayBuffer(Math.max(8, row * 2) * FIELDS * 8));
      rows.set(actor.rows);
      actor.rows = rows;
    }
    const at = row * FIELDS;
    const { rows } = actor;
    rows[at + STATED_AT] = Date.parse(version.statedAt);
    rows[at + WITHDRAWN_AT] = version.withdrawnAt === null ? Number.NaN : Date.parse(version.withdrawnAt);
    rows[at + SEQ] = Number(version.statedRevision);
    rows[at + RETRACTED] = version.retracted ? 1 : 0;
    rows[at + RECORDED_FROM] = recordedMs;
    rows[at + RECORDED_TO] = Number.POSITIVE_INFINITY;
    [rows[at + JSON_CHUNK], rows[at + JSON_START], rows[at + JSON_LENGTH]] = this.arena.put(jsonOf(version));
    rows[at + TOPIC] = this.topicOf(actor, version.topicId);
    actor.size += 1;
    this.versionCount += 1;
  }

  /** The version a row was made from, as far as evolveStanceTimeline reads it (it sets change, reason and recordedFrom anew). */
  private versionAt(actor: ActorTimeline, actorId: string, row: number): TimelineVersion {
    const { recordedAt, ...fields } = JSON.parse(decoder.decode(this.jsonAt(actor, row))) as StanceFields;
    const at = row * FIELDS;
    const withdrawnAt = actor.rows[at + WITHDRAWN_AT];
    return {
      actorId,
      ...fields,
      withdrawnAt: Number.isNaN(withdrawnAt) ? null : new Date(withdrawnAt).toISOString(),
      retracted: actor.rows[at + RETRACTED] === 1,
      change: 'stated',
      reason: null,
      statedRevision: String(actor.rows[at + SEQ]),
      firstRecordedAt: recordedAt,
      recordedFrom: new Date(actor.rows[at + RECORDED_FROM]).toISOString(),
    };
  }

  private jsonAt(actor: ActorTimeline, row: number): Uint8Array {
    const at = row * FIELDS;
    return this.arena.bytes(
      actor.rows[at + JSON_CHUNK],
      actor.rows[at + JSON_START],
      actor.rows[at + JSON_LENGTH],
    );
  }

  private timelineOf(actorId: string): ActorTimeline {
    let actor = this.actors.get(actorId);
    if (!actor)
      this.actors.set(
        actorId,
        (actor = {
          rows: new Float64Array(new ArrayBuffer(8 * FIELDS * 8)),
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
