import { describe, expect, it } from 'vitest';
import { webBuildStaleness } from './web-build-staleness';

const files: Record<string, number> = {
  'vite.config.ts': 100,
  'package-lock.json': 100,
  'src/web/index.html': 100,
  'src/web/main.tsx': 200,
  'src/shared/dates.ts': 300,
};
const modifiedAt =
  (changes: Record<string, number | null> = {}) =>
  (file: string) =>
    file in changes ? changes[file]! : (files[file] ?? null);
const sources = ['src/web/index.html', 'src/web/main.tsx', 'src/shared/dates.ts'];

describe('webBuildStaleness', () => {
  it('asks for a build when there is none', () => {
    expect(webBuildStaleness({ builtAt: null, sources: [] }, modifiedAt())).toBe('no hay una compilación');
  });
  it('keeps a build newer than every source and build input', () => {
    expect(webBuildStaleness({ builtAt: 500, sources }, modifiedAt())).toBeNull();
  });
  it('names the first source changed after the build', () => {
    expect(webBuildStaleness({ builtAt: 250, sources }, modifiedAt())).toBe(
      'src/shared/dates.ts cambió después de la última compilación',
    );
  });
  it('rebuilds when the build configuration or the locked dependencies changed', () => {
    expect(webBuildStaleness({ builtAt: 500, sources }, modifiedAt({ 'package-lock.json': 600 }))).toBe(
      'package-lock.json cambió después de la última compilación',
    );
    expect(webBuildStaleness({ builtAt: 500, sources }, modifiedAt({ 'vite.config.ts': 501 }))).toMatch(
      /^vite.config.ts/,
    );
  });
  it('rebuilds when a source of the build is gone, not when an optional build input is absent', () => {
    expect(webBuildStaleness({ builtAt: 500, sources }, modifiedAt({ 'src/shared/dates.ts': null }))).toBe(
      'src/shared/dates.ts ya no existe',
    );
    expect(
      webBuildStaleness({ builtAt: 500, sources }, modifiedAt({ 'postcss.config.mjs': null })),
    ).toBeNull();
  });
});
