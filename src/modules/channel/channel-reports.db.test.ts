import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { todayInMexicoCity } from '../../shared/dates';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { channelRouting } from './schema';

/**
 * A local body whose national counterpart is outside the installation: it imports its received
 * folios, keeps its working calendar, reads its statistics and sends the fortnightly report to
 * its distribution list through the job queue to a real SMTP server.
 */
const received: { to: string[]; body: string }[] = [];
let smtp: SMTPServer;
let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;
let admin: HttpClient;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  t = await startTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((smtp.server.address() as { port: number }).port),
    SMTP_FROM: 'Vincula <vincula@oplx.test>',
  });
  await startBackgroundWork(t.ctx);
  org = await t.createOrg('OPLX');
  liaison = await t.as(org, 'liaison_staff');
  admin = await t.as(org, 'administrator');
}, 120_000);

afterAll(async () => {
  await stopBackgroundWork(t.ctx);
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function file(text: string, name = 'folios.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

const HEADER = 'modulo,folio,tipo,naturaleza,asunto,fecha_envio,fecha_recepcion,plazo';

type Folio = { id: string; folio: string; dueOn: string | null; status: string };
async function folio(number: string): Promise<Folio> {
  const res = await liaison.get<{ items: Folio[] }>(`/api/channel/folios?q=${encodeURIComponent(number)}`);
  return res.body.items[0]!;
}

describe('import of received folios (CSV)', () => {
  it('offers a template whose header is the import columns', async () => {
    const res = await liaison.request<string>('GET', '/api/channel/folios/import/template?format=csv');
    expect(res.status).toBe(200);
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'modulo,folio,tipo,naturaleza,asunto,cuerpo,fecha_envio,fecha_recepcion,plazo,estatus,fecha_estatus',
    );
    const xlsx = await liaison.request<string>('GET', '/api/channel/folios/import/template?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  type Plan = {
    dryRun: boolean;
    counts: Record<'create' | 'update' | 'unchanged' | 'refused', number>;
    rows: { row: number; outcome: string; label: string; problems: { field: string; message: string }[] }[];
  };
  const total = async () => (await liaison.get<{ total: number }>('/api/channel/folios')).body.total;

  it('plans every row in a dry run, refuses the whole file while a row is refused, writes nothing', async () => {
    const csv = [
      HEADER,
      'Seguimiento de actividades,1/2024,Oficio,Para su atención,Calendario de sesiones,2024-01-08,08/01/2024,3 días hábiles',
      'Seguimiento,2/2024,Circular,De conocimiento,Lineamientos de casilla,2024-01-12,2024-01-12,',
      'Seguimiento,3/2024,Telegrama,Para su atención,Asunto,2024-01-12,2024-01-12,cuando se pueda',
      'Seguimiento,1/2024,Oficio,Para su atención,Repetido,2024-01-12,2024-01-12,',
      'Seguimiento,4/2024,Oficio,Para su atención,Fecha imposible,2024-01-12,31/02/2024,',
    ].join('\n');
    const plan = await liaison.post<Plan>('/api/channel/folios/import?dryRun=true', file(csv));
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      dryRun: true,
      counts: { create: 2, update: 0, unchanged: 0, refused: 3 },
    });
    expect(plan.body.rows.map((r) => [r.row, r.outcome, r.problems.map((p) => p.field)])).toEqual([
      [2, 'create', []],
      [3, 'create', []],
      [4, 'refused', ['tipo', 'plazo']],
      [5, 'refused', ['folio']],
      [6, 'refused', ['fecha_recepcion']],
    ]);
    expect(plan.body.rows[3]!.problems[0]!.message).toBe(
      'El folio 1/2024 ya aparece en la fila 2 del archivo',
    );
    // The impossible date is named as a person would, not in the validation library's words.
    expect(plan.body.rows[4]!.problems[0]!.message).not.toMatch(/AAAA|esperaba|invalid/i);
    expect(await total()).toBe(0);

    const bad = await liaison.post<{ code: string; fields: { path: string; message: string }[] }>(
      '/api/channel/folios/import',
      file(csv),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IMPORT_INVALID');
    expect(bad.body.fields.map((f) => f.path).sort()).toEqual(
      ['rows.4.tipo', 'rows.4.plazo', 'rows.5.folio', 'rows.6.fecha_recepcion'].sort(),
    );
    expect(await total()).toBe(0);
  });

  it('imports a clean file in one go, with the status and the day it was reached; the same file twice changes nothing', async () => {
    const header = `${HEADER},estatus,fecha_estatus`;
    const csv = [
      header,
      'Seguimiento de actividades,1/2024,Oficio,Para su atención,Calendario de sesiones,2024-01-08,08/01/2024,3 días hábiles,,',
      'Seguimiento,2/2024,Circular,De conocimiento,Lineamientos de casilla,2024-01-12,2024-01-12,,,',
      // A folio of the year before, concluded a week after it arrived.
      'Seguimiento,90/2023,Oficio,Para su atención,Informe de cierre,2023-12-01,01/12/2023,,Concluido,08/12/2023',
    ].join('\n');
    const done = await liaison.post<Plan>('/api/channel/folios/import', file(csv));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, counts: { create: 3, unchanged: 0, refused: 0 } });
    // Received Monday 8 January 2024; three business days: 9, 10, 11.
    expect(await folio('1/2024')).toMatchObject({ dueOn: '2024-01-11', status: 'pending_local' });
    expect(await folio('2/2024')).toMatchObject({ status: 'pending_local' });
    const concluded = await folio('90/2023');
    expect(concluded.status).toBe('concluded');
    const detail = await liaison.get<{
      closedOn: string | null;
      history: { event: string; toStatus: string; occurredOn: string }[];
    }>(`/api/channel/folios/${concluded.id}`);
    expect(detail.body.closedOn).toBe('2023-12-08');
    expect(detail.body.history.map((h) => [h.event, h.toStatus, h.occurredOn])).toEqual([
      ['registered', 'pending_local', '2023-12-01'],
      ['status_brought', 'concluded', '2023-12-08'],
    ]);

    const again = await liaison.post<Plan>('/api/channel/folios/import', file(csv));
    expect(again.status).toBe(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 3, refused: 0 });
    expect(await total()).toBe(3);

    // The same number with another subject is a different folio: refused, nothing written.
    const changed = await liaison.post<{ code: string; fields: { path: string; message: string }[] }>(
      '/api/channel/folios/import',
      file(
        [HEADER, 'Seguimiento,2/2024,Circular,De conocimiento,Otra vez,2024-01-12,2024-01-12,'].join('\n'),
      ),
    );
    expect(changed.status).toBe(400);
    expect(changed.body.fields).toEqual([
      {
        path: 'rows.2.asunto',
        message:
          'El folio 2/2024 ya está registrado con otros datos (asunto); un folio registrado se corrige en su página, no con un archivo',
      },
    ]);
    expect(await total()).toBe(3);
  });

  it('refuses a status date before the reception or without a status', async () => {
    const header = `${HEADER},estatus,fecha_estatus`;
    const plan = await liaison.post<Plan>(
      '/api/channel/folios/import?dryRun=true',
      file(
        [
          header,
          'Seguimiento,7/2024,Oficio,Para su atención,Antes,2024-01-12,2024-01-12,,Concluido,2024-01-10',
          'Seguimiento,8/2024,Oficio,Para su atención,Sin estatus,2024-01-12,2024-01-12,,,2024-01-20',
        ].join('\n'),
      ),
    );
    expect(plan.body.rows.map((r) => r.problems)).toEqual([
      [{ field: 'fecha_estatus', message: 'La fecha del estatus no puede ser anterior a la recepción' }],
      [{ field: 'estatus', message: 'Escriba el estatus al que llegó el folio en esa fecha' }],
    ]);
  });

  it('refuses a file without a required column, and a role that does not write the channel', async () => {
    const res = await liaison.post<{ code: string; fields: { path: string }[] }>(
      '/api/channel/folios/import',
      file('modulo,folio\nSeguimiento,9/2024'),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f) => f.path)).toContain('columns.asunto');
    expect((await admin.post('/api/channel/folios/import', file(`${HEADER}\n`))).status).toBe(403);
  });
});

