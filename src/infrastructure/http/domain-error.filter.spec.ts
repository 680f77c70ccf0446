import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';
import { STATUS_BY_CODE, statusOfCode } from './domain-error.filter';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

const thrownCodes = (): string[] =>
  ['src', 'domain'].flatMap((dir) =>
    sourceFiles(join(projectRoot(), dir)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/readonly code = '([A-Z_.]+)'/g)].map((match) => match[1]),
    ),
  );

describe('the error-status table', () => {
  it('has a row for every domain error code in the code base', () => {
    const codes = thrownCodes();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !(code in STATUS_BY_CODE))).toEqual([]);
  });

  it('answers an unlisted code as a programming error, not as refused input', () => {
    expect(statusOfCode('POSITION.SOMETHING_NEW')).toBe(500);
    expect(statusOfCode('POSITION.NEW_THING_NOT_FOUND')).toBe(500);
    expect(statusOfCode('POSITION.NOT_FOUND')).toBe(404);
    expect(statusOfCode('POSITION.STATED_AFTER_RECORDED')).toBe(422);
  });
});
