import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_PASSWORD } from '../../cli/demo';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';

/** The demo's channel reproduces, figure by figure, the SIVOPLE annex of the reference report. */
const facts = JSON.parse(
  fs.readFileSync(
    new URL('../../../../shared/reference/informe-2024-T1.facts.json', import.meta.url),
    'utf8',
  ),
);
const sivople = facts.sivople;

const STATUS = {
  'Pendientes de atender por el IECM': 'pending_local',
  'En proceso del INE': 'in_process_national',
  Cancelados: 'cancelled',
  Concluidos: 'concluded',
} as const;

type Table = {
  months: ({ month: string; total: number } & Record<string, number | string>)[];
  totals: Record<string, number>;
  byNature: { for_information: number; for_attention: number };
};

let t: TestApp;
let iecm: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
  iecm = new HttpClient(t.url);
  await iecm.signIn('enlace@iecm.demo', DEMO_PASSWORD);
}, 600_000);
afterAll(() => t.close());

async function table(module: string): Promise<Table> {
  const res = await iecm.get<Table>(
    `/api/channel/statistics/monthly?module=${module}&from=2024-01-01&to=2024-03-31&asOf=2024-03-31`,
  );
  expect(res.status).toBe(200);
  return res.body;
}

describe('SIVOPLE figures of the reference (as of 2024-03-31)', () => {
  it('Seguimiento de actividades: 272 folios, 143 de conocimiento and 129 para su atención', async () => {
    const t1 = await table('follow_up');
    const received = sivople.received_in_period.seguimiento_de_actividades;
    expect(t1.totals.total).toBe(received.total);
    expect(t1.byNature).toEqual({
      for_information: received.de_conocimiento,
      for_attention: received.para_su_atencion,
    });
  });

  it.each(['seguimiento_de_actividades', 'consulta_y_documentos'] as const)(
    '%s: every cell of the monthly table and the totals',
    async (key) => {
      const module = key === 'seguimiento_de_actividades' ? 'follow_up' : 'consultation';
      const t1 = await table(module);
      const expected = sivople.status_by_month_of_receipt[key] as Record<string, Record<string, number>>;
      for (const [month, cells] of Object.entries(expected)) {
        const row = t1.months.find((m) => m.month === month)!;
        for (const [label, n] of Object.entries(cells))
          expect(row[STATUS[label as keyof typeof STATUS]], `${month} ${label}`).toBe(n);
      }
      const totals = sivople.status_totals[key] as Record<string, number>;
      for (const [label, n] of Object.entries(totals))
        expect(t1.totals[STATUS[label as keyof typeof STATUS]], label).toBe(n);
      if (key === 'consulta_y_documentos')
        expect(t1.totals.total).toBe(sivople.received_in_period.consulta_y_documentos.total);
    },
  );

  it('has the recurring folios 270/2023, 24/2024 and 30/2024', async () => {
    for (const r of sivople.recurring_folios as { folio: string; subject: string }[]) {
      const res = await iecm.get<{ items: { folio: string; subject: string }[] }>(
        `/api/channel/folios?q=${encodeURIComponent(r.folio)}&module=follow_up`,
      );
      expect(res.body.items.map((f) => [f.folio, f.subject])).toEqual([[r.folio, r.subject]]);
    }
  });

  it('moved on after the period: today no follow-up folio is pending for the IECM', async () => {
    const now = await iecm.get<{ totals: Record<string, number> }>(
      '/api/channel/statistics/monthly?module=follow_up&from=2024-01-01&to=2024-03-31&asOf=2024-12-31',
    );
    expect(now.body.totals.pending_local).toBe(0);
    expect(now.body.totals.concluded).toBeGreaterThan(170);
  });
});

describe('recurring obligations of the demo', () => {
  type Obligation = {
    area: { name: string } | null;
    occurrences: { period: string; dueOn: string; status: string; answerText: string | null }[];
  };
  const obligationOf = async (folio: string) => {
    const res = await iecm.get<{ items: { id: string }[] }>(
      `/api/channel/folios?q=${encodeURIComponent(folio)}&module=follow_up`,
    );
    return (await iecm.get<Obligation[]>(`/api/channel/folios/${res.body.items[0]!.id}/obligations`))
      .body[0]!;
  };

  it('has each month of 2024 as an occurrence, with January to March answered on time and accepted by the INE', async () => {
    const obligation = await obligationOf('24/2024');
    expect(obligation.area?.name).toBe('Unidad Técnica de Asuntos Jurídicos');
    const occurrences = obligation.occurrences;
    expect(occurrences).toHaveLength(12);
    expect(occurrences.slice(0, 4).map((o) => [o.period, o.dueOn, o.status])).toEqual([
      ['2024-01', '2024-01-08', 'accepted'],
      ['2024-02', '2024-02-08', 'accepted'],
      ['2024-03', '2024-03-07', 'accepted'],
      ['2024-04', '2024-04-05', 'pending'],
    ]);
    expect(occurrences[0]!.answerText).toBe(
      'Se remite el estado procesal de las denuncias de enero de 2024.',
    );
  });

  it('answers 270/2023 from its first month and 30/2024 again after the INE returned February', async () => {
    const carried = await obligationOf('270/2023');
    expect(carried.occurrences.filter((o) => o.period <= '2024-03').map((o) => [o.period, o.status])).toEqual(
      [
        ['2023-11', 'accepted'],
        ['2023-12', 'accepted'],
        ['2024-01', 'accepted'],
        ['2024-02', 'accepted'],
        ['2024-03', 'accepted'],
      ],
    );
    const budget = await obligationOf('30/2024');
    expect(budget.area?.name).toBe('Secretaría Administrativa');
    expect(budget.occurrences[1]).toMatchObject({
      period: '2024-02',
      status: 'accepted',
      answerText:
        'Se remite el informe del ejercicio presupuestal de febrero de 2024, con el desglose de las ampliaciones presupuestales.',
    });
  });
});