describe('working calendar', () => {
  it('adds own non-working days and every-day-counts periods next to the official holidays', async () => {
    const week = await admin.post<{ added: string[] }>('/api/channel/calendar/non-working-days', {
      day: '2024-03-28',
      to: '2024-03-29',
      reason: 'Semana Santa',
    });
    expect(week.status).toBe(201);
    expect(week.body.added).toEqual(['2024-03-28', '2024-03-29']);
    const dup = await admin.post<{ code: string }>('/api/channel/calendar/non-working-days', {
      day: '2024-03-28',
      reason: 'Otra vez',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE');
    const period = await admin.post<{ id: string }>('/api/channel/calendar/every-day-counts', {
      startsOn: '2024-06-01',
      endsOn: '2024-06-10',
      reason: 'Cómputos distritales',
    });
    expect(period.status).toBe(201);
    const overlap = await admin.post<{ code: string; fields: { path: string }[] }>(
      '/api/channel/calendar/every-day-counts',
      { startsOn: '2024-06-10', endsOn: '2024-06-12', reason: 'Traslape' },
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body.fields[0]!.path).toBe('startsOn');
    const reversed = await admin.post('/api/channel/calendar/every-day-counts', {
      startsOn: '2024-06-12',
      endsOn: '2024-06-11',
      reason: 'Al revés',
    });
    expect(reversed.status).toBe(400);

    const year = await liaison.get<{
      officialHolidays: { date: string }[];
      nonWorkingDays: { day: string }[];
      everyDayCounts: { id: string }[];
      businessDays: number;
    }>('/api/channel/calendar?year=2024');
    expect(year.body.officialHolidays.map((h) => h.date)).toContain('2024-06-02');
    expect(year.body.officialHolidays.map((h) => h.date)).toContain('2024-10-01');
    expect(year.body.nonWorkingDays.map((d) => d.day)).toEqual(['2024-03-28', '2024-03-29']);
    expect(year.body.everyDayCounts).toHaveLength(1);
    // 262 weekdays in 2024; 8 art. 74 holidays fall on weekdays (2 Jun is a Sunday); minus Holy
    // Thursday and Friday; plus the 3 weekend days of 1–10 June counted (1, 8, 9 Jun; 2 Jun is
    // the Sunday election day, which counts too: 4 days).
    expect(year.body.businessDays).toBe(262 - 8 - 2 + 4);
  });

  it('computes due dates of new folios on it, and a later change does not move them', async () => {
    const res = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: '40/2024',
      documentType: 'oficio',
      subject: 'Recibido antes de Semana Santa',
      sentOn: '2024-03-27',
      receivedOn: '2024-03-27',
      dueRule: { kind: 'business_days', days: 2 },
    });
    expect(res.status).toBe(201);
    // 28 and 29 March are the body's own; 30–31 are a weekend: 1 and 2 April.
    expect((await folio('40/2024')).dueOn).toBe('2024-04-02');
    expect((await admin.delete('/api/channel/calendar/non-working-days/2024-03-28')).status).toBe(204);
    expect((await folio('40/2024')).dueOn).toBe('2024-04-02');
    expect((await admin.delete('/api/channel/calendar/non-working-days/2024-03-28')).status).toBe(404);
    expect((await liaison.delete('/api/channel/calendar/non-working-days/2024-02-30')).status).toBe(400);
  });
});

