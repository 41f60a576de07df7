import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * By default only problems reach the request log: a quick successful request writes nothing, a
 * refusal writes one line at info, a slow request one warning (VINCULA_SLOW_REQUEST_MS).
 */
type Line = { level: number; msg: string; req?: { url?: string }; res?: { statusCode?: number } };

function logSink() {
  const lines: Line[] = [];
  let pending = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      pending += String(chunk);
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) if (line) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  return { lines, stream };
}

const INFO = 30;
const WARN = 40;

describe('request logs', () => {
  let quick: TestApp;
  let slow: TestApp;
  const quickLog = logSink();
  const slowLog = logSink();
  beforeAll(async () => {
    quick = await startTestApp({}, { logStream: quickLog.stream });
    slow = await startTestApp({ VINCULA_SLOW_REQUEST_MS: '0' }, { logStream: slowLog.stream });
  });
  afterAll(async () => {
    await quick?.close();
    await slow?.close();
  });

  it('leave out quick successful requests and write refusals at info', async () => {
    const visitor = quick.anonymous();
    expect((await visitor.get('/api/health?primera')).status).toBe(200);
    expect((await visitor.get('/api/areas')).status).toBe(401);
    expect((await visitor.get('/api/health?segunda')).status).toBe(200);
    await expect.poll(() => quickLog.lines.map((l) => l.req?.url)).toContain('/api/areas');
    const requests = quickLog.lines.filter((l) => l.req?.url);
    expect(requests.map((l) => [l.req!.url, l.res?.statusCode, l.level])).toEqual([
      ['/api/areas', 401, INFO],
    ]);
  });

  it('write every request past the slow threshold as a warning', async () => {
    expect((await slow.anonymous().get('/api/health?lenta')).status).toBe(200);
    await expect.poll(() => slowLog.lines.map((l) => l.req?.url)).toContain('/api/health?lenta');
    const line = slowLog.lines.find((l) => l.req?.url === '/api/health?lenta')!;
    expect(line).toMatchObject({ level: WARN, msg: 'slow request', res: { statusCode: 200 } });
  });
});
