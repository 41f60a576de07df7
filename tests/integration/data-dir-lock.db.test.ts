import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Two servers on one embedded data folder would each run their own PostgreSQL over the same files
 * and lose acknowledged writes. The folder is locked: `vincula serve` run twice on it refuses the
 * second time, naming the folder and the process that holds it, while the first keeps serving; a
 * lock left by a process killed with SIGKILL does not block the next start.
 */
const bin = path.resolve('bin/vincula.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-lock-'));
const dataDir = path.join(tmp, 'datos');
const started: ChildProcess[] = [];

afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Server = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

async function serve(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    VINCULA_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

/** Waits until the server answers /api/health, or fails with what it printed if it stopped. */
async function ready(server: Server, ms = 180_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server stopped:\n${server.output()}`);
    if ((await health(server.url)) === 200) return;
    if (Date.now() > end) throw new Error(`the server did not start:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('one server per embedded data folder', { timeout: 420_000 }, () => {
  it('refuses a second server on the folder; a lock of a killed server does not block the next', async () => {
    const first = await serve();
    await ready(first);

    const second = await serve();
    const code = await Promise.race([
      second.exited,
      new Promise<'running'>((r) => setTimeout(() => r('running'), 120_000)),
    ]);
    expect(code, second.output()).not.toBe('running');
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`La carpeta de datos ${dataDir} ya está en uso`);
    expect(second.output()).toContain(`proceso ${first.child.pid}`);
    expect(second.output()).not.toMatch(/\n\s+at /); // told plainly, without a stack trace
    // The first one never noticed.
    expect(await health(first.url)).toBe(200);

    // Killed without a chance to clean up, it leaves its lock behind: the next start takes it over.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = await serve();
    await ready(third);
    expect(await health(third.url)).toBe(200);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });
});