describe('statistics', () => {
  it('gives totals by status, type, nature and area, response times and overdue counts', async () => {
    // 1/2024: received Mon 8 Jan, due 11 Jan, answered Wed 10 Jan: 2 business, 2 natural days.
    const f1 = await folio('1/2024');
    await liaison.post(`/api/channel/folios/${f1.id}/events`, {
      event: 'local_answers',
      on: '2024-01-10',
      text: 'Atendido',
    });
    // 50/2024: received Fri 12 Jan, due 17 Jan (3 business days), answered Fri 19 Jan: late; 5 and 7.
    // 51/2024: received Fri 2 Feb, answered Tue 6 Feb (Mon 5 Feb is a holiday): 1 and 4.
    // 52/2024: received 1 Feb, due 6 Feb, never answered: overdue.
    const csv = [
      HEADER,
      'Seguimiento,50/2024,Oficio,Para su atención,Tarde,2024-01-12,2024-01-12,3 días hábiles',
      'Seguimiento,51/2024,Correo,Para su atención,Tras el puente,2024-02-02,2024-02-02,',
      'Seguimiento,52/2024,Oficio,Para su atención,Sin atender,2024-02-01,2024-02-01,2 días hábiles',
    ].join('\n');
    expect((await liaison.post('/api/channel/folios/import', file(csv))).status).toBe(200);
    await liaison.post(`/api/channel/folios/${(await folio('50/2024')).id}/events`, {
      event: 'local_answers',
      on: '2024-01-19',
      text: 'x',
    });
    await liaison.post(`/api/channel/folios/${(await folio('51/2024')).id}/events`, {
      event: 'local_answers',
      on: '2024-02-06',
      text: 'x',
    });
    // 2/2024 (for information) is acknowledged on the day it arrived: 0 days.
    await liaison.post(`/api/channel/folios/${(await folio('2/2024')).id}/events`, {
      event: 'local_acknowledges',
      on: '2024-01-12',
    });

    const area = await admin.post<{ id: string }>('/api/areas', {
      name: 'Dirección de Organización',
      kind: 'directorate',
    });
    expect(area.status).toBe(201);
    await t.ctx.database.db.insert(channelRouting).values([
      {
        folioId: f1.id,
        organizationId: org.id,
        areaId: area.body.id,
        role: 'responsible',
        state: 'answered',
        assignedAt: new Date('2024-01-09T10:00:00-06:00'),
      },
      {
        folioId: (await folio('52/2024')).id,
        organizationId: org.id,
        areaId: area.body.id,
        role: 'informed',
        state: 'assigned',
        assignedAt: new Date('2024-02-02T10:00:00-06:00'),
      },
    ]);

    const res = await liaison.get<Record<string, unknown>>(
      '/api/channel/statistics?module=follow_up&from=2024-01-01&to=2024-02-29&asOf=2024-02-29',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      received: 5,
      byStatus: { pending_local: 1, in_process_national: 3, cancelled: 0, concluded: 1 },
      byType: [
        { documentType: 'circular', count: 1 },
        { documentType: 'correo', count: 1 },
        { documentType: 'oficio', count: 3 },
      ],
      byNature: { for_information: 1, for_attention: 4 },
      byArea: [{ areaId: area.body.id, name: 'Dirección de Organización', responsible: 1, informed: 1 }],
      // Business days [0, 1, 2, 5]: median 1.5, p90 = 2 + 0.7 × 3 = 4.1; natural [0, 2, 4, 7]: 3 and 6.1.
      responseTimes: {
        answered: 4,
        businessDays: { median: 1.5, p90: 4.1 },
        naturalDays: { median: 3, p90: 6.1 },
      },
      overdue: { open: 1, answeredLate: 1, answeredOnTime: 1 },
    });
    // As of 9 January nothing had been answered yet.
    const early = await liaison.get<{ responseTimes: { answered: number }; overdue: { open: number } }>(
      '/api/channel/statistics?module=follow_up&from=2024-01-01&to=2024-02-29&asOf=2024-01-09',
    );
    expect(early.body.responseTimes.answered).toBe(0);
    const bad = await liaison.get<{ fields: { path: string }[] }>(
      '/api/channel/statistics?from=2024-03-01&to=2024-02-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]!.path).toBe('querystring.to');
  });
});

