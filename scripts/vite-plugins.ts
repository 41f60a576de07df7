import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing; images and fonts of the build are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a .br (quality 11) and a .gz (level 9) beside every text file of the web build, once at
 * build time, so the server sends them by Accept-Encoding (@fastify/static's preCompressed)
 * without compressing per request. The maximum levels cost seconds once, never per request.
 */
export function compressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'vincula-compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const files = await fs.readdir(outDir, { recursive: true, withFileTypes: true });
      await Promise.all(
        files
          .filter((f) => f.isFile() && COMPRESSIBLE.test(f.name) && !f.parentPath.includes(`${path.sep}.`))
          .map(async (f) => {
            const file = path.join(f.parentPath, f.name);
            const content = await fs.readFile(file);
            if (content.length < MIN_BYTES) return;
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
            ]);
            await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
          }),
      );
    },
  };
}

/**
 * Writes .vite/packages.json: the npm packages bundled into the web build, so a test can prove
 * that server-only ones (date-holidays, drizzle-orm, …) never reach the browser.
 */
export function recordPackages(): Plugin {
  return {
    name: 'vincula-record-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const packages = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
          if (match) packages.add(match[1]!);
        }
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/packages.json',
        source: `${JSON.stringify([...packages].sort(), null, 1)}\n`,
      });
    },
  };
}

const FIRST_PAGE_STRINGS = 'virtual:first-page-strings';
const SIGNED_IN_STRINGS = 'virtual:signed-in-strings';
const LAZY_STRINGS = 'virtual:lazy-strings/';

/**
 * The wording of src/web/i18n/es-MX.json in three parts, read from the one file so translations
 * stay in one place:
 * - `virtual:first-page-strings`: the top-level sections the sign-in page uses, alone, so the first
 *   download does not carry every section's wording (issue 18);
 * - `virtual:signed-in-strings`: every section but the lazy ones, loaded with the signed-in frame
 *   (src/web/i18n/all.ts);
 * - `virtual:lazy-strings/<section>`: one lazy section, loaded with the component that shows it
 *   (e.g. the administrators' set-up checklist), so it weighs nothing on the home page of others.
 */
export function translationStrings(
  file: string,
  sections: { firstPage: readonly string[]; lazy: readonly string[] },
): Plugin {
  const pick = (all: Record<string, unknown>, keys: readonly string[]) =>
    `export default ${JSON.stringify(Object.fromEntries(keys.map((s) => [s, all[s]])))};`;
  return {
    name: 'vincula-translation-strings',
    resolveId: (id) =>
      id === FIRST_PAGE_STRINGS || id === SIGNED_IN_STRINGS || id.startsWith(LAZY_STRINGS)
        ? `\0${id}`
        : undefined,
    async load(id) {
      if (!id.startsWith('\0virtual:')) return undefined;
      const name = id.slice(1);
      this.addWatchFile(file);
      const all = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      const missing = [...sections.firstPage, ...sections.lazy].filter((s) => !(s in all));
      if (missing.length) this.error(`${file} no tiene las secciones ${missing.join(', ')}`);
      if (name === FIRST_PAGE_STRINGS) return pick(all, sections.firstPage);
      if (name === SIGNED_IN_STRINGS)
        return pick(
          all,
          Object.keys(all).filter((s) => !sections.lazy.includes(s)),
        );
      const section = name.slice(LAZY_STRINGS.length);
      if (!sections.lazy.includes(section)) this.error(`${section} no es una sección diferida de ${file}`);
      return pick(all, [section]);
    },
  };
}

/**
 * Writes dist/web-sources.json: the project's files this build was made of, so `npm start`
 * (scripts/ensure-web-build.mjs) rebuilds when any of them changes. Outside dist/web: not served.
 */
export function recordSources(rootDir: string): Plugin {
  let sources: string[] = [];
  return {
    name: 'vincula-record-sources',
    apply: 'build',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .map((id) => id.split('?')[0]!)
        .filter(
          (id) => id.startsWith(rootDir + path.sep) && !id.includes(`${path.sep}node_modules${path.sep}`),
        )
        .map((id) => path.relative(rootDir, id));
      sources = [...new Set(files)].sort();
    },
    async closeBundle() {
      await fs.writeFile(path.resolve(rootDir, 'dist/web-sources.json'), JSON.stringify(sources, null, 1));
    },
  };
}
