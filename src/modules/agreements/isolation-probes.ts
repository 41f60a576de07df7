import { expect } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';

// Organization-isolation probes of the register's import routes (ADR 0032), used by
// tests/integration/organization-isolation.db.test.ts: organization B's administrator imports a
// file naming organization A's instrument, institution and area. B's import neither sees nor
// touches A's register: A's title is new to B, A's names are unknown to B.

type A = { instrumentTitle: () => Promise<string>; institution: string; area: string };

function csv(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'registro.csv');
  return form;
}

/** Probes keyed as "METHOD /path" of the OpenAPI document. */
export function agreementsImportProbes(
  a: () => A & { client: HttpClient },
): Record<string, (b: HttpClient) => Promise<void>> {
  return {
    'GET /api/instruments/import/template': async (b) => {
      const res = await b.getBytes('/api/instruments/import/template?format=xlsx');
      expect(res.status).toBe(200);
      // The second sheet lists B's instrument types only.
      expect(res.bytes.includes(Buffer.from('Tipo del Organismo A'))).toBe(false);
    },
    'POST /api/instruments/import': async (b) => {
      const { instrumentTitle, institution, area, client } = a();
      const title = await instrumentTitle();
      const file = `Instrumento,Tipo,Partes,Áreas responsables,Estado\n"${title}",Convenio de Colaboración,${institution},${area},En negociación`;
      const res = await b.post<{
        counts: Record<string, number>;
        rows: { problems: { field: string }[] }[];
      }>('/api/instruments/import?dryRun=true', csv(file));
      expect(res.status).toBe(200);
      // Never matched to A's instrument; A's area is unknown to B (other probes may have given B
      // an institution of the same name, so the parties are not asserted).
      expect(res.body.counts).toMatchObject({ update: 0, unchanged: 0, refused: 1 });
      expect(res.body.rows[0]!.problems.map((p) => p.field)).toContain('Áreas responsables');
      expect((await b.post('/api/instruments/import', csv(file))).status).toBe(400);
      const own = await client.get<{ items: { title: string }[] }>('/api/instruments?pageSize=200');
      expect(own.body.items.filter((i) => i.title === title)).toHaveLength(1);
    },
  };
}
