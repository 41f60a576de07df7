// The browser tests drive Debian's Chromium (browser downloads do not work on these machines).
// On a fresh machine where we are root, install it; otherwise say what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Falta ${CHROMIUM} para las pruebas de navegador: instale el paquete "chromium" (apt-get install chromium).`,
    );
    process.exit(1);
  }
  console.log('Instalando Chromium de Debian para las pruebas de navegador…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}
