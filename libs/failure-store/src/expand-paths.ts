import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

import { PathNotFoundError, ReadFailedError } from './errors.js';
import { globToRegExp, isGlobPattern } from './glob-pattern.js';
import { isOutputFileOf } from './output-layout.js';

/** Options of {@link expandJsonlPaths}. */
export interface ExpandPathsOptions {
  /** Folder that relative paths start from. @default process.cwd() */
  cwd?: string;
}

interface FoundPath {
  path: string;
  isFolder: boolean;
}

const JSONL_EXTENSION = '.jsonl';

/**
 * Turns the PATHS given to the retry command into a sorted list of distinct absolute file
 * paths. A file is taken as given; a folder contributes every `*.jsonl` below it; a glob
 * (`*`, `?`, `**`, `[...]`) contributes the `*.jsonl` files it matches and those below the
 * folders it matches. Links to folders are not followed inside folders.
 *
 * Found files hold events only: dry-run records (`handles/handles_<date>.jsonl`) are never
 * taken unless named as a file, and dumps (`dump/dump_messages_<date>.jsonl`) only from the
 * dump folder itself (named, matched, or the fixed start of a glob), not from a folder above
 * it: a dump repeats every message, the registered ones too.
 * @throws PathNotFoundError when a path does not exist or a glob matches nothing.
 */
export async function expandJsonlPaths(
  paths: readonly string[],
  options: ExpandPathsOptions = {},
): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const files = new Set<string>();
  for (const path of paths) {
    const found = isGlobPattern(path)
      ? await expandGlob(path, cwd)
      : await expandPath(resolve(cwd, path));
    if (found === undefined) throw new PathNotFoundError(path, isGlobPattern(path));
    found.forEach((file) => files.add(file));
  }
  return [...files].sort();
}

async function expandPath(path: string): Promise<string[] | undefined> {
  const stats = await statIfExists(path);
  if (stats === undefined) return undefined;
  return stats.isDirectory() ? await listJsonlFiles(path) : [path];
}

// Only the pattern's own segments are read as glob, never those of the working folder.
async function expandGlob(pattern: string, cwd: string): Promise<string[] | undefined> {
  const segments = normalize(pattern).split(sep);
  const firstGlob = segments.findIndex(isGlobPattern);
  const base = resolve(isAbsolute(pattern) ? sep : cwd, ...segments.slice(0, firstGlob));
  const rest = segments.slice(firstGlob);
  const matcher = globToRegExp(rest.join('/'));
  const depth = rest.includes('**') ? Infinity : rest.length;

  if ((await statIfExists(base))?.isDirectory() !== true) return undefined;
  const matches = (await walk(base, depth)).filter((found) =>
    matcher.test(relative(base, found.path).split(sep).join('/')),
  );

  const files = (await Promise.all(matches.map((found) => jsonlFilesOf(found, base)))).flat();
  const matchedFolder = matches.some((found) => found.isFolder);
  return files.length > 0 || matchedFolder ? files : undefined;
}

async function jsonlFilesOf(found: FoundPath, base: string): Promise<string[]> {
  if (found.isFolder) return listJsonlFiles(found.path);
  return isEventFile(found.path, base) ? [found.path] : [];
}

async function listJsonlFiles(folder: string): Promise<string[]> {
  const found = await walk(folder, Infinity);
  return found
    .filter((entry) => !entry.isFolder && isEventFile(entry.path, folder))
    .map((entry) => entry.path);
}

// `start` is the folder the search began at: a dump there was asked for, one below was not.
function isEventFile(path: string, start: string): boolean {
  if (!path.endsWith(JSONL_EXTENSION) || isOutputFileOf('handles', path)) return false;
  return !isOutputFileOf('dump', path) || dirname(path) === start;
}

// Every file and folder below `folder`, down to `depth` levels.
async function walk(folder: string, depth: number): Promise<FoundPath[]> {
  if (depth < 1) return [];

  const found: FoundPath[] = [];
  for (const entry of await readFolder(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push({ path, isFolder: true }, ...(await walk(path, depth - 1)));
    } else if (entry.isFile() || (await statIfExists(path))?.isFile()) {
      found.push({ path, isFolder: false });
    }
  }
  return found;
}

async function readFolder(folder: string) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    throw new ReadFailedError(folder, cause);
  }
}

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReadFailedError(path, cause);
  }
}
