import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { extractQuotations, type ArticleInput } from '@domain/extraction';
import { loadExtractionKnowledge } from '../src/extraction/knowledge-files';

/**
 * `npm run bench:extraction`: ms per 2,000-word article through the whole extractor (clean-up, NLP, cast,
 * quotations, attribution, topic, stance, day). The article is made of the development set's texts, paragraphs
 * kept, cut at 2,000 words; every run uses a fresh id, and the extractor forgets whatever it computed from an
 * article's text as the next one starts, so nothing is cached between runs but what comes from the registry and
 * the lexicons. Wall time is what a caller waits; CPU time (this process's, all threads: the collector's too) is
 * what the run costs, and holds its value on a machine busy with other work, where wall time does not.
 */
const RUNS = Number(process.env.BENCH_EXTRACTION_RUNS ?? 200);
const WORDS = Number(process.env.BENCH_EXTRACTION_WORDS ?? 2000);

const folder = join(__dirname, '..', 'test', 'extraction', 'dev');
const list = JSON.parse(readFileSync(join(folder, 'articles.json'), 'utf8')) as { file: string }[];
const paragraphs = list.flatMap(({ file }) => readFileSync(join(folder, file), 'utf8').split('\n'));
const kept: string[] = [];
let words = 0;
for (const paragraph of paragraphs) {
  if (words >= WORDS) break;
  kept.push(paragraph);
  words += paragraph.split(/\s+/).filter(Boolean).length;
}
const text = kept.join('\n');
const knowledge = loadExtractionKnowledge();
const article = (run: number): ArticleInput => ({
  id: `bench-${run}`,
  text,
  outlet: 'Bench',
  publishedOn: '2025-07-01',
});

for (let run = 0; run < 20; run++) extractQuotations(article(run), knowledge);
const times: number[] = [];
const cpuTimes: number[] = [];
let quotations = 0;
const loadAtStart = loadavg()[0];
for (let run = 0; run < RUNS; run++) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  quotations = extractQuotations(article(run), knowledge).length;
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
const at = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))].toFixed(2));
};
const result = {
  words,
  quotations,
  runs: RUNS,
  p50Ms: at(times, 0.5),
  p99Ms: at(times, 0.99),
  maxMs: at(times, 1),
  cpuP50Ms: at(cpuTimes, 0.5),
  cpuP99Ms: at(cpuTimes, 0.99),
  loadAverage: Number(loadAtStart.toFixed(1)),
};
process.stdout.write(
  `extraction of a ${words}-word article (${quotations} quotations), ${RUNS} runs: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms; CPU p50 ${result.cpuP50Ms} ms, p99 ${result.cpuP99Ms} ms (load average ${result.loadAverage})\n${JSON.stringify(result)}\n`,
);
