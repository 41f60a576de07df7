import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIecmDirectory } from '../directory/demo';
import { seedIecmAgreements } from './demo';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';

// The reference report's agreement tables regenerated from the demo data, row by row against the
// facts transcribed from the report (../shared/reference/informe-2024-T1.facts.json).

type Facts = {
  instruments_signed: {
    n: number;
    title: string;
    kind: string;
    parties: string[];
    signed: string;
    parent?: string;
  }[];
  instruments_mentioned_in_presentation: string[];
  negotiation_accompaniment: {
    activities: number;
    institutions: number;
    areas_accompanied: string[];
    instruments: { n: number; title: string; object: string; responsible_area: string; status: string }[];
  };
  agreements_registry_siscoi: { updated: { '2024-02': number; '2024-03': number; total: number } };
  opinions_of_pertinence: {
    count: number;
    items: { n: number; number: string; instrument: string; areas: string[] }[];
  };
};
const facts = JSON.parse(
  fs.readFileSync(
    new URL('../../../../shared/reference/informe-2024-T1.facts.json', import.meta.url),
    'utf8',
  ),
) as Facts;

type Inst = {
  id: string;
  title: string;
  typeName: string;
  parentId: string | null;
  organizationIsParty: boolean;
  parties: { acronym: string | null; name: string }[];
  areas: { id: string; name: string }[];
  object: string | null;
  signedOn: string | null;
  status: string;
};
type Page<T> = { items: T[]; total: number };

let t: TestApp;
let c: HttpClient;
let areaNames: Map<string, string[]>;

/** An area as the report prints it: its name, acronym or one of its aliases in the directory. */
const sameArea = (areaId: string, printed: string) => areaNames.get(areaId)!.includes(printed);

const Q1 = 'from=2024-01-01&to=2024-03-31';

async function seed(organizationId: string) {
  const actor = { userId: null, label: 'vincula demo', organizationId };
  await seedIecmDirectory(t.ctx.database.db, actor);
  return seedIecmAgreements(t.ctx.database.db, actor);
}

beforeAll(async () => {
  t = await startTestApp();
  // The seeders seedDemo (src/cli/demo.ts) runs for the IECM, on an organization of the same acronym.
  const org = await t.createOrg('IECM');
  await seed(org.id);
  c = await t.as(org, 'liaison_staff');
  const areas =
    await c.get<Page<{ id: string; name: string; acronym: string | null; aliases: string[] }>>(
      '/api/areas?pageSize=200',
    );
  areaNames = new Map(
    areas.body.items.map((a) => [a.id, [a.name, ...a.aliases, ...(a.acronym ? [a.acronym] : [])]]),
  );
}, 120_000);
afterAll(() => t.close());

