import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';

type Page<T> = { items: T[]; total: number };
type FolioItem = {
  id: string;
  folio: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  localOrganization: { acronym: string };
};

describe('channel with the national authority in the installation', () => {
  let t: TestApp;
  let ine: TestOrg;
  let a: TestOrg;
  let b: TestOrg;
  let ineStaff: HttpClient;
  let aLiaison: HttpClient;
  let bLiaison: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    ine = await t.createOrg('INEX', 'national_authority');
    a = await t.createOrg('OPLA');
    b = await t.createOrg('OPLB');
    ineStaff = await t.as(ine, 'national_authority_staff');
    aLiaison = await t.as(a, 'liaison_staff');
    bLiaison = await t.as(b, 'liaison_staff');
  });
  afterAll(() => t.close());

  const circular = (extra: object = {}) => ({
    module: 'follow_up',
    documentType: 'circular',
    nature: 'for_attention',
    subject: 'Información sobre ministraciones y ampliaciones presupuestales',
    body: 'Se solicita a los OPLE informar sobre el ejercicio presupuestal.',
    sentOn: '2024-01-31',
    toAll: true,
    dueRule: { kind: 'business_days', days: 3 },
    ...extra,
  });

  it('sends one communication to every local body: one folio each, numbered from the national series', async () => {
    const sent = await ineStaff.post<{ folio: string; folioIds: string[]; communicationId: string }>(
      '/api/channel/communications',
      circular(),
    );
    expect(sent.status).toBe(201);
    expect(sent.body.folio).toBe('1/2024');
    expect(sent.body.folioIds).toHaveLength(2);

    const second = await ineStaff.post<{ folio: string }>(
      '/api/channel/communications',
      circular({ toAll: false, recipientOrgIds: [b.id] }),
    );
    expect(second.body.folio).toBe('2/2024');

    const mine = await aLiaison.get<Page<FolioItem>>('/api/channel/folios');
    expect(mine.body.items.map((f) => [f.folio, f.status, f.dueOn, f.localOrganization.acronym])).toEqual([
      ['1/2024', 'pending_local', '2024-02-06', 'OPLA'],
    ]);
    expect(mine.body.items[0]!.overdue).toBe(true);

    const national = await ineStaff.get<Page<FolioItem>>('/api/channel/folios?pageSize=50');
    expect(national.body.total).toBe(3);
  });

  it('keeps each local body to its own folios', async () => {
    const bFolios = await bLiaison.get<Page<FolioItem>>('/api/channel/folios');
    const aFolios = await aLiaison.get<Page<FolioItem>>('/api/channel/folios');
    for (const f of bFolios.body.items) {
      expect((await aLiaison.get(`/api/channel/folios/${f.id}`)).status).toBe(404);
      expect(
        (await aLiaison.post(`/api/channel/folios/${f.id}/events`, { event: 'local_answers' })).status,
      ).toBe(404);
    }
    expect(aFolios.body.items.every((f) => f.localOrganization.acronym === 'OPLA')).toBe(true);
  });

  it('walks a folio: answered by the local body, concluded by the INE; the sender sees the picture', async () => {
    const sent = await ineStaff.post<{ communicationId: string; folioIds: string[] }>(
      '/api/channel/communications',
      circular({ subject: 'Invitación al foro', documentType: 'invitacion', dueRule: null }),
    );
    const [aFolio] = (await aLiaison.get<Page<FolioItem>>('/api/channel/folios?q=foro')).body.items;
    const answered = await aLiaison.post(`/api/channel/folios/${aFolio!.id}/events`, {
      event: 'local_answers',
      on: '2024-02-02',
      text: 'Se confirma la asistencia de la Consejera Presidenta.',
    });
    expect(answered.body).toEqual({ status: 'in_process_national' });
    expect(
      (
        await ineStaff.post(`/api/channel/folios/${aFolio!.id}/events`, {
          event: 'national_concludes',
          on: '2024-02-05',
        })
      ).body,
    ).toEqual({
      status: 'concluded',
    });

    const summary = await ineStaff.get<{ recipients: number; byStatus: Record<string, number> }>(
      `/api/channel/communications/${sent.body.communicationId}/summary`,
    );
    expect(summary.body.recipients).toBe(2);
    expect(summary.body.byStatus).toEqual({
      pending_local: 1,
      in_process_national: 0,
      cancelled: 0,
      concluded: 1,
    });
    // Only the sender reads the summary.
    expect(
      (await aLiaison.get(`/api/channel/communications/${sent.body.communicationId}/summary`)).status,
    ).toBe(404);

    const detail = await aLiaison.get<{
      history: { event: string; fromStatus: string | null; toStatus: string }[];
      messages: { text: string }[];
      closedOn: string;
    }>(`/api/channel/folios/${aFolio!.id}`);
    expect(detail.body.history.map((h) => [h.event, h.fromStatus, h.toStatus])).toEqual([
      ['sent', null, 'pending_local'],
      ['local_answers', 'pending_local', 'in_process_national'],
      ['national_concludes', 'in_process_national', 'concluded'],
    ]);
    expect(detail.body.messages.map((m) => m.text)).toEqual([
      'Se confirma la asistencia de la Consejera Presidenta.',
    ]);
    expect(detail.body.closedOn).toBe('2024-02-05');
  });

  it('refuses transitions that are not allowed, and changes nothing', async () => {
    const sent = await ineStaff.post<{ folioIds: string[] }>(
      '/api/channel/communications',
      circular({
        toAll: false,
        recipientOrgIds: [a.id],
        subject: 'Oficio a cancelar',
        documentType: 'oficio',
      }),
    );
    const id = sent.body.folioIds[0]!;
    expect(
      (await aLiaison.post(`/api/channel/folios/${id}/events`, { event: 'originator_cancels' })).status,
    ).toBe(409);
    expect(
      (
        await ineStaff.post(`/api/channel/folios/${id}/events`, {
          event: 'originator_cancels',
          reason: 'Enviado por error',
        })
      ).body,
    ).toEqual({
      status: 'cancelled',
    });
    const res = await ineStaff.post(`/api/channel/folios/${id}/events`, { event: 'national_concludes' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      message: 'El folio está cancelado; ya no admite cambios.',
    });
    const detail = await aLiaison.get<{ status: string; history: unknown[] }>(`/api/channel/folios/${id}`);
    expect(detail.body.status).toBe('cancelled');
    expect(detail.body.history).toHaveLength(2);
  });

  it('concludes a folio for information with its acknowledgment', async () => {
    const sent = await ineStaff.post<{ folioIds: string[] }>(
      '/api/channel/communications',
      circular({
        toAll: false,
        recipientOrgIds: [a.id],
        nature: 'for_information',
        documentType: 'informativo',
        subject: 'Calendario de sesiones',
      }),
    );
    expect(
      (
        await aLiaison.post(`/api/channel/folios/${sent.body.folioIds[0]}/events`, {
          event: 'local_acknowledges',
        })
      ).body,
    ).toEqual({
      status: 'concluded',
    });
  });

  it('consultations go from the local body to the INE, numbered in their own series', async () => {
    const sent = await aLiaison.post<{ folio: string; folioIds: string[] }>('/api/channel/communications', {
      module: 'consultation',
      documentType: 'consulta',
      subject: 'Consulta sobre el voto anticipado',
      sentOn: '2024-02-12',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.folio).toBe('1/2024');
    const id = sent.body.folioIds[0]!;
    expect(
      (
        await ineStaff.post(`/api/channel/folios/${id}/events`, {
          event: 'national_returns',
          reason: 'Precise el supuesto',
        })
      ).body,
    ).toEqual({
      status: 'pending_local',
    });
    const followUps = await ineStaff.post('/api/channel/communications', {
      module: 'consultation',
      documentType: 'consulta',
      subject: 'x',
      sentOn: '2024-02-12',
    });
    expect(followUps.status).toBe(409);
  });

  it('finds folios by number and by words without accents', async () => {
    const byWords = await aLiaison.get<Page<FolioItem>>('/api/channel/folios?q=informacion%20ministracion');
    expect(byWords.body.items.map((f) => f.folio)).toEqual(['1/2024']);
    const byNumber = await bLiaison.get<Page<FolioItem>>('/api/channel/folios?q=2/2024&module=follow_up');
    expect(byNumber.body.items.map((f) => f.folio)).toEqual(['2/2024']);
    const overdue = await aLiaison.get<Page<FolioItem>>('/api/channel/folios?overdue=true');
    expect(overdue.body.items.map((f) => f.folio)).toEqual(['1/2024']);
  });

  it('answers bad input with the fields at fault', async () => {
    const res = await ineStaff.post(
      '/api/channel/communications',
      circular({
        documentType: 'consulta',
        sentOn: '2024-02-30',
        dueRule: { kind: 'business_days', days: 0 },
      }),
    );
    expect(res.status).toBe(400);
    const paths = (res.body as { fields: { path: string }[] }).fields.map((f) => f.path).sort();
    expect(paths).toEqual(['documentType', 'dueRule.days', 'sentOn']);
    const unmet = await ineStaff.post(
      '/api/channel/communications',
      circular({ dueRule: { kind: 'fixed_date', date: '2024-01-01' } }),
    );
    expect(unmet.status).toBe(400);
    expect(unmet.body).toMatchObject({
      fields: [{ path: 'dueRule', message: expect.stringContaining('anterior a la recepción') }],
    });
    const badRecipient = await ineStaff.post(
      '/api/channel/communications',
      circular({ toAll: false, recipientOrgIds: [ine.id] }),
    );
    expect(badRecipient.status).toBe(400);
  });

  it('numbers concurrent sends without gaps or duplicates', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ineStaff.post<{ folio: string }>(
          '/api/channel/communications',
          circular({
            sentOn: '2025-03-03',
            subject: `Oficio ${i}`,
            toAll: false,
            recipientOrgIds: [b.id],
            dueRule: null,
          }),
        ),
      ),
    );
    expect(results.map((r) => r.body.folio).sort((x, y) => parseInt(x) - parseInt(y))).toEqual(
      Array.from({ length: 10 }, (_, i) => `${i + 1}/2025`),
    );
  });
});

