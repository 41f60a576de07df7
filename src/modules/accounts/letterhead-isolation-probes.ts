import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { drawDemoLogo } from './demo-letterhead';
import type { LetterheadSettings } from './letterhead-contract';

// Organization-isolation probes of the letterhead routes, used by
// tests/integration/organization-isolation.db.test.ts: organization A sets its letterhead and
// logo; organization B's administrator reads and changes its own, never A's.

const A_LINES = {
  headerLines: ['Membrete del Organismo A'],
  footerLines: ['Pie del Organismo A'],
  legalBasis: 'Fundamento del Organismo A.',
};

function logoForm(width: number): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(drawDemoLogo(width, 20))]), 'logo-a.png');
  return form;
}

let fixture: Promise<void> | undefined;
function fixtureOf(a: HttpClient): Promise<void> {
  fixture ??= (async () => {
    expect((await a.put('/api/letterhead', A_LINES)).status).toBe(200);
    expect((await a.put('/api/letterhead/logo', logoForm(33))).status).toBe(200);
  })();
  return fixture;
}

/** A's letterhead as A reads it: unchanged by whatever B did. */
async function expectAUnchanged(a: HttpClient) {
  const own = await a.get<LetterheadSettings>('/api/letterhead');
  expect(own.body).toMatchObject(A_LINES);
  expect(own.body.logo).toMatchObject({ filename: 'logo-a.png', width: 33 });
}

/** Probes keyed as "METHOD /path" of the OpenAPI document. `a` is organization A's client. */
export function letterheadProbes(a: () => HttpClient): Record<string, (b: HttpClient) => Promise<void>> {
  const A = () => fixtureOf(a());
  return {
    'GET /api/letterhead': async (b) => {
      await A();
      const res = await b.get('/api/letterhead');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
    },
    'PUT /api/letterhead': async (b) => {
      await A();
      expect(
        (await b.put('/api/letterhead', { headerLines: ['B'], footerLines: [], legalBasis: null })).status,
      ).toBe(200);
      await expectAUnchanged(a());
    },
    'PUT /api/letterhead/logo': async (b) => {
      await A();
      expect((await b.put('/api/letterhead/logo', logoForm(44))).status).toBe(200);
      await expectAUnchanged(a());
    },
    'GET /api/letterhead/logo': async (b) => {
      await A();
      await b.delete('/api/letterhead/logo');
      expect((await b.getBytes('/api/letterhead/logo')).status).toBe(404);
    },
    'DELETE /api/letterhead/logo': async (b) => {
      await A();
      expect((await b.delete('/api/letterhead/logo')).status).toBe(200);
      await expectAUnchanged(a());
    },
  };
}