describe('demo agreements register against the reference report', () => {
  it('regenerates the opinions of pertinence table (annex VI.1.B)', async () => {
    const res = await c.get<Page<{ number: string; instrumentTitle: string; areas: { id: string }[] }>>(
      `/api/opinions?${Q1}&status=issued&pageSize=200`,
    );
    expect(res.body.total).toBe(facts.opinions_of_pertinence.count);
    for (const [i, row] of facts.opinions_of_pertinence.items.entries()) {
      const got = res.body.items[i]!;
      expect(got.number, `row ${row.n}`).toBe(row.number);
      // Row 2: the report names the addendum before it got its number; the register now calls it
      // "Adenda Número Dos al Anexo Financiero…" (the presentation lists it so).
      const expected =
        row.n === 2 ? row.instrument.replace(/^Adenda al/, 'Adenda Número Dos al') : row.instrument;
      expect(got.instrumentTitle, `row ${row.n}`).toBe(expected);
      expect(got.areas.length, `row ${row.n}`).toBe(row.areas.length);
      row.areas.forEach((printed, k) =>
        expect(sameArea(got.areas[k]!.id, printed), `${row.n}: ${printed}`).toBe(true),
      );
    }
  });

  it('regenerates the table of instruments signed in the quarter (IV.1.F)', async () => {
    const res = await c.get<Page<Inst>>(
      '/api/instruments?signedFrom=2024-01-01&signedTo=2024-03-31&pageSize=200',
    );
    const rows = [...res.body.items].sort((a, b) => (a.signedOn ?? '').localeCompare(b.signedOn ?? ''));
    expect(rows).toHaveLength(facts.instruments_signed.length);
    for (const [i, row] of facts.instruments_signed.entries()) {
      const got = rows[i]!;
      // Row 2: the report prints "(CANACO - CDMX)" here and "(CANACO CDMX)" in its opinions table;
      // one instrument has one title, with the acronym as the directory holds it.
      expect(got.title, `row ${row.n}`).toBe(row.title.replace('(CANACO - CDMX)', '(CANACO CDMX)'));
      expect(got.typeName).toBe(row.kind);
      expect(got.signedOn).toBe(row.signed);
      expect([...(got.organizationIsParty ? ['IECM'] : []), ...got.parties.map((p) => p.acronym)]).toEqual(
        row.parties,
      );
      if (row.parent) {
        const parent = await c.get<Inst>(`/api/instruments/${got.parentId}`);
        expect(parent.body.title.startsWith(row.parent.replace(' IECM-INE', ''))).toBe(true);
        expect(parent.body.title).toContain('entre el IECM y el Instituto Nacional Electoral (INE)');
      }
    }
  });

  it('holds the IECM–INE general agreement with its annexes and the four addenda of the presentation', async () => {
    const root = (
      await c.get<Page<Inst>>(
        '/api/instruments?roots=true&q=Convenio%20General%20de%20Coordinacion%20y%20Colaboracion%20INE&pageSize=200',
      )
    ).body.items.find((i) => i.typeName === 'Convenio General de Coordinación y Colaboración')!;
    expect(root.title).toBe(
      'Convenio General de Coordinación y Colaboración entre el IECM y el Instituto Nacional Electoral (INE)',
    );
    const descendants: Inst[] = [];
    const walk = async (id: string) => {
      const kids = await c.get<Page<Inst>>(`/api/instruments?parentId=${id}&pageSize=200`);
      for (const k of kids.body.items) {
        descendants.push(k);
        await walk(k.id);
      }
    };
    await walk(root.id);
    const titles = descendants.map((d) => d.title);
    expect(titles).toContain(`Anexo Técnico Número Uno al ${root.title}`);
    expect(titles).toContain(`Anexo Financiero del Anexo Técnico Número Uno al ${root.title}`);
    const addenda = facts.instruments_mentioned_in_presentation.filter((x) => x.startsWith('Adenda'));
    expect(addenda).toHaveLength(4);
    for (const name of addenda) {
      expect(
        titles.filter(
          (x) => x.startsWith(`${name} al Convenio General`) || x.startsWith(`${name} al ${root.title}`),
        ),
      ).toHaveLength(1);
    }
    expect(descendants.filter((d) => d.typeName === 'Adenda')).toHaveLength(4);
  });

  it('regenerates the accompaniment of negotiations (IV.1.G)', async () => {
    const facts_ = facts.negotiation_accompaniment;
    const acc = await c.get<{
      activities: number;
      institutions: number;
      items: { areaId: string; instrumentId: string | null; description: string }[];
    }>(`/api/accompaniments?${Q1}`);
    expect(acc.body.activities).toBe(facts_.activities);
    expect(acc.body.institutions).toBe(facts_.institutions);
    for (const printed of facts_.areas_accompanied) {
      expect(
        acc.body.items.some((i) => sameArea(i.areaId, printed)),
        printed,
      ).toBe(true);
    }
    const instrumentIds = [...new Set(acc.body.items.map((i) => i.instrumentId!))];
    const instruments = await Promise.all(
      instrumentIds.map(async (id) => (await c.get<Inst>(`/api/instruments/${id}`)).body),
    );
    expect(instruments).toHaveLength(facts_.instruments.length);
    for (const row of facts_.instruments) {
      const byTitle = instruments.find((i) => i.title === row.title);
      if (byTitle) {
        expect(byTitle.object).toBe(row.object);
        expect(byTitle.areas.some((a) => sameArea(a.id, row.responsible_area))).toBe(true);
        expect(byTitle.status).toBe('negotiation');
        continue;
      }
      // Row 3 is an accompaniment rather than an instrument title: the activity carries it.
      const activity = acc.body.items.find((i) => i.description.startsWith(row.title));
      expect(activity, row.title).toBeDefined();
      expect(activity!.description.toLowerCase()).toContain(row.object.toLowerCase());
      const inst = instruments.find((i) => i.id === activity!.instrumentId)!;
      expect(inst.status).toBe('negotiation');
      expect(row.responsible_area.split(' / ').every((p) => inst.areas.some((a) => sameArea(a.id, p)))).toBe(
        true,
      );
    }
  });

  it('counts the SISCOI review updates per month (IV.1.G, 171 + 2)', async () => {
    const res = await c.get<{
      items: { decisions: number; countsByMonth: { month: string; count: number }[] }[];
    }>('/api/reviews');
    const updated = facts.agreements_registry_siscoi.updated;
    expect(res.body.items[0]!.countsByMonth).toEqual([
      { month: '2024-02', count: updated['2024-02'] },
      { month: '2024-03', count: updated['2024-03'] },
    ]);
    expect(res.body.items[0]!.decisions).toBe(updated.total);
  });

  it('builds the report tables of the quarter with derived weekdays, numbering and articles', async () => {
    const res = await c.get<{
      signed: { n: number; instrument: string; signedOn: string }[];
      negotiation: {
        activities: number;
        institutions: number;
        rows: { instrument: string; status: string }[];
      };
      opinions: { n: number; number: string; instrument: string; areas: string }[];
      reviewUpdates: { month: string; count: number }[];
    }>(`/api/agreements/report-tables?${Q1}`);
    expect(res.status).toBe(200);
    // The reference prints these three dates with their weekdays (section IV.1.F).
    expect(res.body.signed.map((r) => [r.n, r.signedOn])).toEqual([
      [1, 'Jueves 1 de febrero de 2024'],
      [2, 'Jueves 8 de febrero de 2024'],
      [3, 'Lunes 4 de marzo de 2024'],
    ]);
    expect(res.body.signed[2]!.instrument).toBe(`${facts.instruments_signed[2]!.title}.`);
    expect(res.body.negotiation).toMatchObject({ activities: 7, institutions: 3 });
    expect(res.body.negotiation.rows).toHaveLength(3);
    expect(res.body.negotiation.rows.every((r) => r.status === 'En proceso de negociación')).toBe(true);
    expect(res.body.opinions.map((o) => o.number)).toEqual(
      facts.opinions_of_pertinence.items.map((i) => i.number),
    );
    expect(res.body.opinions[10]!.instrument).toBe(
      `Opinión de pertinencia respecto de la ${facts.opinions_of_pertinence.items[10]!.instrument}`,
    );
    expect(res.body.opinions[2]!.instrument).toBe(
      `Opinión de pertinencia respecto del ${facts.opinions_of_pertinence.items[2]!.instrument}`,
    );
    expect(res.body.opinions[1]!.areas).toBe(
      'Dirección Ejecutiva de Organización Electoral y Geoestadística / Secretaría Administrativa',
    );
    expect(res.body.reviewUpdates).toEqual([
      { month: '2024-02', count: 171 },
      { month: '2024-03', count: 2 },
    ]);
  });

  it('adds nothing when run again', async () => {
    const before = await Promise.all([
      c.get<Page<Inst>>('/api/instruments?pageSize=1'),
      c.get<Page<unknown>>('/api/opinions?pageSize=1'),
      c.get<{ activities: number }>('/api/accompaniments'),
      c.get<{ items: { decisions: number }[] }>('/api/reviews'),
    ]);
    const again = await seed((await c.get<{ organization: { id: string } }>('/api/me')).body.organization.id);
    expect(again).toEqual({ instruments: 0, opinions: 0, decisions: 0 });
    const after = await Promise.all([
      c.get<Page<Inst>>('/api/instruments?pageSize=1'),
      c.get<Page<unknown>>('/api/opinions?pageSize=1'),
      c.get<{ activities: number }>('/api/accompaniments'),
      c.get<{ items: { decisions: number }[] }>('/api/reviews'),
    ]);
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
  }, 120_000);
});
