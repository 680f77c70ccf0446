import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { LoadRequest, LoadResult } from './http-load';
import { freePort, ROOT, START_ARGS, startCommand } from './service';
import type { SseClientsOpened, SseClientsReport } from './sse-clients';
import { percentile, quietMachine, round } from './stats';

/**
 * Readers and writers: the latency of writes, paced, while 50 readers load the stance routes and 500 Server-Sent
 * Events streams are open, against the same writes with no streams and alone. The service runs as `npm start`
 * runs it, on the PostgreSQL server; readers, streams and the writer each in a process of their own.
 */
const env = process.env;
const int = (name: string, fallback: number): number => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = int('BENCH_READERS_SECONDS', 20);
const WRITE_RATE = int('BENCH_READERS_WRITE_RATE', 20);
const STREAMS = int('BENCH_READERS_STREAMS', 500);
const READERS = int('BENCH_READERS_CONNECTIONS', 50);
const READ_ROUTES = env.BENCH_READERS_ROUTES === 'index' ? 'index' : 'all';
const ADMIN = `bench-${randomBytes(12).toString('hex')}`;
const RESULTS = join(__dirname, 'results', 'postgres.json');

const ACTORS = (JSON.parse(readFileSync(join(ROOT, 'seeds', 'actors.json'), 'utf8')) as { id: string }[]).map(
  (actor) => actor.id,
);
const TOPICS = (JSON.parse(readFileSync(join(ROOT, 'seeds', 'topics.json'), 'utf8')) as { id: string }[]).map(
  (topic) => topic.id,
);
const STANCES = ['support', 'oppose', 'hedged'] as const;

const tsNode = { execArgv: ['-r', require.resolve('ts-node/register/transpile-only')] };

