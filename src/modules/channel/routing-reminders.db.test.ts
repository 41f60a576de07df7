import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { todayInMexicoCity } from '../../shared/dates';
import { formatMonth } from '../../shared/spanish-dates';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../tests/support/test-app';
import { PLAIN_CALENDAR } from '../platform/calendar/business-days';
import { businessDaysBefore } from './routing-state';
import { sendDueReminders } from './send-due-reminders';

/**
 * Reminders of a slip's due date reach the responsible area's staff through the job queue and a
 * real SMTP server (smtp-server on loopback); two instances running the daily job at once send
 * each reminder once.
 */
type Received = { to: string[]; subject: string; body: string };
const received: Received[] = [];
let smtp: SMTPServer;
let t: TestApp;
let second: TestApp;

/** The text of a quoted-printable body. */
function decoded(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? /^[0-9A-F]{2}/.exec(soft.slice(i + 1)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function until(check: () => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(body)?.[1] ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) });
  second = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) }, { sameDatabaseAs: t });
  await startBackgroundWork(t.ctx);
});

afterAll(async () => {
  await stopBackgroundWork(t.ctx);
  await second.close();
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('due-date reminders of routing slips', () => {
  it('reminds the responsible area before and on the due date, once each, even with two instances', async () => {
    const org = await t.createOrg('OPLR');
    const admin = await t.as(org, 'administrator');
    const liaison = await t.as(org, 'liaison_staff');
    const area = async (name: string) =>
      (await admin.post<{ id: string }>('/api/areas', { name, kind: 'directorate' })).body.id;
    const responsible = await area('Dirección Ejecutiva de Capacitación');
    const informed = await area('Unidad de Comunicación Social');
    for (const [email, areaId, roles] of [
      ['capacitacion1@oplr.test', responsible, ['area_staff']],
      ['capacitacion2@oplr.test', responsible, ['area_staff']],
      ['comunicacion@oplr.test', informed, ['area_staff']],
      ['consejera@oplr.test', responsible, ['councillor']],
    ] as const) {
      const res = await admin.post('/api/users', {
        name: email,
        email,
        password: TEST_PASSWORD,
        roles: [...roles],
        areaIds: [areaId],
      });
      expect(res.status).toBe(201);
    }
    const today = todayInMexicoCity();
    const folio = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: '24/2024',
      documentType: 'oficio',
      subject: 'Informe sobre la capacitación electoral',
      sentOn: today,
      receivedOn: today,
    });
    expect(folio.status).toBe(201);
    const routed = await liaison.post<{ internalDueOn: string }>(
      `/api/channel/folios/${folio.body.folioId}/routings`,
      {
        responsibleAreaId: responsible,
        informedAreaIds: [informed],
        instructions: 'Enviar el informe.',
        internalDueBusinessDays: 5,
      },
    );
    expect(routed.status).toBe(201);
    const due = routed.body.internalDueOn;
    // The organization has no calendar of its own: the plain calendar is its calendar.
    const before = businessDaysBefore(PLAIN_CALENDAR, due, 2);

    expect(
      await sendDueReminders(
        t.ctx.database.db,
        t.ctx.jobs,
        businessDaysBefore(PLAIN_CALENDAR, due, 3),
        2,
        t.url,
      ),
    ).toBe(0);
    // Both instances run the job on the same day: one claims the reminder.
    const counts = await Promise.all([
      sendDueReminders(t.ctx.database.db, t.ctx.jobs, before, 2, t.url),
      sendDueReminders(second.ctx.database.db, second.ctx.jobs, before, 2, second.url),
    ]);
    expect(counts.sort()).toEqual([0, 1]);
    // A run missed on the eve is made up, but the reminder already went.
    expect(
      await sendDueReminders(
        t.ctx.database.db,
        t.ctx.jobs,
        businessDaysBefore(PLAIN_CALENDAR, due, 1),
        2,
        t.url,
      ),
    ).toBe(0);
    expect(await sendDueReminders(t.ctx.database.db, t.ctx.jobs, due, 2, t.url)).toBe(1);
    expect(await sendDueReminders(second.ctx.database.db, second.ctx.jobs, due, 2, second.url)).toBe(0);

    await until(() => received.length === 4);
    // Give a duplicate, if any, the time to arrive before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(received).toHaveLength(4);
    const byRecipient = (email: string) =>
      received
        .filter((m) => m.to.includes(email))
        .map((m) => m.subject)
        .sort();
    expect(byRecipient('capacitacion1@oplr.test')).toEqual([
      'Hoy vence el turno del folio 24/2024',
      expect.stringMatching(/^Recordatorio: el turno del folio 24\/2024 vence el /),
    ]);
    expect(byRecipient('capacitacion2@oplr.test')).toHaveLength(2);
    expect(byRecipient('comunicacion@oplr.test')).toEqual([]);
    expect(byRecipient('consejera@oplr.test')).toEqual([]);
    const text = decoded(received[0]!.body);
    expect(text).toContain('Área: Dirección Ejecutiva de Capacitación');
    expect(text).toContain('Folio 24/2024: Informe sobre la capacitación electoral');
    expect(text).toContain('/canal/turnos/');

    // Once the area answers, nothing more is sent.
    const staff = await t.anonymous();
    await staff.signIn('capacitacion1@oplr.test', TEST_PASSWORD);
    const queue = await staff.get<{ items: { id: string }[] }>('/api/channel/my-routings');
    expect(
      (await staff.post(`/api/channel/my-routings/${queue.body.items[0]!.id}/answer`, { text: 'Listo' }))
        .status,
    ).toBe(200);
    expect(await sendDueReminders(t.ctx.database.db, t.ctx.jobs, before, 0, t.url)).toBe(0);
  });

  it('reminds the area that answers a recurring obligation of each month still owed, once each', async () => {
    const org = await t.createOrg('OPLM');
    const admin = await t.as(org, 'administrator');
    const liaison = await t.as(org, 'liaison_staff');
    const areaId = (
      await admin.post<{ id: string }>('/api/areas', {
        name: 'Unidad Técnica de Asuntos Jurídicos',
        kind: 'other',
      })
    ).body.id;
    await admin.post('/api/users', {
      name: 'Jurídico',
      email: 'juridico@oplm.test',
      password: TEST_PASSWORD,
      roles: ['area_staff'],
      areaIds: [areaId],
    });
    const today = todayInMexicoCity();
    const folio = await liaison.post<{ folioId: string }>('/api/channel/folios', {
      module: 'follow_up',
      folio: '270/2023',
      documentType: 'oficio',
      subject: 'Previsión legal del voto en prisión preventiva',
      sentOn: today,
      receivedOn: today,
    });
    await liaison.post(`/api/channel/folios/${folio.body.folioId}/obligations`, {
      description: 'Informe mensual (el último día hábil de cada mes)',
      dueRule: { kind: 'last_business_day_of_month' },
      startsOn: today,
      areaId,
    });
    type Month = { id: string; period: string; dueOn: string };
    const [obligation] = (
      await liaison.get<{ occurrences: Month[] }[]>(`/api/channel/folios/${folio.body.folioId}/obligations`)
    ).body;
    const [month, next] = obligation!.occurrences.filter((o) => o.dueOn >= today) as [Month, Month];
    const name = formatMonth(Number(month.period.slice(0, 4)), Number(month.period.slice(5, 7)));
    const mine = () => received.filter((m) => m.to.includes('juridico@oplm.test')).map((m) => m.subject);

    await sendDueReminders(
      t.ctx.database.db,
      t.ctx.jobs,
      businessDaysBefore(PLAIN_CALENDAR, month.dueOn, 2),
      2,
      t.url,
    );
    await sendDueReminders(second.ctx.database.db, second.ctx.jobs, month.dueOn, 2, second.url);
    await sendDueReminders(t.ctx.database.db, t.ctx.jobs, month.dueOn, 2, t.url);
    await until(() => mine().length === 2);
    // A month answered before its day gets no reminder.
    await liaison.post(`/api/channel/occurrences/${next.id}/answer`, { on: today, text: 'Informe del mes.' });
    await sendDueReminders(t.ctx.database.db, t.ctx.jobs, next.dueOn, 2, t.url);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mine().sort()).toEqual([
      `Hoy vence el informe de ${name} del folio 270/2023`,
      // Long subjects are folded by the mailer; the first line is enough here.
      expect.stringMatching(new RegExp(`^Recordatorio: el informe de ${name} del folio 270/2023`)),
    ]);
    const text = decoded(received.find((m) => m.to.includes('juridico@oplm.test'))!.body);
    expect(text).toContain('Área: Unidad Técnica de Asuntos Jurídicos');
    expect(text).toContain('/canal/turnos');
  });
});