describe('channel of a local body whose counterpart is outside the installation', () => {
  let t: TestApp;
  let ople: TestOrg;
  let liaison: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    ople = await t.createOrg('OPLE');
    liaison = await t.as(ople, 'liaison_staff');
  });
  afterAll(() => t.close());

  const received = (extra: object = {}) => ({
    module: 'follow_up',
    folio: '270/2023',
    documentType: 'oficio',
    subject: 'Información sobre la previsión legal en materia de voto en prisión preventiva',
    sentOn: '2023-12-01',
    receivedOn: '2023-12-01',
    dueRule: { kind: 'last_business_day_of_month' },
    ...extra,
  });

  it('registers a folio with the outside number, once', async () => {
    const first = await liaison.post<{ folioId: string }>('/api/channel/folios', received());
    expect(first.status).toBe(201);
    const detail = await liaison.get<{ folio: string; dueOn: string; status: string }>(
      `/api/channel/folios/${first.body.folioId}`,
    );
    expect(detail.body).toMatchObject({ folio: '270/2023', dueOn: '2023-12-29', status: 'pending_local' });
    const again = await liaison.post('/api/channel/folios', received());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'folio' }] });
  });

  it('records the outside authority’s events itself', async () => {
    const { body } = await liaison.post<{ folioId: string }>(
      '/api/channel/folios',
      received({ folio: '24/2024', sentOn: '2024-01-10', receivedOn: '2024-01-10', dueRule: null }),
    );
    await liaison.post(`/api/channel/folios/${body.folioId}/events`, {
      event: 'local_answers',
      on: '2024-01-15',
    });
    expect(
      (
        await liaison.post(`/api/channel/folios/${body.folioId}/events`, {
          event: 'national_concludes',
          on: '2024-01-20',
        })
      ).body,
    ).toEqual({
      status: 'concluded',
    });
  });

  it('refuses a malformed folio, a receipt before sending and a rule that cannot be met', async () => {
    expect((await liaison.post('/api/channel/folios', received({ folio: '270-2023' }))).status).toBe(400);
    const before = await liaison.post(
      '/api/channel/folios',
      received({ folio: '1/2024', sentOn: '2024-01-10', receivedOn: '2024-01-09' }),
    );
    expect(before.body).toMatchObject({ fields: [{ path: 'receivedOn' }] });
    const unmet = await liaison.post(
      '/api/channel/folios',
      received({
        folio: '2/2024',
        receivedOn: '2024-03-20',
        sentOn: '2024-03-20',
        dueRule: { kind: 'first_days_of_month', days: 5, count: 'business' },
      }),
    );
    expect(unmet.status).toBe(400);
    expect((await liaison.get<Page<unknown>>('/api/channel/folios?q=1/2024')).body.total).toBe(0);
  });

  it('cannot send through the system without the national authority', async () => {
    const res = await liaison.post('/api/channel/communications', {
      module: 'consultation',
      documentType: 'consulta',
      subject: 'x',
      sentOn: '2024-02-12',
    });
    expect(res.status).toBe(409);
  });
});

