import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

// What every answer carries (security headers), how a malformed address is answered, and the
// type every uploaded file is served with.

function upload(name: string, content: string, type: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), name);
  return form;
}

const HTML = '<!doctype html><script>alert(document.cookie)</script>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

describe('security headers and malformed addresses', () => {
  let t: TestApp;
  let liaison: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    liaison = await t.as(await t.createOrg('HDRS'), 'liaison_staff');
  });
  afterAll(() => t.close());

  function expectSecurityHeaders(headers: Headers, where: string) {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp, where).toContain("default-src 'self'");
    expect(csp, where).toContain("script-src 'self'");
    expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).toContain("object-src 'none'");
    expect(headers.get('x-content-type-options'), where).toBe('nosniff');
    expect(headers.get('referrer-policy'), where).toBe('no-referrer');
    expect(headers.get('x-frame-options'), where).toBe('DENY');
    // The test server's public address is http: no HSTS there.
    expect(headers.get('strict-transport-security'), where).toBeNull();
  }

  it('sends the security headers with JSON answers, errors and downloads', async () => {
    expectSecurityHeaders((await liaison.get('/api/me')).headers, 'GET /api/me');
    expectSecurityHeaders((await t.anonymous().get('/api/me')).headers, '401');
    expectSecurityHeaders((await liaison.get('/api/no-existe')).headers, '404');
    const template = await liaison.getBytes('/api/channel/folios/import/template?format=csv');
    expect(template.status).toBe(200);
    expectSecurityHeaders(template.headers, 'download');
    expectSecurityHeaders((await fetch(`${t.url}/api/institutions/%ff`)).headers, 'malformed');
  });

  it('adds HSTS when the public address is https', async () => {
    const https = await startTestApp(
      { VINCULA_PUBLIC_URL: 'https://vincula.example.org' },
      { sameDatabaseAs: t },
    );
    try {
      const res = await fetch(`${https.url}/api/health`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });

  it.each(['/%ff', '/api/%ff', '/api/institutions/%ff', '/api/channel/attachments/%E0%A4%A'])(
    'answers the malformed address %s in the API error format',
    async (path) => {
      const res = await fetch(t.url + path);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        code: 'MALFORMED_REQUEST',
        message: 'La solicitud está mal formada.',
        fields: [],
      });
    },
  );
});

describe('uploaded files', () => {
  let t: TestApp;
  let liaison: HttpClient;

  beforeAll(async () => {
    t = await startTestApp({ VINCULA_CHANNEL_ATTACHMENT_TYPES: 'pdf,html,svg' }, { demo: true });
    liaison = new HttpClient(t.url);
    await liaison.signIn('enlace@iecm.demo', DEMO_PASSWORD);
  }, 600_000);
  afterAll(() => t?.close());

  it("are served with a type of the server's own list, never the one the browser declared", async () => {
    // [where to upload, how to find the download, file name, content, declared type, served type]
    const instrument = (await liaison.get<{ items: { id: string }[] }>('/api/instruments')).body.items[0]!.id;
    const activity = (await liaison.get<{ items: { id: string }[] }>('/api/program/activities')).body
      .items[0]!.id;
    const series = (await liaison.get<{ items: { id: string }[] } | { id: string }[]>('/api/program/series'))
      .body;
    const seriesId = (Array.isArray(series) ? series : series.items)[0]!.id;
    const seriesDetail = await liaison.get<{ startsOn: string | null }>(`/api/program/series/${seriesId}`);
    const issue = await liaison.post<{ id: string }>(`/api/program/series/${seriesId}/issues`, {
      publishedOn: seriesDetail.body.startsOn ?? '2024-03-01',
      title: 'Número para probar los tipos de archivo',
    });
    expect(issue.status, JSON.stringify(issue.body)).toBe(201);
    const issueId = issue.body.id;
    const cases: {
      where: string;
      post: (form: FormData, again: () => FormData) => Promise<{ status: number; body: unknown }>;
      download: (answer: unknown, name: string) => string;
    }[] = [
      {
        where: 'instrument',
        post: (f) => liaison.post(`/api/instruments/${instrument}/files?kind=annex`, f),
        download: (a) => `/api/instruments/${instrument}/files/${(a as { id: string }).id}`,
      },
      {
        where: 'activity',
        post: (f) => liaison.post(`/api/program/activities/${activity}/files`, f),
        // The answer is the activity with its files; the newest of that name is the one sent.
        download: (a, name) =>
          `/api/program/activities/${activity}/files/${
            (a as { files: { id: string; filename: string }[] }).files
              .filter((f) => f.filename === name)
              .at(-1)!.id
          }`,
      },
      {
        where: 'issue',
        post: (f) => liaison.put(`/api/program/issues/${issueId}/file`, f),
        download: () => `/api/program/issues/${issueId}/file`,
      },
    ];
    const served: string[] = [];
    for (const c of cases) {
      for (const [name, content, declared, expected] of [
        ['informe.html', HTML, 'text/html', 'application/octet-stream'],
        ['logo.svg', SVG, 'image/svg+xml', 'application/octet-stream'],
        ['oficio.pdf', '%PDF-1.4 x', 'text/html', 'application/pdf'],
      ] as const) {
        const posted = await c.post(upload(name, content, declared), () => upload(name, content, declared));
        if (posted.status === 415) continue; // refused outright: nothing to serve
        expect(posted.status, `${c.where} ${name}: ${JSON.stringify(posted.body)}`).toBeLessThan(300);
        const down = await liaison.getBytes(c.download(posted.body, name));
        expect(down.status, `${c.where} ${name}`).toBe(200);
        served.push(
          `${c.where} ${name}: ${down.headers.get('content-type')} ${down.headers.get('content-disposition')?.split(';')[0]}`,
        );
        expect(down.headers.get('content-type'), `${c.where} ${name}`).toBe(expected);
        expect(down.headers.get('content-disposition'), `${c.where} ${name}`).toMatch(/^attachment;/);
        expect(down.headers.get('x-content-type-options')).toBe('nosniff');
      }
    }
    expect(served.length).toBe(9);
  });
});
