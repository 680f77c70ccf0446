import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Busy and total jiffies of the whole machine (Linux /proc/stat), or null elsewhere. */
const machineTicks = (): { busy: number; iowait: number; total: number } | null => {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - fields[3] - (fields[4] ?? 0), iowait: fields[4] ?? 0, total };
  } catch {
    return null;
  }
};

/**
 * Waits (up to `timeoutMs`) for a second in which the whole machine is at most `busyPercent` busy: what a phase
 * before left running (a collection after loading, the database writing back a rebuild) should not be measured.
 */
/** A positive integer from the environment (`1_000_000` allowed), or the fallback when unset or blank. */
export const envInt = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
};

export const quietMachine = async (busyPercent = 15, timeoutMs = 60_000): Promise<number> => {
  const started = Date.now();
  for (;;) {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = machineTicks();
    if (!before || !after || after.total === before.total) return Date.now() - started;
    const busy = ((after.busy - before.busy) / (after.total - before.total)) * 100;
    if (busy <= busyPercent || Date.now() - started > timeoutMs) return Date.now() - started;
  }
};

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
  private phaseStart = { wall: process.hrtime.bigint(), cpu: process.cpuUsage(), machine: machineTicks() };
  readonly phasePeaks: Record<string, number> = {};
  /** CPU time of this process (all its threads, user + system) over wall time, per phase: 100 = one core busy. */
  readonly phaseCpuPercent: Record<string, number> = {};
  /** Busy share of all the machine's cores per phase (this process, the database server, the load generator). */
  readonly phaseMachineCpuPercent: Record<string, number> = {};
  /** Share of the machine's core time spent idle waiting for disk I/O per phase. */
  readonly phaseMachineIowaitPercent: Record<string, number> = {};
  /** 1-minute load average as each phase starts: above the core count, something else shares the machine. */
  readonly phaseLoadAvgAtStart: Record<string, number> = {};
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  mark(phase: string): void {
    this.sample();
    const cpu = process.cpuUsage(this.phaseStart.cpu);
    const wallMs = elapsedMs(this.phaseStart.wall);
    const machine = machineTicks();
    const before = this.phaseStart.machine;
    if (this.phase !== 'start' && wallMs > 0) {
      this.phaseCpuPercent[this.phase] = Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100);
      if (machine && before && machine.total > before.total) {
        this.phaseMachineCpuPercent[this.phase] = Math.round(
          ((machine.busy - before.busy) / (machine.total - before.total)) * 100,
        );
        this.phaseMachineIowaitPercent[this.phase] = Math.round(
          ((machine.iowait - before.iowait) / (machine.total - before.total)) * 100,
        );
      }
    }
    this.phase = phase;
    this.phaseLoadAvgAtStart[phase] = Math.round(loadavg()[0] * 100) / 100;
    this.phaseStart = { wall: process.hrtime.bigint(), cpu: process.cpuUsage(), machine };
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
  const widths = {
    metric: width('metric'),
    value: width('value'),
    target: width('target'),
    met: width('met'),
  };
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
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';