describe('folio list export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('exports the filtered list as CSV, with Spanish headers and labels, and audits it', async () => {
    const ine = await t.createOrg('INEE', 'national_authority');
    const a = await t.createOrg('OPLQ');
    const staff = await t.as(ine, 'national_authority_staff');
    for (const subject of ['Oficio sobre casillas especiales', 'Circular sobre conteo rápido']) {
      await staff.post('/api/channel/communications', {
        module: 'follow_up',
        documentType: 'oficio',
        subject,
        sentOn: '2024-02-01',
        toAll: true,
      });
    }
    const liaison = await t.as(a, 'liaison_staff');
    const res = await liaison.get<string>('/api/channel/folios/export?format=csv&q=casillas');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="folios-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'folio,modulo,tipo,naturaleza,asunto,remitente,organismo_local,envio,recepcion,fecha_limite,estatus,cierre,vencido,areas',
    );
    expect(lines.slice(1)).toEqual([
      '1/2024,Seguimiento de actividades,oficio,Para su atención,Oficio sobre casillas especiales,Organismo INEE,OPLQ,2024-02-01,2024-02-01,,Pendiente de atender por el OPLE,,no,',
    ]);
    const xlsx = await liaison.request('GET', '/api/channel/folios/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const auditor = await t.as(a, 'auditor');
    const trail = await auditor.get<{ items: { action: string; after: { rows: number } }[] }>(
      '/api/audit?action=channel.export',
    );
    expect(trail.body.items.map((e) => e.after.rows)).toEqual([2, 1]);
  });
});

