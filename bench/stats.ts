/** Nearest-rank percentile of durations in milliseconds. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
};

export const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** Samples this process's resident set every 100 ms; `mark` starts a named phase with a peak of its own. */
export class RssSampler {
  private peak = 0;
  private phase = 'start';
  readonly phasePeaks: Record<string, number> = {};
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  mark(phase: string): void {
    this.sample();
    this.phase = phase;
    this.sample();
  }

  sample(): void {
    const rss = process.memoryUsage().rss / (1024 * 1024);
    this.peak = Math.max(this.peak, rss);
    this.phasePeaks[this.phase] = Math.max(this.phasePeaks[this.phase] ?? 0, Math.round(rss));
  }

  peakMb(): number {
    this.sample();
    return Math.round(this.peak);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export type Row = { metric: string; value: string; target: string; met: string };

export const printTable = (title: string, rows: Row[], footnotes: string[]): void => {
  const header: Row = { metric: 'metric', value: 'value', target: 'target', met: 'met?' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const widths = { metric: width('metric'), value: width('value'), target: width('target'), met: width('met') };
  const line = (row: Row) =>
    `| ${row.metric.padEnd(widths.metric)} | ${row.value.padStart(widths.value)} | ${row.target.padEnd(widths.target)} | ${row.met.padEnd(widths.met)} |`;
  const rule = `|${'-'.repeat(widths.metric + 2)}|${'-'.repeat(widths.value + 2)}|${'-'.repeat(widths.target + 2)}|${'-'.repeat(widths.met + 2)}|`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(rule);
  rows.forEach((row) => console.log(line(row)));
  footnotes.forEach((note) => console.log(`  ${note}`));
};

export const formatNumber = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';
