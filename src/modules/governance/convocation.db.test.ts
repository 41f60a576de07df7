import ICAL from 'ical.js';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWork, stopBackgroundWork } from '../../server/runtime';
import { addDays, todayInMexicoCity } from '../../shared/dates';
import type { HttpClient } from '../../../tests/support/http-client';
import { mimeParts } from '../../../tests/support/mime';
import { startSmtpSink } from '../../../tests/support/smtp-sink';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { Agreement, Convocation, PublicConvocation, SessionDetail } from './contract';

/**
 * The convocatoria over a real SMTP server (the test sink): each recipient's e-mail carries an
 * iCalendar REQUEST that ical.js reads into the session's date, time in Mexico City and attendees;
 * moving the session sends an update with the same UID and a higher SEQUENCE; cancelling sends a
 * CANCEL. The notice period is checked; receipts and confirmations come through the recipient's
 * link. Votes on agreements and votos particulares/concurrentes, with their refusals.
 */

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let org: TestOrg;
let liaison: HttpClient;
const ids: Record<string, string> = {};

async function until<T>(check: () => T | undefined | false, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function created<T = { id: string }>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/** The messages received from index `from` on, with their calendar part parsed by ical.js. */
function invitations(from: number) {
  return sink.received.slice(from).map((m) => {
    const parts = mimeParts(m.raw);
    const calendarPart = parts.find((p) => p.contentType === 'text/calendar')!;
    const text = parts.find((p) => p.contentType === 'text/plain')!.text;
    const vcalendar = new ICAL.Component(ICAL.parse(calendarPart.text));
    const vtimezone = vcalendar.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
    const vevent = vcalendar.getFirstSubcomponent('vevent')!;
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      to: m.to,
      text,
      contentTypeHeader: calendarPart.headers,
      method: vcalendar.getFirstPropertyValue('method'),
      uid: vevent.getFirstPropertyValue('uid'),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
      start,
      startUtc: start.toJSDate().toISOString(),
      attendees: vevent
        .getAllProperties('attendee')
        .map((a) => String(a.getFirstValue()).replace(/^mailto:/i, ''))
        .sort(),
    };
  });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_FROM: 'Vincula <vincula@oplc.test>',
  });
  await startBackgroundWork(t.ctx);
  org = await t.createOrg('OPLC');
  liaison = await t.as(org, 'liaison_staff');
  for (const [name, email] of [
    ['Ana Presidenta', 'ana@oplc.test'],
    ['Beto Integrante', 'beto@oplc.test'],
    ['Carla Integrante', null],
    ['Iván Invitado', 'ivan@oplc.test'],
    ['Gina Ajena', 'gina@oplc.test'],
  ] as const) {
    ids[name] = (
      await created(liaison.post('/api/people', { fullName: name, ...(email ? { email } : {}) }))
    ).id;
  }
  ids.body = (
    await created(
      liaison.post('/api/governance/bodies', {
        name: 'Comisión de Vinculación',
        acronym: 'CV',
        kind: 'permanent_committee',
        createdOn: '2024-01-01',
      }),
    )
  ).id;
  for (const [role, name] of [
    ['president', 'Ana Presidenta'],
    ['member', 'Beto Integrante'],
    ['member', 'Carla Integrante'],
    ['invitee', 'Iván Invitado'],
  ] as const) {
    await created(
      liaison.post(`/api/governance/bodies/${ids.body}/memberships`, {
        role,
        personId: ids[name],
        startsOn: '2024-01-01',
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  await stopBackgroundWork(t.ctx);
  await t.close();
  await sink.close();
});

async function session(heldOn: string, startTime: string | null, kind = 'ordinaria') {
  const s = await created(
    liaison.post(`/api/governance/bodies/${ids.body}/sessions`, {
      kind,
      heldOn,
      ...(startTime ? { startTime } : {}),
      ...(startTime && startTime < '13:30' ? { endTime: '13:30' } : {}),
      modality: 'presencial',
      place: 'Sala de consejo',
    }),
  );
  const item = await created(
    liaison.post(`/api/governance/sessions/${s.id}/agenda-items`, { title: 'Informe trimestral' }),
  );
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.4 informe'], { type: 'application/pdf' }), 'informe.pdf');
  await created(liaison.post(`/api/governance/agenda-items/${item.id}/documents`, form));
  return s.id;
}

const detail = async (id: string) =>
  (await liaison.get<SessionDetail>(`/api/governance/sessions/${id}`)).body;

describe('the convocatoria', () => {
  it('sends each recipient an iCal REQUEST with the date, time in Mexico City and attendees; a move sends the same UID with a higher SEQUENCE; a cancellation a CANCEL', async () => {
    const heldOn = addDays(todayInMexicoCity(), 10);
    const id = await session(heldOn, '11:00');
    const res = await liaison.post<Convocation>(`/api/governance/sessions/${id}/convocation`, {
      message: 'Se ruega puntual asistencia.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sequence: 0, late: false, requiredHours: 72 });
    expect(res.body.recipients.map((r) => [r.name, r.email])).toEqual([
      ['Ana Presidenta', 'ana@oplc.test'],
      ['Beto Integrante', 'beto@oplc.test'],
      ['Carla Integrante', null],
      ['Iván Invitado', 'ivan@oplc.test'],
    ]);

    const first = await until(() => sink.received.length >= 3 && invitations(0));
    expect(first.map((m) => m.to[0]).sort()).toEqual(['ana@oplc.test', 'beto@oplc.test', 'ivan@oplc.test']);
    for (const m of first) {
      expect(m.method).toBe('REQUEST');
      expect(m.contentTypeHeader).toMatch(/method=REQUEST/i);
      expect(m.uid).toBe(`${id}@vincula`);
      expect(m.sequence).toBe(0);
      expect(m.tzid).toBe('America/Mexico_City');
      expect(m.start.toString()).toBe(`${heldOn}T11:00:00`);
      // 11:00 in Mexico City is 17:00 UTC (UTC−6 all year since 2022).
      expect(m.startUtc).toBe(`${heldOn}T17:00:00.000Z`);
      expect(m.attendees).toEqual(['ana@oplc.test', 'beto@oplc.test', 'ivan@oplc.test']);
      expect(m.text).toContain('Informe trimestral');
      expect(m.text).toContain('Se ruega puntual asistencia.');
    }
    const detailAfter = await detail(id);
    expect(detailAfter.convokedOn).toBe(todayInMexicoCity());

    // Twice: refused, nothing sent again.
    const again = await liaison.post(`/api/governance/sessions/${id}/convocation`, {});
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toMatch(/ya se envió/);

    // The recipient's link: receipt on opening, then the confirmation.
    const ana = first.find((m) => m.to[0] === 'ana@oplc.test')!;
    const token = /\/convocatoria\/([\w.-]+)/.exec(ana.text)![1]!;
    const anonymous = t.anonymous();
    const opened = await anonymous.get<PublicConvocation>(`/api/public/convocations/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ recipientName: 'Ana Presidenta', response: null });
    const docId = opened.body.agenda[0]!.documents[0]!.id;
    const doc = await anonymous.get(`/api/public/convocations/${token}/documents/${docId}`);
    expect(doc.status).toBe(200);
    const tampered = await anonymous.get(`/api/public/convocations/${token.slice(0, -1)}x`);
    expect(tampered.status).toBe(404);
    expect((tampered.body as { code: string }).code).toBe('CONVOCATION_LINK_INVALID');
    const answered = await anonymous.post<PublicConvocation>(`/api/public/convocations/${token}/response`, {
      response: 'attending',
    });
    expect(answered.status).toBe(200);
    const bad = await anonymous.post(`/api/public/convocations/${token}/response`, { response: 'quizá' });
    expect(bad.status).toBe(400);
    // Carla has no e-mail: the office records her answer given by phone.
    let recipients = (await detail(id)).convocation!.recipients;
    const carla = recipients.find((r) => r.name === 'Carla Integrante')!;
    expect(
      (
        await liaison.put(`/api/governance/sessions/${id}/convocation/recipients/${carla.id}`, {
          response: 'not_attending',
        })
      ).status,
    ).toBe(200);
    recipients = (await detail(id)).convocation!.recipients;
    expect(recipients.find((r) => r.name === 'Ana Presidenta')).toMatchObject({
      response: 'attending',
      recordedByStaff: false,
    });
    expect(recipients.find((r) => r.name === 'Ana Presidenta')!.receivedAt).not.toBeNull();
    expect(recipients.find((r) => r.name === 'Beto Integrante')).toMatchObject({
      receivedAt: null,
      response: null,
    });
    expect(recipients.find((r) => r.name === 'Carla Integrante')).toMatchObject({
      response: 'not_attending',
      recordedByStaff: true,
    });

    // The session moves a day and an hour later: an update, same UID, SEQUENCE 1.
    const movedTo = addDays(heldOn, 1);
    expect(
      (await liaison.patch(`/api/governance/sessions/${id}`, { heldOn: movedTo, startTime: '12:00' })).status,
    ).toBe(200);
    const update = await until(() => sink.received.length >= 6 && invitations(3));
    for (const m of update) {
      expect(m.method).toBe('REQUEST');
      expect(m.uid).toBe(`${id}@vincula`);
      expect(m.sequence).toBe(1);
      expect(m.startUtc).toBe(`${movedTo}T18:00:00.000Z`);
    }
    // A change of the minutes' text is no move: nothing sent.
    await liaison.patch(`/api/governance/sessions/${id}`, { minutesText: 'Borrador' });

    expect(
      (
        await liaison.post(`/api/governance/sessions/${id}/cancellation`, {
          reason: 'Falta de quórum previsible',
        })
      ).status,
    ).toBe(200);
    const cancel = await until(() => sink.received.length >= 9 && invitations(6));
    expect(sink.received).toHaveLength(9);
    for (const m of cancel) {
      expect(m.method).toBe('CANCEL');
      expect(m.uid).toBe(`${id}@vincula`);
      expect(m.sequence).toBe(2);
      expect(m.text).toContain('Falta de quórum previsible');
    }
    expect((await detail(id)).convocation!.sequence).toBe(2);
    // Cancelled: the link no longer takes confirmations.
    expect(
      (await anonymous.post(`/api/public/convocations/${token}/response`, { response: 'attending' })).status,
    ).toBe(409);
  });

  it('warns in Spanish when convened too late, sends nothing until confirmed, and records it as late', async () => {
    const heldOn = addDays(todayInMexicoCity(), 2);
    const id = await session(heldOn, '23:00');
    const before = sink.received.length;
    const late = await liaison.post(`/api/governance/sessions/${id}/convocation`, {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CONVOCATION_LATE' });
    expect((late.body as { message: string }).message).toMatch(
      /debe convocarse con al menos 72 horas de anticipación y faltan \d+/,
    );
    expect((await detail(id)).convocation).toBeNull();

    const confirmed = await liaison.post<Convocation>(`/api/governance/sessions/${id}/convocation`, {
      confirmLate: true,
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.late).toBe(true);
    expect(confirmed.body.givenHours).toBeLessThan(72);
    await until(() => sink.received.length >= before + 3);

    // An extraordinary session two days ahead is on time (24 h); the setting can demand more.
    const extra = await session(heldOn, '23:00', 'extraordinaria');
    expect((await liaison.get(`/api/governance/notice-settings`)).body).toEqual({
      ordinaryNoticeHours: 72,
      extraordinaryNoticeHours: 24,
      urgentNoticeHours: 0,
    });
    const put = await liaison.put(`/api/governance/notice-settings`, {
      ordinaryNoticeHours: 96,
      extraordinaryNoticeHours: 100,
      urgentNoticeHours: 0,
    });
    expect(put.status).toBe(200);
    const tooLate = await liaison.post(`/api/governance/sessions/${extra}/convocation`, {});
    expect(tooLate.body).toMatchObject({ code: 'CONVOCATION_LATE' });
    expect((await liaison.put(`/api/governance/notice-settings`, { ordinaryNoticeHours: -1 })).status).toBe(
      400,
    );
  });

  it('refuses a session without a start time, naming the field', async () => {
    const id = await session(addDays(todayInMexicoCity(), 20), null);
    const res = await liaison.post(`/api/governance/sessions/${id}/convocation`, {});
    expect(res.status).toBe(400);
    expect((res.body as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['startTime']);
    expect((await detail(id)).convocation).toBeNull();
  });
});

describe('votes on agreements', () => {
  let sessionId: string;
  let majority: Agreement;

  beforeAll(async () => {
    sessionId = (
      await created(
        liaison.post(`/api/governance/bodies/${ids.body}/sessions`, {
          kind: 'ordinaria',
          heldOn: '2024-03-07',
          modality: 'presencial',
        }),
      )
    ).id;
    await created(
      liaison.put(`/api/governance/sessions/${sessionId}/attendance`, {
        entries: [
          { personId: ids['Ana Presidenta'], present: true },
          { personId: ids['Beto Integrante'], present: true },
          { personId: ids['Carla Integrante'], present: false },
        ],
      }),
    );
    majority = await created<Agreement>(
      liaison.post(`/api/governance/sessions/${sessionId}/agreements`, {
        title: 'Se aprueba el programa de trabajo',
        voteKind: 'recorded',
        votes: [{ personId: ids['Ana Presidenta'], vote: 'favor' }],
      }),
    );
  });

  it('records each voting member once, consistent with attendance; refuses a non-member and a second vote with nothing written', async () => {
    const url = `/api/governance/agreements/${majority.id}/votes`;
    const beto = await liaison.post<Agreement>(url, { personId: ids['Beto Integrante'], vote: 'contra' });
    expect(beto.status).toBe(201);

    const twice = await liaison.post(url, { personId: ids['Beto Integrante'], vote: 'favor' });
    expect(twice.status).toBe(409);
    expect((twice.body as { message: string }).message).toMatch(/Beto Integrante ya votó .* \(en contra\)/);

    const stranger = await liaison.post(url, { personId: ids['Gina Ajena'], vote: 'favor' });
    expect(stranger.status).toBe(400);
    expect(stranger.body).toMatchObject({
      fields: [{ path: 'personId', message: 'No es integrante con voto en la fecha de la sesión' }],
    });
    const invitee = await liaison.post(url, { personId: ids['Iván Invitado'], vote: 'favor' });
    expect(invitee.status).toBe(400);

    const absentVoting = await liaison.post(url, { personId: ids['Carla Integrante'], vote: 'favor' });
    expect(absentVoting.status).toBe(400);
    expect(absentVoting.body).toMatchObject({ fields: [{ path: 'vote' }] });
    const badVote = await liaison.post(url, { personId: ids['Carla Integrante'], vote: 'quizá' });
    expect(badVote.status).toBe(400);

    let now = (await liaison.get<Agreement>(`/api/governance/agreements/${majority.id}`)).body;
    expect(now.votes.map((v) => [v.personName, v.vote]).sort()).toEqual([
      ['Ana Presidenta', 'favor'],
      ['Beto Integrante', 'contra'],
    ]);
    expect((await liaison.post(url, { personId: ids['Carla Integrante'], vote: 'ausente' })).status).toBe(
      201,
    );
    now = (await liaison.get<Agreement>(`/api/governance/agreements/${majority.id}`)).body;
    expect(now.votes).toHaveLength(3);
  });

  it('attaches a voto particular of who voted against and refuses one of who voted in favour', async () => {
    const url = (personId: string, kind: string) =>
      `/api/governance/agreements/${majority.id}/opinions?personId=${personId}&kind=${kind}`;
    const file = () => {
      const form = new FormData();
      form.append('file', new Blob(['%PDF-1.4 voto'], { type: 'application/pdf' }), 'voto-particular.pdf');
      return form;
    };
    const dissent = await liaison.post<Agreement>(url(ids['Beto Integrante']!, 'particular'), file());
    expect(dissent.status).toBe(201);
    expect(dissent.body.opinions).toMatchObject([
      { kind: 'particular', personName: 'Beto Integrante', filename: 'voto-particular.pdf' },
    ]);
    const wrong = await liaison.post(url(ids['Ana Presidenta']!, 'particular'), file());
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ fields: [{ path: 'kind' }] });
    const concurring = await liaison.post<Agreement>(url(ids['Ana Presidenta']!, 'concurrente'), file());
    expect(concurring.status).toBe(201);
    const download = await liaison.get(
      `/api/governance/agreements/${majority.id}/opinions/${dissent.body.opinions[0]!.id}`,
    );
    expect(download.status).toBe(200);

    // The minutes name the votes and the opinions.
    const minutes = await liaison.getBytes(
      `/api/governance/sessions/${sessionId}/documents/minuta?format=docx`,
    );
    expect(minutes.status).toBe(200);
    const xml = await (await JSZip.loadAsync(minutes.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain(
      'Se aprueba el programa de trabajo (por mayoría, 1 voto a favor, 1 en contra, 0 abstenciones (a favor: Ana Presidenta; en contra: Beto Integrante; ausente: Carla Integrante); con voto particular de Beto Integrante; con voto concurrente de Ana Presidenta)',
    );
  });

  it('refuses individual votes on a unanimous agreement', async () => {
    const unanimous = await created<Agreement>(
      liaison.post(`/api/governance/sessions/${sessionId}/agreements`, {
        title: 'Se aprueba el orden del día',
      }),
    );
    const res = await liaison.post(`/api/governance/agreements/${unanimous.id}/votes`, {
      personId: ids['Ana Presidenta'],
      vote: 'favor',
    });
    expect(res.status).toBe(409);
    expect((res.body as { message: string }).message).toMatch(/por unanimidad/);
  });
});
