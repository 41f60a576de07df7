import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname, 'src') };

// Three kinds of test, one command:
// - unit: pure rules, no I/O (`*.test.ts` next to the code);
// - db: "medium" tests against a real database and a real HTTP server (`*.db.test.ts`), on PGlite,
//   or on PostgreSQL when DATABASE_URL is set; each test file gets its own copy of a migrated
//   template database;
// - e2e: the built web app in Debian's Chromium through Playwright, with axe (`tests/e2e`).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.db.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.db.test.ts', 'tests/**/*.db.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // The files share nothing through module state (each opens its own database and server),
          // so a worker keeps the app's modules loaded from one file to the next instead of
          // evaluating them again for each: that was a fifth of the run.
          isolate: false,
          maxWorkers: 2,
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          // Starting a file waits for the run's demo template, which the other worker may be
          // building: minutes on a loaded machine.
          hookTimeout: 300_000,
          pool: 'forks',
          isolate: false,
          // Two files at a time: a browser test spends most of its time waiting for the page (one
          // file used well under one core), and each file has its own server, database and browser.
          maxWorkers: 2,
          // A browser on a loaded 2-core machine can take seconds to show a change; expect.poll's
          // default of 1 s made such waits fail (the polls still end as soon as the page is right).
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
