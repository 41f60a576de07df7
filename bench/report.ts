import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const FILE = 'docs/PERFORMANCE.md';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const mem = (os.totalmem() / 1024 ** 3).toFixed(0);
  let pg = '';
  try {
    pg = execSync('psql --version', { encoding: 'utf8' }).trim();
  } catch {
    pg = 'psql not found';
  }
  return `${os.cpus().length} × ${cpu}, ${mem} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, ${pg}`;
}

/** Replaces (or appends) the section between `<!-- bench:NAME -->` markers of docs/PERFORMANCE.md. */
export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const stamp = `_Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}._`;
  const block = `${start}\n${stamp}\n\n${body}\n${end}`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Performance\n';
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  fs.writeFileSync(
    FILE,
    re.test(current) ? current.replace(re, block) : `${current.trimEnd()}\n\n${block}\n`,
  );
}