describe('fortnightly report', () => {
  it('keeps a distribution list, unique per address whatever the case', async () => {
    expect(
      (
        await admin.post('/api/channel/report-recipients', {
          email: 'consejera@oplx.test',
          name: 'Consejera',
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin.post('/api/channel/report-recipients', { email: 'presidencia@oplx.test' })).status,
    ).toBe(201);
    const dup = await admin.post<{ code: string }>('/api/channel/report-recipients', {
      email: 'CONSEJERA@oplx.test',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE');
    expect((await admin.post('/api/channel/report-recipients', { email: 'no es correo' })).status).toBe(400);
    const extra = await admin.post<{ id: string }>('/api/channel/report-recipients', {
      email: 'temporal@oplx.test',
    });
    expect((await admin.delete(`/api/channel/report-recipients/${extra.body.id}`)).status).toBe(204);
    const list = await admin.get<{ email: string }[]>('/api/channel/report-recipients');
    expect(list.body.map((r) => r.email)).toEqual(['consejera@oplx.test', 'presidencia@oplx.test']);
    expect((await (await t.as(org, 'councillor')).get('/api/channel/report-recipients')).status).toBe(403);
  });

  it('is generated as DOCX and PDF, sent through the queue with both attached, and kept with its sending day', async () => {
    const made = await liaison.post<{ id: string; number: number; title: string; state: string }>(
      '/api/channel/reports',
      {
        year: 2024,
        month: 1,
        half: 1,
      },
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      number: 1,
      title: 'Primera quincena de enero de 2024',
      state: 'generated',
    });
    const pdf = await liaison.request<string>('GET', `/api/channel/reports/${made.body.id}/pdf`);
    expect(pdf.body.startsWith('%PDF')).toBe(true);

    const sent = await liaison.post<{ recipients: string[] }>(`/api/channel/reports/${made.body.id}/send`);
    expect(sent.status).toBe(202);
    expect(sent.body.recipients).toEqual(['consejera@oplx.test', 'presidencia@oplx.test']);
    const end = Date.now() + 60_000;
    let report: { state: string; sentOn: string | null; recipients: string[] } | undefined;
    while (Date.now() < end) {
      const list = await liaison.get<
        { id: string; state: string; sentOn: string | null; recipients: string[] }[]
      >('/api/channel/reports?year=2024');
      report = list.body.find((r) => r.id === made.body.id);
      if (report?.state === 'sent') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(report).toMatchObject({ state: 'sent', sentOn: todayInMexicoCity() });
    expect(received).toHaveLength(1);
    expect(received[0]!.to.sort()).toEqual(['consejera@oplx.test', 'presidencia@oplx.test']);
    expect(received[0]!.body).toContain('estadistica-canal-2024-01-1.docx');
    expect(received[0]!.body).toContain('estadistica-canal-2024-01-1.pdf');

    const again = await liaison.post<{ code: string }>(`/api/channel/reports/${made.body.id}/send`);
    expect(again.status).toBe(409);
    const regenerate = await liaison.post<{ code: string }>('/api/channel/reports', {
      year: 2024,
      month: 1,
      half: 1,
    });
    expect(regenerate.status).toBe(409);
    const future = await liaison.post<{ fields: { path: string }[] }>('/api/channel/reports', {
      year: 2099,
      month: 1,
      half: 1,
    });
    expect(future.status).toBe(400);
    expect((await liaison.post('/api/channel/reports', { year: 2024, month: 13, half: 1 })).status).toBe(400);
  });

  it('is not sent with an empty distribution list', async () => {
    const other = await t.createOrg('OPLY');
    const c = await t.as(other, 'liaison_staff');
    const made = await c.post<{ id: string }>('/api/channel/reports', { year: 2024, month: 2, half: 2 });
    const res = await c.post<{ code: string; fields: { path: string }[] }>(
      `/api/channel/reports/${made.body.id}/send`,
    );
    expect(res.status).toBe(409);
    expect(res.body.fields[0]!.path).toBe('recipients');
  });
});
