import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pages call the API only through their module's `ui/api.ts` (ADR 0022): no component holds an API
 * path or calls the untyped client (`api.get<T>(…)` casts whatever arrives to T).
 */
const SRC = path.resolve(import.meta.dirname, '..');

/** Modules whose pages already go through endpoint declarations; the rest are being converted. */
const CONVERTED = [
  'accounts',
  'agreements',
  'audit',
  'directory',
  'governance',
  'outreach',
  'outreach/observers',
  'program',
  'reports',
];
const PENDING = ['channel'];

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

/** The files of a module's pages other than its API calls (`api.ts`, `*-api.ts`). */
function componentsOf(uiDir: string): string[] {
  return filesUnder(uiDir).filter(
    (file) => path.dirname(file) === uiDir && !/(^|-)api\.ts$/.test(path.basename(file)),
  );
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

  it.each(CONVERTED)('are absent from the pages of %s (they call its ui/api.ts)', (module) => {
    const files = componentsOf(path.join(SRC, 'modules', module, 'ui'));
    expect(files.length).toBeGreaterThan(0);
    expect(offences(files)).toEqual([]);
  });

  it('still appear in the pages of the modules being converted, and only there', () => {
    const modules = filesUnder(path.join(SRC, 'modules'))
      .filter((file) => path.basename(path.dirname(file)) === 'ui')
      .map((file) => path.relative(path.join(SRC, 'modules'), path.dirname(path.dirname(file))));
    const left = [...new Set(modules)].filter((m) => !CONVERTED.includes(m));
    // A converted module moves from PENDING to CONVERTED; one that no longer offends must move too.
    expect(left.sort()).toEqual([...PENDING].sort());
    for (const module of PENDING)
      expect(offences(componentsOf(path.join(SRC, 'modules', module, 'ui'))).length, module).toBeGreaterThan(
        0,
      );
  });
});
