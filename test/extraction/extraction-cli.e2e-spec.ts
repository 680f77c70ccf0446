import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/infrastructure/project-root';

const run = promisify(execFile);
const root = projectRoot();
const options = {
  cwd: root,
  env: { ...process.env, NO_COLOR: '1' },
  timeout: 120_000,
  maxBuffer: 16 * 1024 * 1024,
};

type Line = {
  article: string;
  speaker: string | null;
  quote: string;
  said_on: string | null;
  topic: string | null;
  stance: string | null;
  confidence: number;
  start: number;
  end: number;
};

const evaluate = async (articles: string, gold: string) => {
  const { stdout } = await run('npm', ['run', '--silent', 'eval:extraction', '--', articles, gold], options);
  const lines = stdout.trim().split('\n');
  return { report: stdout, figures: JSON.parse(lines[lines.length - 1]) as Record<string, number | null> };
};

const failure = async (args: string[]) => {
  try {
    await run('npm', ['run', '--silent', ...args], options);
  } catch (error) {
    return error as { code: number; stderr: string };
  }
  throw new Error(`${args.join(' ')} should have failed`);
};

describe('npm run extract and npm run eval:extraction', () => {
  it('prints one JSON line per quotation, each span starting and ending with its quote marks', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'extract', '--', 'seeds/articles.json'], options);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Line);
    expect(lines.length).toBeGreaterThan(40);
    const list = JSON.parse(readFileSync(join(root, 'seeds/articles.json'), 'utf8')) as {
      id: string;
      file: string;
    }[];
    const texts = new Map(
      list.map((article) => [article.id, readFileSync(join(root, 'seeds', article.file), 'utf8')]),
    );
    for (const line of lines) {
      expect(
        Object.keys(line)
          .filter((key) => key !== 'proposed_topic')
          .sort(),
      ).toEqual(
        [
          'article',
          'confidence',
          'confidences',
          'raw_confidence',
          'end',
          'quote',
          'said_on',
          'speaker',
          'speaker_kind',
          'stance',
          'start',
          'topic',
        ].sort(),
      );
      const span = texts.get(line.article)!.slice(line.start, line.end);
      expect(span[0]).toMatch(/[“"‘']/);
      expect(span[span.length - 1]).toMatch(/[”"’']/);
      expect(line.said_on === null || /^\d{4}-\d{2}-\d{2}$/.test(line.said_on)).toBe(true);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
    expect(lines).toContainEqual(
      expect.objectContaining({
        article: '004_612ade843c0c82b8',
        speaker: 'donald-trump',
        quote: 'we’re going to have Europe do that',
        said_on: '2025-02-26',
      }),
    );
  });

  it('reaches F1 >= 0.95 for quotation plus speaker on the seed articles', async () => {
    const { report, figures } = await evaluate(
      'seeds/articles.json',
      'test/extraction/gold/seeds.gold.jsonl',
    );
    expect(report).toMatch(/precision .*, recall .*, F1 /);
    expect(report).toContain('missed (false negatives):');
    expect(figures.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches F1 >= 0.9 on the held-out articles in other house styles', async () => {
    const { figures } = await evaluate(
      'test/extraction/holdout/articles.json',
      'test/extraction/holdout/gold.jsonl',
    );
    expect(figures.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches F1 >= 0.95 on the blind set, written apart from the extractor and never tuned on', async () => {
    const { figures } = await evaluate(
      'test/extraction/blind/articles.json',
      'test/extraction/blind/gold.jsonl',
    );
    expect(figures.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('prints only the JSON figures with --json', async () => {
    const { stdout } = await run(
      'npm',
      [
        'run',
        '--silent',
        'eval:extraction',
        '--',
        'seeds/articles.json',
        'test/extraction/gold/seeds.gold.jsonl',
        '--json',
      ],
      options,
    );
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual(
      expect.objectContaining({ precision: expect.any(Number), recall: expect.any(Number) }),
    );
  });

  it('exits 2 with a clear message on a missing file or a malformed gold line', async () => {
    const missing = await failure(['extract', '--', 'no/such/articles.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('articles file not found');
    const folder = mkdtempSync(join(tmpdir(), 'eval-extraction-'));
    const gold = join(folder, 'gold.jsonl');
    writeFileSync(
      gold,
      '{"article": "000_e7beef6979e88bb9", "speaker": "keir-starmer", "quote": "x"}\nnot json\n',
    );
    const malformed = await failure(['eval:extraction', '--', 'seeds/articles.json', gold]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(`${gold}:2: not a JSON object`);
  });
});
