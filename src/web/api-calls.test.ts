import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pages call the API only through their module's `ui/api.ts` (ADR 0022): no component holds an API
 * path or calls the untyped client (`api.get<T>(…)` casts whatever arrives to T).
 */
const SRC = path.resolve(import.meta.dirname, '..');

/** Every module with pages: they go through endpoint declarations. */
const MODULES = [
  'accounts',
  'agreements',
  'audit',
  'channel',
  'directory',
  'governance',
  'outreach',
  'outreach/observers',
  'program',
  'reports',
];
/** API files that still name a path: none left; a file added here must leave once it is declared. */
const API_FILES_PENDING: string[] = [];

const API_PATH = /['"`]\/api\//;
const UNTYPED_CALL = /\bapi\.(get|post|put|patch|delete|upload|download)\b/;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isApiFile = (file: string) => /(^|-)api\.ts$/.test(path.basename(file));

/** The files of a module's pages other than its API calls (`api.ts`, `*-api.ts`). */
function componentsOf(uiDir: string): string[] {
  return filesUnder(uiDir).filter((file) => path.dirname(file) === uiDir && !isApiFile(file));
}

/** The API files of a module's pages (`api.ts`, `*-api.ts`). */
function apiFilesOf(uiDir: string): string[] {
  return filesUnder(uiDir).filter((file) => path.dirname(file) === uiDir && isApiFile(file));
}

function offences(files: string[]): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        API_PATH.test(line) || UNTYPED_CALL.test(line)
          ? [`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`]
          : [],
      ),
  );
}

describe('API calls from the web app', () => {
  it('are absent from the app shell and the shared widgets (the client aside)', () => {
    const files = filesUnder(path.join(SRC, 'web')).filter((f) => !f.includes(`${path.sep}api${path.sep}`));
    expect(offences(files)).toEqual([]);
  });

  it.each(MODULES)('are absent from the pages of %s (they call its ui/api.ts)', (module) => {
    const files = componentsOf(path.join(SRC, 'modules', module, 'ui'));
    expect(files.length).toBeGreaterThan(0);
    expect(offences(files)).toEqual([]);
  });

  it.each(MODULES)('go through declared endpoints in the API files of %s', (module) => {
    const files = apiFilesOf(path.join(SRC, 'modules', module, 'ui')).filter(
      (file) => !API_FILES_PENDING.includes(path.relative(SRC, file)),
    );
    expect(offences(files)).toEqual([]);
  });

  it('are checked in every module with pages, and the pending API files still name a path', () => {
    const modules = filesUnder(path.join(SRC, 'modules'))
      .filter((file) => path.basename(path.dirname(file)) === 'ui')
      .map((file) => path.relative(path.join(SRC, 'modules'), path.dirname(path.dirname(file))));
    expect([...new Set(modules)].sort()).toEqual([...MODULES].sort());
    // A pending file that no longer offends leaves the list.
    for (const file of API_FILES_PENDING)
      expect(offences([path.join(SRC, file)]).length, file).toBeGreaterThan(0);
  });
});
