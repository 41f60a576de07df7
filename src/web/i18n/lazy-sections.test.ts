import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_SECTIONS } from './sections';

// A lazy section's wording reaches i18next only when a module that imports it has run
// (addLazyStrings); a component naming one of its keys without importing it shows the raw key
// whenever it is the first of its section on screen. Keys are named as string literals
// ('channel.folios.title', `program.kind.${k}`); permission names ('channel.read') are not keys.
const SRC = path.resolve(import.meta.dirname, '../..');
const PERMISSION = /^[a-z]+\.(read|answer|manage|privacy|write)$/;

function uiFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return uiFiles(full);
    const isUi = full.includes(`${path.sep}ui${path.sep}`) || full.startsWith(path.join(SRC, 'web'));
    return isUi && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function keysNamed(source: string, section: string): string[] {
  const literal = new RegExp(`(?<![\\w.$])['"\`](${section}\\.[A-Za-z][\\w.\${}]*)`, 'g');
  return [...source.matchAll(literal)].map((m) => m[1]!).filter((key) => !PERMISSION.test(key));
}

const loadsDirectly = (source: string, section: string) =>
  source.includes(`from 'virtual:lazy-strings/${section}'`);

/** The project files a module imports statically ('@/…' and relative paths). */
function imported(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/^import [^;]*?from '((?:@\/|\.)[^']+)';/gms)].map((m) => m[1]!);
  return specifiers.flatMap((s) => {
    const base = s.startsWith('@/') ? path.join(SRC, s.slice(2)) : path.resolve(path.dirname(file), s);
    return ['.tsx', '.ts', '/index.ts'].map((ext) => base + ext).filter((f) => fs.existsSync(f));
  });
}

/**
 * The section is loaded before the component renders: the module imports it, or imports a
 * component that does (the import modal's titles are named by the page that opens it).
 */
function loads(file: string, source: string, section: string): boolean {
  return (
    loadsDirectly(source, section) ||
    imported(file, source).some((f) => loadsDirectly(fs.readFileSync(f, 'utf8'), section))
  );
}

describe('lazy translation sections', () => {
  const files = uiFiles(SRC);

  it('finds the components that name them', () => {
    const naming = files.filter((f) => keysNamed(fs.readFileSync(f, 'utf8'), 'channel').length > 0);
    expect(naming.length).toBeGreaterThan(5);
  });

  it.each(MODULE_SECTIONS)('every component naming a key of «%s» loads the section', (section) => {
    const missing = files.filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return keysNamed(source, section).length > 0 && !loads(file, source, section);
    });
    expect(missing.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