const startService = async (schema: string): Promise<{ url: string; child: ChildProcess }> => {
  const port = await freePort();
  const child = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: {
      ...env,
      EVENT_STORE: 'postgres',
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      ADMIN_API_KEY: ADMIN,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'true',
      SSE_MAX_STREAMS: String(STREAMS + 100),
      SSE_MAX_STREAMS_PER_CLIENT: String(STREAMS + 100),
      HTTP_MAX_CONNECTIONS_PER_CLIENT: String(STREAMS + READERS + 200),
    },
    // Its start-up log says nothing here; warnings and errors go to stderr.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Whatever ends this process ends the service too.
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the service was not ready in 180 s');
    const health = (await fetch(`${url}/health/ready`).then(
      (response) => response.json(),
      () => null,
    )) as {
      status?: string;
      inMemory?: { state: string }[];
      projections?: { eventsProcessed: number }[];
    } | null;
    const seeded = (health?.projections ?? []).every((projection) => projection.eventsProcessed > 0);
    if (health?.status === 'ok' && seeded && health.inMemory?.every((model) => model.state !== 'loading'))
      return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/** Writes at WRITE_RATE a second for SECONDS, each sent at its time whatever the ones before are doing. */
const pacedWrites = async (url: string, phase: number): Promise<{ latencies: number[]; failed: number }> => {
  const latencies: number[] = [];
  let failed = 0;
  const total = WRITE_RATE * SECONDS;
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / WRITE_RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const actorId = ACTORS[(index * 7 + phase) % ACTORS.length];
    const body = {
      topicId: TOPICS[(index * 3 + phase) % TOPICS.length],
      stance: STANCES[index % STANCES.length],
      summary: `bench statement ${phase}.${index}`,
      quote: 'We have said what we think.',
      evidenceType: 'direct-quote',
      statedAt: new Date(Date.UTC(2025, 2, 1 + (index % 200))).toISOString().slice(0, 10),
      confidence: 0.9,
      sources: [
        {
          outlet: 'Bench',
          articleId: `bench-${phase}-${index}`,
          publishedOn: '2025-09-30',
          text: 'We have said what we think.',
          span: { start: 0, end: 27 },
        },
      ],
    };
    const sent = performance.now();
    inFlight.push(
      fetch(`${url}/v1/actors/${actorId}/positions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.status === 201) latencies.push(performance.now() - sent);
          else failed += 1;
        },
        () => void (failed += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failed };
};

const startReaders = (url: string): { done: Promise<LoadResult>; stop: () => void } => {
  const child = fork(join(__dirname, 'http-load.ts'), [], {
    ...tsNode,
    env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  // all: an actor's stances (the in-memory index) and a topic's (SQL); index: the actors' alone, no database.
  const paths = [
    ...ACTORS.map((actor) => `/v1/actors/${actor}/stances`),
    ...(READ_ROUTES === 'all' ? TOPICS.map((topic) => `/v1/topics/${topic}/stances`) : []),
  ];
  const done = new Promise<LoadResult>((resolve, reject) => {
    child.once('message', (message: LoadResult | { error: string }) =>
      'error' in message ? reject(new Error(message.error)) : resolve(message),
    );
    child.once('exit', (code) => code !== 0 && reject(new Error(`the readers exited with ${code}`)));
  });
  // Longer than the phase: the writer's phase is what is timed; the readers are stopped when it ends.
  const request: LoadRequest = {
    url,
    paths,
    connections: READERS,
    durationSeconds: SECONDS + 60,
    warmUpSeconds: 0,
  };
  child.send(request);
  return { done, stop: () => child.kill('SIGTERM') };
};

type SseClients = { ask: <T>(message: object) => Promise<T>; child: ChildProcess };

const startStreams = async (url: string): Promise<SseClients & { opened: SseClientsOpened }> => {
  const child = fork(join(__dirname, 'sse-clients.ts'), [], {
    ...tsNode,
    env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message, (error) => error && reject(error));
    });
  const opened = await ask<SseClientsOpened>({ url, count: STREAMS });
  return { ask, child, opened };
};

/** CPU time (user + system, ms) the service process has used so far, from /proc (Linux); null elsewhere. */
const cpuMsOf = (pid: number | undefined): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
};

type Phase = {
  name: string;
  writeP50Ms: number;
  writeP99Ms: number;
  writeMaxMs: number;
  writes: number;
  failedWrites: number;
  readsPerSec?: number;
  readP99Ms?: number;
  readNon2xx?: number;
  streams?: SseClientsReport;
  /** The service's CPU over the writes' phase, 100 = one core: what the phase costs it, whatever else runs. */
  serviceCpuPercent: number | null;
  loadAvgAtStart: number;
};

const measure = async (
  name: string,
  url: string,
  index: number,
  options: { readers: boolean; streams?: SseClients },
  servicePid: number | undefined,
): Promise<Phase> => {
  await quietMachine(25, 30_000);
  const loadAvgAtStart = round(loadavg()[0]);
  const readers = options.readers ? startReaders(url) : null;
  if (readers) await new Promise((resolve) => setTimeout(resolve, 3_000));
  if (options.streams) await options.streams.ask({ reset: true });
  const cpuBefore = cpuMsOf(servicePid);
  const writesStarted = performance.now();
  const { latencies, failed } = await pacedWrites(url, index);
  const cpuAfter = cpuMsOf(servicePid);
  const serviceCpuPercent =
    cpuBefore === null || cpuAfter === null
      ? null
      : Math.round(((cpuAfter - cpuBefore) / (performance.now() - writesStarted)) * 100);
  // The last writes' frames reach the streams within a moment; give them a second before counting.
  const streams = options.streams
    ? (await new Promise((resolve) => setTimeout(resolve, 1_000)),
      await options.streams.ask<SseClientsReport>({ report: true }))
    : undefined;
  readers?.stop();
  const read = readers ? await readers.done : null;
  const phase: Phase = {
    name,
    writeP50Ms: round(percentile(latencies, 50), 1),
    writeP99Ms: round(percentile(latencies, 99), 1),
    writeMaxMs: round(Math.max(...latencies), 1),
    writes: latencies.length,
    failedWrites: failed,
    ...(read
      ? { readsPerSec: Math.round(read.requestsPerSec), readP99Ms: read.p99Ms, readNon2xx: read.non2xx }
      : {}),
    ...(streams ? { streams } : {}),
    serviceCpuPercent,
    loadAvgAtStart,
  };
  console.log(
    `  ${name.padEnd(38)} write p50 ${String(phase.writeP50Ms).padStart(6)} ms, p99 ${String(phase.writeP99Ms).padStart(6)} ms, max ${String(phase.writeMaxMs).padStart(6)} ms` +
      `, service CPU ${serviceCpuPercent}%, load ${loadAvgAtStart}` +
      `${read ? `; reads ${phase.readsPerSec}/s p99 ${phase.readP99Ms} ms` : ''}` +
      `${streams ? `; each stream got ${streams.eventsPerStreamMin}-${streams.eventsPerStreamMax} of ${latencies.length} events, delivery p99 ${streams.deliveryP99Ms} ms` : ''}`,
  );
  return phase;
};

const main = async () => {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const schema = `bench_readers_${randomBytes(4).toString('hex')}`;
  const { url, child } = await startService(schema);
  const stopService = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  try {
    console.log(
      `\nreaders and writers (postgres): ${WRITE_RATE} writes/s for ${SECONDS} s per phase, ${READERS} readers, ${STREAMS} streams`,
    );
    const alone = await measure('writes alone', url, 1, { readers: false }, child.pid);
    const withReaders = await measure(`writes + ${READERS} readers`, url, 2, { readers: true }, child.pid);
    const streams = await startStreams(url);
    if (streams.opened.opened !== STREAMS)
      throw new Error(
        `only ${streams.opened.opened} of ${STREAMS} streams opened: ${JSON.stringify(streams.opened)}`,
      );
    const withStreams = await measure(
      `writes + ${STREAMS} streams`,
      url,
      3,
      { readers: false, streams },
      child.pid,
    );
    const both = await measure(
      `writes + ${READERS} readers + ${STREAMS} streams`,
      url,
      4,
      {
        readers: true,
        streams,
      },
      child.pid,
    );
    const closed = new Promise((resolve) => streams.child.once('exit', resolve));
    streams.child.send({ stop: true });
    await closed;
    const ratio = round(both.writeP99Ms / withReaders.writeP99Ms, 2);
    const figures = {
      writeP99MsAlone: alone.writeP99Ms,
      writeP99MsNoStreams: withReaders.writeP99Ms,
      writeP99MsWith500Streams: both.writeP99Ms,
      readersAndWriters: {
        date: new Date().toISOString(),
        machine: `${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`,
        service: START_ARGS.join(' '),
        writesPerSec: WRITE_RATE,
        secondsPerPhase: SECONDS,
        readers: READERS,
        readRoutes: READ_ROUTES,
        streams: STREAMS,
        with500StreamsOverNoStreams: ratio,
        phases: [alone, withReaders, withStreams, both],
        notes: [
          'writeP99MsNoStreams: paced writes with the readers and no streams; writeP99MsWith500Streams: the same with the streams open',
          'writes are POST /v1/actors/:actorId/positions over the seed actors and topics, sent at their time (open loop), timed from send to the end of the answer',
          'readers: autocannon, closed loop, on GET /v1/actors/:actorId/stances and /v1/topics/:topicId/stances',
          'streams: unfiltered GET /v1/stream in a process of their own; delivery = arrival minus the event record time',
        ],
      },
    };
    console.log(
      `  write p99 with ${STREAMS} streams and ${READERS} readers: ${both.writeP99Ms} ms (target <= 100: ${both.writeP99Ms <= 100 ? 'met' : 'MISSED'}); ` +
        `${ratio}x the figure with no streams (target <= 2: ${ratio <= 2 ? 'met' : 'MISSED'})`,
    );
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    const stored = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as object) : {};
    writeFileSync(RESULTS, `${JSON.stringify({ ...stored, ...figures }, null, 2)}\n`);
  } finally {
    await stopService();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
