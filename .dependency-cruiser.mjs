// Module boundaries of Vincula (ADR 0019), checked by `npm run check:boundaries` in `npm test`.
// A domain module is a folder of src/modules other than platform; its face is index.ts (what other
// modules call), contract.ts and its siblings (shared types, browser-safe) and schema.ts (tables a
// foreign key or a Drizzle query names). platform and src/shared are tools every module may use.

const DOMAIN = '^src/modules/(?!platform/)([^/]+)/';
const TEST = '\\.test\\.tsx?$';
/** The files another module may import: its face, its contracts, its tables. */
const FACE = [
  '^src/modules/[^/]+/(index|[a-z-]*contract[a-z-]*|[a-z-]*schema|endpoints)\\.ts$',
  '^src/modules/[^/]+/[^/]+/(index|[a-z-]*contract[a-z-]*|[a-z-]*schema|endpoints)\\.ts$',
];
/**
 * Contract files: contract.ts and its siblings (routing-contract.ts, contract-reports.ts), and
 * endpoints.ts, the endpoints declared once for the server and the web app (ADR 0022).
 */
const CONTRACT = '^src/modules/[^.]*(contract[a-z-]*|/endpoints)\\.ts$';
const UI = ['^src/modules/[^/]+/ui/', '^src/modules/[^/]+/[^/]+/ui/'];
/** What the browser may load: contracts, browser-safe shared code, the web shell and every ui/. */
const BROWSER_SAFE = ['^src/shared/', '^src/web/', ...UI, CONTRACT];
/** Packages that only the server may load (they would bloat or break the browser bundle). */
const SERVER_PACKAGES =
  '^node_modules/(date-holidays|drizzle-orm|fastify|@fastify|fastify-[a-z-]+|pg|pg-boss|pino|nodemailer|docx|pdfmake|exceljs|better-auth|@electric-sql|csv-parse|csv-stringify|ical-generator|commander|tsx)/';

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'module-face-only',
      severity: 'error',
      comment:
        "A module reaches another only through its face: index.ts, its contract files, or its schema files (tables for foreign keys and queries). Anything else is that module's inside.",
      // ui/ code is bound by browser-imports-browser-safe instead (it may use other modules' ui).
      from: { path: DOMAIN, pathNot: [TEST, ...UI] },
      to: { path: '^src/modules/(?!platform/)([^/]+)/', pathNot: ['^src/modules/$1/', ...FACE] },
    },
    {
      name: 'platform-names-no-module',
      severity: 'error',
      comment:
        'platform is the tools every module uses; it names no domain module (the composition root in src/server assembles them).',
      from: { path: '^src/modules/platform/', pathNot: TEST },
      to: { path: ['^src/modules/(?!platform/)', '^src/(server|cli|web)/'] },
    },
    {
      name: 'shared-is-leaf',
      severity: 'error',
      comment: 'src/shared is browser-safe and imports nothing of the application.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(modules|server|cli|web)/' },
    },
    {
      name: 'modules-not-to-root',
      severity: 'error',
      comment: 'Modules are assembled by src/server and src/cli; they never import them.',
      from: { path: '^src/modules/', pathNot: TEST },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'browser-imports-browser-safe',
      severity: 'error',
      comment:
        'src/web and the ui/ folders may import only contract files, src/shared, and other ui or web code: anything else is server code in the browser bundle.',
      from: { path: ['^src/web/', ...UI], pathNot: TEST },
      to: { path: '^src/', pathNot: BROWSER_SAFE },
    },
    {
      name: 'contracts-are-browser-safe',
      severity: 'error',
      comment: 'Contract files travel to the browser: they import only other contracts and src/shared.',
      from: { path: CONTRACT },
      to: { path: '^src/', pathNot: ['^src/shared/', CONTRACT] },
    },
    {
      name: 'no-server-packages-in-browser',
      severity: 'error',
      comment:
        'Nothing the web app loads may reach a server-only package (e.g. date-holidays) or a Node built-in.',
      from: { path: '^src/web/main\\.tsx$' },
      to: { path: [SERVER_PACKAGES, '^node:'], reachable: true },
    },
    {
      name: 'no-node-builtins-in-browser',
      severity: 'error',
      comment: 'Browser code cannot load Node built-ins.',
      from: { path: BROWSER_SAFE, pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests may set up anything (other modules' records, the composition root): rules bind the code.
    exclude: { path: ['^dist/', '\\.test\\.tsx?$'] },
    includeOnly: { path: ['^src/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
    skipAnalysisNotInRules: true,
  },
};

/**
 * Module cycles are checked on folders (a module is its folder, subfolders included) in a second run
 * (.dependency-cruiser-cycles.mjs) that leaves the ui/ folders out: the pages may compose other
 * modules' pages and contracts (e.g. the users page picks areas of the directory), the server code
 * of the modules may not depend on each other in a circle.
 */
export const noModuleCycles = {
  name: 'no-module-cycles',
  severity: 'error',
  comment:
    'Modules depend on each other in one direction: a cycle between two modules (their server code) means neither can change alone.',
  scope: 'folder',
  from: { path: '^src/modules/(?!platform)' },
  to: { path: '^src/modules/(?!platform)', circular: true },
};

export default config;
