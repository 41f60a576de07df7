import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** One entry of Vite's build manifest (dist/web/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * What a page makes the browser fetch: the app's entry, the route's chunk and the chunks those
 * import statically, plus any lazy part the page renders at once. Keys are manifest keys: source
 * paths relative to src/web ("../modules/accounts/ui/SignInPage.tsx").
 */
export interface PageDefinition {
  name: string;
  sources: string[];
}

export interface FileSize {
  file: string;
  raw: number;
  brotli: number;
  gzip: number;
}

export interface PageSizes {
  name: string;
  js: FileSize[];
  css: FileSize[];
}

export const WEB_DIST = path.resolve(import.meta.dirname, '../dist/web');

/** The pages the issue 18 budget names, by the modules they load (src/web/app/router.tsx). */
export const BUDGET_PAGES: PageDefinition[] = [
  { name: 'Inicio de sesión', sources: ['index.html', '../modules/accounts/ui/SignInPage.tsx'] },
  {
    // Signed in after the sign-in page: what both pages loaded, the dashboard included.
    name: 'Inicio (tras iniciar sesión)',
    sources: [
      'index.html',
      '../modules/accounts/ui/SignInPage.tsx',
      'i18n/all.ts',
      'app/AppLayout.tsx',
      'app/HomePage.tsx',
    ],
  },
];

export function readManifest(dist = WEB_DIST): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The npm packages bundled into the web build (written by recordPackages in vite-plugins.ts). */
export function readBundledPackages(dist = WEB_DIST): string[] {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite/packages.json'), 'utf8')) as string[];
}

/** The files a set of manifest keys load before running: each chunk and its static imports. */
export function filesLoaded(manifest: Manifest, sources: string[]): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`El manifiesto de Vite no tiene «${key}»`);
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const s of sources) visit(s);
  return { js: [...js].sort(), css: [...css].sort() };
}

/** Sizes of a built file: raw, and as sent (the build's .br and .gz; compressed here if absent). */
export function fileSize(file: string, dist = WEB_DIST): FileSize {
  const full = path.join(dist, file);
  const content = fs.readFileSync(full);
  const sibling = (ext: string, compress: (b: Buffer) => Buffer) =>
    fs.existsSync(full + ext) ? fs.statSync(full + ext).size : compress(content).length;
  return {
    file,
    raw: content.length,
    brotli: sibling('.br', (b) => zlib.brotliCompressSync(b)),
    gzip: sibling('.gz', (b) => zlib.gzipSync(b, { level: 9 })),
  };
}

export function pageSizes(manifest: Manifest, page: PageDefinition, dist = WEB_DIST): PageSizes {
  const { js, css } = filesLoaded(manifest, page.sources);
  return { name: page.name, js: js.map((f) => fileSize(f, dist)), css: css.map((f) => fileSize(f, dist)) };
}

/** Every JavaScript chunk of the build with its sizes, largest compressed first. */
export function allChunks(manifest: Manifest, dist = WEB_DIST): FileSize[] {
  const files = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith('.js')),
  );
  return [...files].map((f) => fileSize(f, dist)).sort((a, b) => b.brotli - a.brotli);
}

/** Every stylesheet of the build (the app has one per lazily loaded part, at most). */
export function allCss(manifest: Manifest, dist = WEB_DIST): FileSize[] {
  const files = new Set(Object.values(manifest).flatMap((c) => c.css ?? []));
  return [...files].map((f) => fileSize(f, dist));
}

export const total = (sizes: FileSize[], key: 'raw' | 'brotli' | 'gzip') =>
  sizes.reduce((s, f) => s + f[key], 0);

// `npx tsx scripts/bundle-sizes.ts`: the figures of docs/PERFORMANCE.md, from the last build.
// `npx tsx scripts/bundle-sizes.ts [dist folder]`: the figures of docs/PERFORMANCE.md.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dist = path.resolve(process.argv[2] ?? WEB_DIST);
  const manifest = readManifest(dist);
  const kB = (n: number) => (n / 1000).toFixed(1);
  const row = (f: FileSize[]) =>
    `${kB(total(f, 'raw'))} / ${kB(total(f, 'brotli'))} / ${kB(total(f, 'gzip'))}`;
  console.log('Page | JS files | JS raw / br / gzip (kB) | CSS raw / br / gzip (kB)');
  for (const page of BUDGET_PAGES) {
    const sources = page.sources.filter((s) => manifest[s]);
    const s = pageSizes(manifest, { ...page, sources }, dist);
    console.log(`${page.name} | ${s.js.length} | ${row(s.js)} | ${row(s.css)}`);
  }
  console.log('Largest chunks (raw / br / gzip, kB):');
  for (const c of allChunks(manifest, dist).slice(0, 6)) console.log(`  ${c.file}: ${row([c])}`);
  console.log(`All CSS: ${row(allCss(manifest, dist))}`);
}