describe('routing in the demo', () => {
  it('gives area@iecm.demo a queue with due-soon and overdue slips, and adds nothing when run again', async () => {
    const area = new HttpClient(t.url);
    await area.signIn('area@iecm.demo', DEMO_PASSWORD);
    type Item = { overdue: boolean; dueSoon: boolean; area: { name: string } };
    const queue = await area.get<{ items: Item[]; total: number }>('/api/channel/my-routings');
    expect(queue.body.total).toBe(4);
    expect(new Set(queue.body.items.map((i) => i.area.name))).toEqual(
      new Set(['Unidad Técnica de Asuntos Jurídicos']),
    );
    expect(queue.body.items.filter((i) => i.overdue)).toHaveLength(1);
    expect(queue.body.items.filter((i) => i.dueSoon).length).toBeGreaterThanOrEqual(1);
    const answered = await area.get<{ total: number }>('/api/channel/my-routings?state=closed');
    expect(answered.body.total).toBeGreaterThan(0);

    await seedDemo(t.ctx);
    expect((await area.get<{ total: number }>('/api/channel/my-routings?state=all')).body.total).toBe(
      queue.body.total + answered.body.total,
    );
  });
});

describe('fortnightly statistical reports of the demo', () => {
  it('are the six of January–March 2024, each with the sending date the reference gives', async () => {
    const res = await iecm.get<
      { number: number; periodFrom: string; periodTo: string; sentOn: string; state: string }[]
    >('/api/channel/reports?year=2024');
    expect(res.status).toBe(200);
    const sent = [...res.body].sort((x, y) => x.number - y.number);
    const expected = sivople.fortnightly_statistics_sent as {
      n: number;
      period: { from: string; to: string };
      sent: string;
    }[];
    expect(sent.map((r) => [r.number, r.periodFrom, r.periodTo, r.sentOn, r.state])).toEqual(
      expected.map((e) => [e.n, e.period.from, e.period.to, e.sent, 'sent']),
    );
  });

  it('keep their documents, DOCX and PDF', async () => {
    const list = await iecm.get<{ id: string; number: number }[]>('/api/channel/reports?year=2024');
    const last = list.body.find((r) => r.number === 6)!;
    const pdf = await iecm.request<string>('GET', `/api/channel/reports/${last.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    const docx = await iecm.request<string>('GET', `/api/channel/reports/${last.id}/docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('estadistica-canal-2024-03-2.docx');
  });
});

describe('statistics of the demo (as of 2024-03-31)', () => {
  it.each(['seguimiento_de_actividades', 'consulta_y_documentos'] as const)(
    '%s: status totals of the reference, by type and nature, and response times',
    async (key) => {
      const module = key === 'seguimiento_de_actividades' ? 'follow_up' : 'consultation';
      const res = await iecm.get<{
        received: number;
        byStatus: Record<string, number>;
        byType: { count: number }[];
        byNature: { for_information: number; for_attention: number };
        responseTimes: { answered: number; businessDays: { median: number; p90: number } };
      }>(`/api/channel/statistics?module=${module}&from=2024-01-01&to=2024-03-31&asOf=2024-03-31`);
      expect(res.status).toBe(200);
      const totals = sivople.status_totals[key] as Record<string, number>;
      for (const [label, n] of Object.entries(totals))
        expect(res.body.byStatus[STATUS[label as keyof typeof STATUS]], label).toBe(n);
      expect(res.body.byType.reduce((s, x) => s + x.count, 0)).toBe(res.body.received);
      if (module === 'follow_up')
        expect(res.body.byNature.for_information).toBe(
          sivople.received_in_period.seguimiento_de_actividades.de_conocimiento,
        );
      // The demo answers within 1–4 business days, and only the four pending ones had not been answered by 31 March.
      expect(res.body.responseTimes.businessDays.median).toBeGreaterThanOrEqual(1);
      expect(res.body.responseTimes.businessDays.p90).toBeLessThanOrEqual(4);
      if (module === 'follow_up') expect(res.body.responseTimes.answered).toBe(res.body.received - 4);
    },
  );
});
