// Builds the web app before `npm start` when there is no build or any of its sources is newer
// than it (after a `git pull`), so the server never serves an old interface.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();
const { webBuildStaleness } = await import('../src/cli/web-build-staleness.ts');

const RECORD = 'dist/web-sources.json';
const modifiedAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : null);
const build =
  existsSync('dist/web/index.html') && existsSync(RECORD)
    ? { builtAt: statSync(RECORD).mtimeMs, sources: JSON.parse(readFileSync(RECORD, 'utf8')) }
    : { builtAt: null, sources: [] };

const reason = webBuildStaleness(build, modifiedAt);
if (reason) {
  console.log(`Construyendo la aplicación web (${reason})…`);
  execSync('npx vite build', { stdio: 'inherit' });
}
