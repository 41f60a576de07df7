// Builds the web app when no build is present, so `npm start` works on a fresh clone.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('dist/web/index.html')) {
  console.log('Construyendo la aplicación web (primera vez)…');
  execSync('npx vite build', { stdio: 'inherit' });
}
