import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const INPUTS = [
  'src',
  'domain',
  'web',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
];
const STAMP = join(ROOT, 'dist', '.build-inputs');
const OUTPUT = join(ROOT, 'dist', 'src', 'main.js');

const files = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => files(join(path, name)));
};

/** What the build reads, by content: a checkout or a touch that changes nothing rebuilds nothing. */
const inputsDigest = (): string => {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
};

/** `npm start`'s prestart: builds only when the sources changed since the last build (or there is none). */
const main = () => {
  const digest = inputsDigest();
  if (existsSync(OUTPUT) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) {
    process.stdout.write('build is up to date\n');
    return;
  }
  execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(STAMP, digest);
};

main();
