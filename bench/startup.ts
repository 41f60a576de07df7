/**
 * Start-up and idle-memory benchmark of the embedded installation: how long from launching
 * `vincula serve` until the first page (the web app's index) is served, on a fresh data folder
 * (migrations run) and on an existing one; and the server's resident memory once idle.
 * Writes its figures into docs/PERFORMANCE.md between markers.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bin = path.resolve('bin/vincula.js');

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startOnce(dataDir: string, port: number, idleSeconds = 0) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      VINCULA_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  let firstPageMs = NaN;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) {
        await res.text();
        firstPageMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  let idleRss = NaN;
  if (idleSeconds) {
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    idleRss = rssMiB(child.pid!);
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { firstPageMs, idleRss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (!fs.existsSync('dist/web/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-bench-'));
  const cold: number[] = [];
  const warm: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = path.join(base, `run-${i}`);
    cold.push((await startOnce(dir, 3400 + i)).firstPageMs);
    execFileSync(process.execPath, [bin, 'demo'], {
      env: { ...process.env, VINCULA_DATA_DIR: dir, DATABASE_URL: '' },
      stdio: 'ignore',
    });
    const w = await startOnce(dir, 3450 + i, 5);
    warm.push(w.firstPageMs);
    idle.push(w.idleRss);
  }
  fs.rmSync(base, { recursive: true, force: true });
  const fmt = (xs: number[], unit: string, digits = 0) =>
    `${median(xs).toFixed(digits)} ${unit} (min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)})`;
  const rows = [
    `| First page, fresh data folder (migrations applied) | ${fmt(cold, 'ms')} |`,
    `| First page, existing data folder with demo data | ${fmt(warm, 'ms')} |`,
    `| Resident memory, idle 5 s after start (demo data) | ${fmt(idle, 'MiB', 1)} |`,
  ];
  const body = [
    `Median of ${RUNS} runs; embedded database (PGlite). Measured from process launch to the first`,
    'successful `GET /` (the web app, served by the same server).',
    '',
    '| Measure | Result |',
    '| --- | --- |',
    ...rows,
  ].join('\n');
  writeSection('startup', body);
  console.log(body);
}

await main();
