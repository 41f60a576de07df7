import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import ts from 'typescript';
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

/** The fields of an endpoint declaration the web app reads at run time (web/shared/api/client.ts). */
const CLIENT_ENDPOINT_FIELDS = ['method', 'path', 'operationId', 'status'];

/**
 * The endpoint declarations (`src/modules/.../endpoints.ts`, ADR 0022) as the browser needs them:
 * method, path, operationId and status as literals, without the Zod schemas, which the server
 * validates and serializes with and the client only reads as types. Importing the declarations
 * as written put Zod and every contract module in the first download (issue 18); pages whose
 * forms validate with a schema still import it from their contract. A declaration that cannot be
 * read statically fails the build instead of reaching the browser half-formed.
 */
export function endpointsWithoutSchemas(): Plugin {
  return {
    name: 'vincula-endpoints-without-schemas',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0]!;
      if (!/[/\\]src[/\\]modules[/\\].*[/\\]endpoints\.ts$/.test(file)) return undefined;
      try {
        return clientEndpoints(await fs.readFile(file, 'utf8'), file);
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** The JavaScript of an endpoints module with each declaration reduced to its run-time fields. */
export function clientEndpoints(source: string, file: string): string {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const fail = (node: ts.Node, why: string): never => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    throw new Error(`${file}:${line + 1}: ${why}`);
  };
  const locals = new Map<string, ts.ObjectLiteralExpression>();
  const literal = (node: ts.Expression): string | number | undefined =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
      ? node.text
      : ts.isNumericLiteral(node)
        ? Number(node.text)
        : undefined;
  const fields = (object: ts.ObjectLiteralExpression, into: Record<string, string | number>) => {
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = ts.isIdentifier(property.expression) && locals.get(property.expression.text);
        if (!spread) fail(property, 'a spread in an endpoint declaration must name a local object');
        else fields(spread, into);
      } else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) {
        const name = property.name.text;
        if (!CLIENT_ENDPOINT_FIELDS.includes(name)) continue;
        const value = literal(property.initializer);
        if (value === undefined) fail(property, `the endpoint's ${name} must be a literal`);
        else into[name] = value;
      } else if (
        !ts.isShorthandPropertyAssignment(property) ||
        CLIENT_ENDPOINT_FIELDS.includes(property.name.text)
      ) {
        fail(property, 'an endpoint declaration is an object of plain properties');
      }
    }
    return into;
  };
  const out: string[] = [];
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
    if (ts.isInterfaceDeclaration(statement)) continue;
    if (!ts.isVariableStatement(statement)) {
      fail(statement, 'an endpoints module declares only constants');
      continue;
    }
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText(sf);
      let init = declaration.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (!init) fail(declaration, `${name} has no value`);
      else if (!exported) {
        // Shared parts of declarations (tags, a common upload's fields): read through spreads only.
        if (ts.isObjectLiteralExpression(init)) locals.set(name, init);
      } else if (
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        init.expression.text === 'defineEndpoint' &&
        init.arguments[0] &&
        ts.isObjectLiteralExpression(init.arguments[0])
      ) {
        const endpoint = fields(init.arguments[0], {});
        if (typeof endpoint.method !== 'string' || typeof endpoint.path !== 'string')
          fail(declaration, `${name} has no literal method and path`);
        out.push(`export const ${name} = ${JSON.stringify(endpoint)};`);
      } else if (ts.isArrayLiteralExpression(init) && init.elements.every(ts.isIdentifier)) {
        out.push(`export const ${name} = [${init.elements.map((e) => e.getText(sf)).join(', ')}];`);
      } else fail(declaration, `${name} is not an endpoint declaration the browser build can read`);
    }
  }
  return `${out.join('\n')}\n`;
}
