/**
 * When the built web app (dist/web) no longer matches its sources. The build records the files it
 * was made of (dist/web-sources.json, written by vite.config.ts); after a `git pull` any of them,
 * or the build's own configuration and locked dependencies, may be newer than the build, and the
 * server would serve the old interface. A file that no longer exists also means the sources moved.
 */
export const BUILD_INPUTS = [
  'vite.config.ts',
  'postcss.config.mjs',
  'package-lock.json',
  'src/web/index.html',
];

export type BuildRecord = {
  /** When the build finished (ms), or null when there is no build (or none that lists its sources). */
  builtAt: number | null;
  /** The source files the build was made of, relative to the project's root. */
  sources: readonly string[];
};

/** Why the web app must be rebuilt, in Spanish for the person starting it, or null when it is current. */
export function webBuildStaleness(
  build: BuildRecord,
  modifiedAt: (file: string) => number | null,
): string | null {
  if (build.builtAt === null) return 'no hay una compilación';
  for (const file of [...BUILD_INPUTS, ...build.sources]) {
    const at = modifiedAt(file);
    if (at === null) {
      if (BUILD_INPUTS.includes(file)) continue;
      return `${file} ya no existe`;
    }
    if (at > build.builtAt) return `${file} cambió después de la última compilación`;
  }
  return null;
}
