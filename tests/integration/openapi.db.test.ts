import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The API document other tools read (/api/openapi.json): it passes Redocly CLI's recommended rules
 * (redocly.yaml) with no errors, names every operation once, and declares the session cookie on
 * exactly the routes that refuse a request without one.
 */
type Operation = { operationId?: string; security?: Record<string, string[]>[] };
type Document = {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
};

const PUBLIC_URL = 'https://vincula.organismo.test';
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
let doc: Document;
let operations: { method: string; path: string; operation: Operation }[];

beforeAll(async () => {
  t = await startTestApp({ VINCULA_PUBLIC_URL: PUBLIC_URL });
  const res = await t.anonymous().get<Document>('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: p,
      operation,
    })),
  );
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('passes Redocly CLI with the recommended rules and no errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        file,
        '--config',
        path.join(ROOT, 'redocly.yaml'),
        '--format',
        'json',
        '--max-problems',
        '1000',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; code?: number }) => ({
      stdout: error.stdout ?? '',
      code: error.code,
    }));
    fs.rmSync(dir, { recursive: true, force: true });
    const report = JSON.parse(run.stdout) as {
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    // What stays a warning, and why: the health check answers 200 or 503, never a 4xx.
    const warnings = report.problems.filter((p) => p.severity === 'warn').map((p) => p.ruleId);
    expect(warnings).toEqual(['operation-4xx-response']);
  }, 120_000);

  it('serves the API at the public URL', () => {
    expect(doc.servers).toEqual([{ url: PUBLIC_URL }]);
  });

  it('names every operation once, in camelCase', () => {
    expect(operations.length).toBeGreaterThan(200);
    const ids = operations.map((o) => o.operation.operationId ?? `(none: ${o.method} ${o.path})`);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('requires the session cookie on every route except the public ones, which need none', async () => {
    expect(doc.security).toEqual([{ session: [] }]);
    const anonymous = t.anonymous();
    const publicRoutes: string[] = [];
    for (const { method, path: p, operation } of operations) {
      const route = `${method} ${p}`;
      const url = p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await anonymous.request(
        method,
        url,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      if (operation.security?.length === 0) {
        publicRoutes.push(route);
        expect(res.status, route).not.toBe(401);
      } else {
        // Without a session a request is refused, or its shape is (validation runs first and tells
        // nothing the document does not).
        const refused = res.status === 401 || (res.status === 400 && hasCode(res.body, 'VALIDATION_FAILED'));
        expect(refused, `${route} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(true);
      }
    }
    expect(publicRoutes.sort()).toEqual([
      'GET /api/auth/callback/{provider}',
      'GET /api/governance/feeds/{token}/sesiones.ics',
      'GET /api/health',
      'GET /api/invitations/{token}',
      'GET /api/password-reset/{token}',
      'GET /api/public/convocations/{token}',
      'GET /api/public/convocations/{token}/documents/{documentId}',
      'GET /api/public/outreach/open/{token}',
      'GET /api/public/outreach/unsubscribe/{token}',
      'GET /api/setup/{token}',
      'GET /api/sign-in-options',
      'GET /api/sso/{provider}',
      'POST /api/invitations/{token}',
      'POST /api/password-reset',
      'POST /api/password-reset/{token}',
      'POST /api/public/convocations/{token}/response',
      'POST /api/public/outreach/unsubscribe/{token}',
      'POST /api/session',
      'POST /api/session/two-factor',
      'POST /api/setup/{token}',
    ]);
  }, 300_000);
});

function hasCode(body: unknown, code: string): boolean {
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === code;
}
