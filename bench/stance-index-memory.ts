/*
 * The stance index alone, in process (`npm run bench:stance-index`): the bench's generated log (bench/generate.ts),
 * in the order the bench's writers append it (or in record order), kept as JSON pages of 5,000 events, then loaded
 * into a StanceIndex as the service loads its own (each page parsed, its position events applied, then compacted).
 * Prints the heap and array-buffer bytes the index holds after a full collection per million position events
 * (bench/run.ts's `stanceIndexMbPerMillionEvents`), and its load rate: the parse of the pages included (it stands for
 * the read of the log) and apply alone. Needs `--expose-gc`.
 *
 * STANCE_INDEX_EVENTS (default 200,000) and STANCE_INDEX_ACTORS (default 10,000: the bench's shape, about 20 position
 * events per actor; 500 gives about 400), STANCE_INDEX_ORDER (`appends`, the default, or `record`),
 * STANCE_INDEX_ROUNDS (default 3: fresh indexes loaded from the same pages; the best load rate and the last memory
 * figure are printed), STANCE_INDEX_QUERIES (default 20,000: random actors, `at` and `knownAt` asked of the last
 * index; their time, and a digest of every answer's bytes, which a change of the index's structure must leave as it
 * was).
 */
import { createHash } from 'node:crypto';
import { isPositionEvent, type PositionEvent } from '@domain/positions';
import { StanceIndex } from '../src/positions/stance-index/stance-index';
import { actorIdOf, generateActor, HISTORY_END, HISTORY_START, planFor, seededRandom } from './generate';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

const PAGE = 5_000;

type Stored = { type: string; data: object; revision: string };

const main = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const totalEvents = numberFromEnv('STANCE_INDEX_EVENTS', 200_000);
  const plan = planFor(totalEvents, numberFromEnv('STANCE_INDEX_ACTORS', 10_000), 40, 42);
  const rounds = numberFromEnv('STANCE_INDEX_ROUNDS', 3);

  // The log. As the bench's writers leave it: 8 writers, each appending one actor's stream at a time in appends of
  // 100 events, the appends of the 8 actors being written interleaved. In record order (STANCE_INDEX_ORDER=record):
  // every actor's events interleaved by their record times.
  const byRecordTime = process.env.STANCE_INDEX_ORDER === 'record';
  const all: { recordedAt: string; event: Stored }[] = [];
  const writers = 8;
  const append = 100;
  for (let first = 0; first < plan.actors; first += writers) {
    const streams = Array.from({ length: Math.min(writers, plan.actors - first) }, (_, writer) =>
      generateActor(plan, first + writer).events.map((event, revision) => ({
        recordedAt: (event.data as { recordedAt: string }).recordedAt,
        event: { type: event.type, data: event.data, revision: String(revision) },
      })),
    );
    for (let start = 0; streams.some((stream) => start < stream.length); start += append)
      for (const stream of streams) all.push(...stream.slice(start, start + append));
  }
  if (byRecordTime)
    all.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  const pages: string[] = [];
  for (let start = 0; start < all.length; start += PAGE)
    pages.push(JSON.stringify(all.slice(start, start + PAGE).map(({ event }) => event)));
  all.length = 0;

  const held = (): number => {
    gc();
    gc();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };

  let bestLoad = 0;
  let bestApply = 0;
  let mbPerMillion = 0;
  let positionEvents = 0;
  let index: StanceIndex | null = null;
  for (let round = 0; round < rounds; round++) {
    index = null;
    const before = held();
    const start = process.hrtime.bigint();
    let applyNs = 0n;
    index = new StanceIndex();
    positionEvents = 0;
    for (const page of pages) {
      const events = JSON.parse(page) as Stored[];
      const applyStart = process.hrtime.bigint();
      for (const event of events)
        if (isPositionEvent(event)) {
          index.apply(event as unknown as PositionEvent, event.revision);
          positionEvents += 1;
        }
      applyNs += process.hrtime.bigint() - applyStart;
    }
    index.compact();
    const loadNs = process.hrtime.bigint() - start;
    const bytes = held() - before;
    if (index.versions !== positionEvents)
      throw new Error(`stance index: ${index.versions} versions, ${positionEvents} events`);
    mbPerMillion = bytes / 1e6 / (positionEvents / 1e6);
    bestLoad = Math.max(bestLoad, positionEvents / (Number(loadNs) / 1e9));
    bestApply = Math.max(bestApply, positionEvents / (Number(applyNs) / 1e9));
    console.log(
      `round ${round + 1}: ${mbPerMillion.toFixed(1)} MB per million position events, ` +
        `load ${Math.round(positionEvents / (Number(loadNs) / 1e9)).toLocaleString('en')} events/s ` +
        `(apply alone ${Math.round(positionEvents / (Number(applyNs) / 1e9)).toLocaleString('en')})`,
    );
  }
  console.log(
    `${byRecordTime ? 'record order' : 'appends order'}, ${plan.actors.toLocaleString('en')} actors, ` +
      `${positionEvents.toLocaleString('en')} position events ` +
      `(${(positionEvents / plan.actors).toFixed(1)} per actor): ${Math.round(mbPerMillion)} MB per million ` +
      `position events (target <= 300), load ${Math.round(bestLoad).toLocaleString('en')} events/s with the parse ` +
      `(target >= 100,000), ${Math.round(bestApply).toLocaleString('en')} apply alone; ` +
      `words ${((index?.jsonBytes ?? 0) / 1e6).toFixed(1)} MB in the arena`,
  );
  if (!index) return;
  const random = seededRandom(7);
  const queries = numberFromEnv('STANCE_INDEX_QUERIES', 20_000);
  const span = HISTORY_END - HISTORY_START;
  const asked = Array.from({ length: queries }, () => {
    const knownAt = HISTORY_START + Math.floor(random() * span);
    return {
      actorId: actorIdOf(Math.floor(random() * plan.actors)),
      asOf: { at: new Date(knownAt - Math.floor(random() * span * 0.2)), knownAt: new Date(knownAt) },
    };
  });
  const digest = createHash('sha256');
  let stances = 0;
  const start = process.hrtime.bigint();
  for (const { actorId, asOf } of asked)
    for (const json of index.renderedStancesOf(actorId, asOf)) {
      digest.update(json);
      stances += 1;
    }
  const queryMs = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    `${queries.toLocaleString('en')} queries: ${((queryMs * 1000) / queries).toFixed(1)} µs each, ` +
      `${stances.toLocaleString('en')} stances, answers' sha256 ${digest.digest('hex').slice(0, 16)}`,
  );
};

main();
