// Bundles web/ into dist/web: index.html, assets/app-<hash>.js and .css. Usage: node web/build.mjs [outdir]
import { build } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { argv, cwd, pid, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = argv[2] ?? join(here, '..', 'dist', 'web');

const result = await build({
  entryPoints: { app: join(here, 'src', 'main.tsx') },
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  target: ['es2022'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: join(outdir, 'assets'),
  entryNames: '[name]-[hash]',
  metafile: true,
  write: false,
  legalComments: 'linked',
  logLevel: 'warning',
});

// Several test suites may build at once: each file is written aside and renamed into place, so a reader never
// sees half a file (the contents are the same whoever writes them).
const writeAtomically = async (path, contents) => {
  await mkdir(dirname(path), { recursive: true });
  const aside = `${path}.${pid}.tmp`;
  await writeFile(aside, contents);
  await rename(aside, path);
};

const assetUrl = (extension) => {
  const file = result.outputFiles.find((output) => output.path.endsWith(extension));
  return `/app/assets/${basename(file.path)}`;
};

for (const file of result.outputFiles) await writeAtomically(file.path, file.contents);
const template = await readFile(join(here, 'index.html'), 'utf8');
const html = template.replace('%SCRIPT%', assetUrl('.js')).replace('%STYLES%', assetUrl('.css'));
await writeAtomically(join(outdir, 'index.html'), html);
const bytes = result.outputFiles.reduce((sum, output) => sum + output.contents.length, 0);
stdout.write(
  `web: ${result.outputFiles.length} files, ${Math.round(bytes / 1024)} KB in ${relative(cwd(), outdir) || '.'}\n`,
);