describe('recurring obligations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates each month as its own occurrence, answered one by one, and the daily job fills the months ahead', async () => {
    const ople = await t.createOrg('OPLR');
    const liaison = await t.as(ople, 'liaison_staff');
    const { body } = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: '24/2024',
      documentType: 'oficio',
      subject:
        'Información del estado procesal que guardan las denuncias presentadas en contra del personal de cada OPLE.',
      sentOn: '2024-01-10',
      receivedOn: '2024-01-10',
    });
    const added = await liaison.post(`/api/channel/folios/${body.folioId}/obligations`, {
      description: 'Informe mensual (primeros cinco días de cada mes)',
      dueRule: { kind: 'first_days_of_month', days: 5, count: 'business' },
      startsOn: '2024-01-10',
      endsOn: '2024-03-31',
    });
    expect(added.status).toBe(201);
    type O = {
      occurrences: { id: string; period: string; dueOn: string; status: string; overdue: boolean }[];
    }[];
    const [obligation] = (await liaison.get<O>(`/api/channel/folios/${body.folioId}/obligations`)).body;
    expect(obligation!.occurrences.map((o) => [o.period, o.dueOn, o.status])).toEqual([
      ['2024-01', '2024-01-08', 'pending'],
      ['2024-02', '2024-02-08', 'pending'],
      ['2024-03', '2024-03-07', 'pending'],
    ]);
    const jan = obligation!.occurrences[0]!;
    expect(jan.overdue).toBe(true);
    expect(
      (
        await liaison.post(`/api/channel/occurrences/${jan.id}/answer`, {
          on: '2024-01-05',
          text: 'Informe de enero.',
        })
      ).status,
    ).toBe(200);
    const again = await liaison.post(`/api/channel/occurrences/${jan.id}/answer`, {
      on: '2024-01-06',
      text: 'x',
    });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe(
      'El informe de enero de 2024 ya fue enviado; está en revisión del INE.',
    );

    const open = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: '30/2024',
      documentType: 'oficio',
      subject: 'Ministraciones',
      sentOn: '2024-01-12',
      receivedOn: '2024-01-12',
    });
    await liaison.post(`/api/channel/folios/${open.body.folioId}/obligations`, {
      description: 'Informe mensual (primeros diez días de cada mes)',
      dueRule: { kind: 'first_days_of_month', days: 10, count: 'natural' },
      startsOn: '2024-01-01',
    });
    const { createDueOccurrences } = await import('./create-due-occurrences');
    const before = (await liaison.get<O>(`/api/channel/folios/${open.body.folioId}/obligations`)).body[0]!
      .occurrences.length;
    // A later run of the daily job, in 2027: only the new months are added, and running it twice adds nothing.
    const added1 = await createDueOccurrences(t.ctx.database.db, '2027-01-15');
    expect(await createDueOccurrences(t.ctx.database.db, '2027-01-15')).toBe(0);
    const after = (await liaison.get<O>(`/api/channel/folios/${open.body.folioId}/obligations`)).body[0]!
      .occurrences;
    expect(after.length - before).toBe(added1);
    expect(after.at(-1)!.period).toBe('2027-03');
  });

  it('refuses a monthly rule no month can meet and an obligation on another body’s folio', async () => {
    const ople = await t.createOrg('OPLS');
    const liaison = await t.as(ople, 'liaison_staff');
    const { body } = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: '1/2024',
      documentType: 'oficio',
      subject: 'x',
      sentOn: '2024-01-10',
      receivedOn: '2024-01-10',
    });
    const res = await liaison.post(`/api/channel/folios/${body.folioId}/obligations`, {
      description: 'Imposible',
      dueRule: { kind: 'first_days_of_month', days: 25, count: 'business' },
      startsOn: '2024-02-01',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      fields: [{ path: 'dueRule', message: 'El mes no tiene 25 días hábiles.' }],
    });
    const other = await t.as(await t.createOrg('OPLT'), 'liaison_staff');
    expect(
      (
        await other.post(`/api/channel/folios/${body.folioId}/obligations`, {
          description: 'x',
          dueRule: { kind: 'last_business_day_of_month' },
          startsOn: '2024-02-01',
        })
      ).status,
    ).toBe(404);
  });
});
