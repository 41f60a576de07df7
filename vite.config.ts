import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import {
  compressAssets,
  endpointsWithoutSchemas,
  translationStrings,
  recordPackages,
  recordSources,
} from './scripts/vite-plugins';
import { FIRST_PAGE_SECTIONS, LAZY_SECTIONS } from './src/web/i18n/sections';

const rootDir = import.meta.dirname;

// The notifications' store alone (notifications.show and the queue), without the component and
// its transitions: importing the package's index from the first page would put the component in
// the first download, so the app imports the store by this name (issue 18; tsconfig.json paths).
const notificationsStore = path.join(
  path.dirname(fileURLToPath(import.meta.resolve('@mantine/notifications'))),
  'notifications.store.mjs',
);

// The web app lives in src/web and builds to dist/web, which the Fastify server serves with an
// SPA fallback. In development, `npm run dev` proxies /api to a server on port 3000.

export default defineConfig({
  root: path.resolve(rootDir, 'src/web'),
  plugins: [
    endpointsWithoutSchemas(),
    react(),
    translationStrings(path.resolve(rootDir, 'src/web/i18n/es-MX.json'), {
      firstPage: FIRST_PAGE_SECTIONS,
      lazy: LAZY_SECTIONS,
    }),
    recordPackages(),
    recordSources(rootDir),
    compressAssets(),
  ],
  resolve: {
    alias: { '@': path.resolve(rootDir, 'src'), 'mantine-notifications-store': notificationsStore },
  },
  css: { postcss: rootDir },
  build: {
    outDir: path.resolve(rootDir, 'dist/web'),
    emptyOutDir: true,
    // Which chunks each page loads, read by the size budget test (tests/e2e/bundle-size.e2e.test.ts).
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
