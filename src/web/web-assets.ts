import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { projectRoot } from '../infrastructure/project-root';

/** Where `npm run build:web` writes the pages' bundle. */
export const WEB_ROOT = join(projectRoot(), 'dist', 'web');

export type WebAsset = { kind: 'file'; path: string } | { kind: 'page' } | { kind: 'missing' };

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};

/**
 * What `/app/<rest>` names: a file of the bundle, the single page (any route of the app), or nothing. A `..`,
 * `.` or empty segment, a backslash or a NUL never leaves the root: such a path names nothing.
 */
export const resolveWebAsset = async (root: string, rest: string): Promise<WebAsset> => {
  const segments = rest.split('/');
  const trailing = segments.at(-1) === '' ? segments.pop() : undefined;
  if (segments.some((part) => part === '' || part === '.' || part === '..' || /[\\\0]/.test(part))) {
    return { kind: 'missing' };
  }
  if (segments.length === 0) return { kind: 'page' };
  const path = resolve(root, ...segments);
  if (!path.startsWith(root + sep)) return { kind: 'missing' };
  if (trailing === undefined && (await isFile(path))) return { kind: 'file', path: segments.join('/') };
  // Under assets/, or a top-level name with an extension, is a file the bundle lacks; deeper dotted names are
  // routes of the app (topic ids are dotted: /app/topics/ukraine.nato-membership).
  const looksLikeFile =
    segments[0] === 'assets' || (segments.length === 1 && /\.[a-z0-9]+$/i.test(segments[0]));
  return looksLikeFile ? { kind: 'missing' } : { kind: 'page' };
};
