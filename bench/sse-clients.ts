import http from 'node:http';

/**
 * Holds `count` Server-Sent Events streams open in a process of its own (so that reading them costs the bench's
 * writer nothing), counting the PositionStated events each stream receives and how long after their record time
 * they arrive.
 */
export type SseClientsRequest = { url: string; count: number };
export type SseClientsOpened = { opened: number; refused: number; statuses: Record<string, number> };
export type SseClientsReport = {
  streams: number;
  eventsPerStreamMin: number;
  eventsPerStreamMax: number;
  deliveries: number;
  deliveryP50Ms: number;
  deliveryP99Ms: number;
  disconnected: number;
};

const MARKER = 'event: PositionStated\n';
const RECORDED_AT = '"recordedAt":"';

type Stream = { events: number; tail: string; closed: boolean };

const streams: Stream[] = [];
const delays: number[] = [];
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

const open = (url: string): Promise<number> =>
  new Promise((resolve) => {
    const request = http.get(`${url}/v1/stream`, { agent }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return resolve(response.statusCode ?? 0);
      }
      const stream: Stream = { events: 0, tail: '', closed: false };
      streams.push(stream);
      // latin1: one character per byte, no decoding work; only markers are searched for, nothing is split.
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => {
        const text = stream.tail + chunk;
        const end = text.lastIndexOf('\n\n');
        if (end < 0) {
          stream.tail = text;
          return;
        }
        stream.tail = text.slice(end + 2);
        const now = Date.now();
        for (let at = text.indexOf(MARKER); at >= 0 && at < end; at = text.indexOf(MARKER, at + 1)) {
          stream.events += 1;
          const from = text.indexOf(RECORDED_AT, at);
          if (from >= 0 && from < end)
            delays.push(
              now - Date.parse(text.slice(from + RECORDED_AT.length, from + RECORDED_AT.length + 24)),
            );
        }
      });
      response.on('close', () => (stream.closed = true));
      resolve(200);
    });
    request.on('error', () => resolve(0));
  });

const percentile = (samples: number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

process.on('message', (message: SseClientsRequest | { reset: true } | { report: true } | { stop: true }) => {
  if ('url' in message) {
    void (async () => {
      const statuses: Record<string, number> = {};
      for (let opened = 0; opened < message.count; opened += 50) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(50, message.count - opened) }, () => open(message.url)),
        );
        batch.forEach((status) => (statuses[status] = (statuses[status] ?? 0) + 1));
      }
      const reply: SseClientsOpened = {
        opened: statuses['200'] ?? 0,
        refused: message.count - (statuses['200'] ?? 0),
        statuses,
      };
      process.send?.(reply);
    })();
  } else if ('reset' in message) {
    streams.forEach((stream) => (stream.events = 0));
    delays.length = 0;
    process.send?.({ reset: true });
  } else if ('stop' in message) {
    process.exit(0);
  } else {
    const counts = streams.map((stream) => stream.events);
    const report: SseClientsReport = {
      streams: streams.length,
      eventsPerStreamMin: Math.min(...counts),
      eventsPerStreamMax: Math.max(...counts),
      deliveries: delays.length,
      deliveryP50Ms: percentile(delays, 50),
      deliveryP99Ms: percentile(delays, 99),
      disconnected: streams.filter((stream) => stream.closed).length,
    };
    process.send?.(report);
  }
});
