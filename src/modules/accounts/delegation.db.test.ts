import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { HttpClient } from '../../../tests/support/http-client';
import { verifyAuditTrail } from '../audit/verify-audit-trail';
import { todayIn } from './delegation-contract';

/**
 * Acting for an absent person (encargo de despacho, ADR 0035): an administrator records that A acts
 * for B during a period; within it A sees B's routed folios and answers them «por ausencia de B»;
 * before and after it, and once ended early, B's slips answer A 404 like anyone else's.
 */

type Problem = { code: string; message: string; fields: { path: string; message: string }[] };
type Delegation = { id: string; status: string; absent: { name: string }; acting: { name: string } };
type QueueItem = { id: string; actingFor: { userId: string; name: string } | null };
type Page<T> = { items: T[]; total: number };

describe('delegations: recording them, and the absent person’s queue in the acting person’s hands', () => {
  let t: TestApp;
  let opla: TestOrg;
  let oplb: TestOrg;
  let admin: HttpClient;
  let liaison: HttpClient;
  let absentStaff: HttpClient;
  let actingStaff: HttpClient;
  let councillor: HttpClient;
  let ids: { absent: string; acting: string; councillor: string; disabled: string; otherOrg: string };
  let slips: string[];
  let folios: string[];
  const today = todayIn('America/Mexico_City');

  const count = async (table: string) =>
    Number((await t.ctx.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

  async function userId(c: HttpClient) {
    return (await c.get<{ id: string }>('/api/me')).body.id;
  }

  async function newUser(email: string, name: string, roles: string[], areaIds: string[]) {
    const res = await admin.post<{ id: string }>('/api/users', {
      name,
      email,
      password: TEST_PASSWORD,
      roles,
      areaIds,
    });
    expect(res.status).toBe(201);
    const c = new HttpClient(t.url);
    await c.signIn(email, TEST_PASSWORD);
    return { id: res.body.id, client: c };
  }

  beforeAll(async () => {
    t = await startTestApp();
    const ine = await t.createOrg('INED', 'national_authority');
    opla = await t.createOrg('OPLD');
    oplb = await t.createOrg('OPLE');
    admin = await t.as(opla, 'administrator');
    liaison = await t.as(opla, 'liaison_staff');
    const area = async (name: string) =>
      (await admin.post<{ id: string }>('/api/areas', { name, kind: 'directorate' })).body.id;
    const legal = await area('Dirección Ejecutiva de Asuntos Jurídicos');
    const training = await area('Dirección Ejecutiva de Capacitación');
    const absent = await newUser('titular@opld.test', 'Lucía Herrera Campos', ['area_staff'], [legal]);
    const acting = await newUser('suplente@opld.test', 'Mario Ortiz Vega', ['area_staff'], [training]);
    const away = await newUser('baja@opld.test', 'Cuenta Desactivada', ['area_staff'], [training]);
    expect((await admin.patch(`/api/users/${away.id}`, { disabled: true })).status).toBe(200);
    absentStaff = absent.client;
    actingStaff = acting.client;
    councillor = await t.as(opla, 'councillor');
    ids = {
      absent: absent.id,
      acting: acting.id,
      councillor: await userId(councillor),
      disabled: away.id,
      otherOrg: await userId(await t.as(oplb, 'area_staff')),
    };

    // Three folios of the INE, each routed to the absent person's area.
    const ineStaff = await t.as(ine, 'national_authority_staff');
    slips = [];
    folios = [];
    for (const subject of ['Consulta sobre convenios', 'Solicitud de informe', 'Aviso de reunión']) {
      const sent = await ineStaff.post<{ folioIds: string[] }>('/api/channel/communications', {
        module: 'follow_up',
        documentType: 'oficio',
        subject,
        sentOn: today,
        recipientOrgIds: [opla.id],
      });
      expect(sent.status).toBe(201);
      const folioId = sent.body.folioIds[0]!;
      folios.push(folioId);
      expect(
        (await liaison.post(`/api/channel/folios/${folioId}/routings`, { responsibleAreaId: legal })).status,
      ).toBe(201);
      const [slip] = (await liaison.get<{ id: string }[]>(`/api/channel/folios/${folioId}/routings`)).body;
      slips.push(slip!.id);
    }
    // The third folio asks for a monthly report, which the absent person's area answers.
    const obligation = await liaison.post(`/api/channel/folios/${folios[2]}/obligations`, {
      description: 'Informe mensual del avance',
      dueRule: { kind: 'last_business_day_of_month' },
      startsOn: today,
      endsOn: addDays(today, 40),
      areaId: legal,
    });
    expect(obligation.status).toBe(201);
  });
  afterAll(() => t.close());

  const valid = () => ({
    absentUserId: ids.absent,
    actingUserId: ids.acting,
    startsOn: today,
    endsOn: addDays(today, 4),
    reason: 'Vacaciones',
  });

  it('before any delegation, the absent person’s slips answer the other area’s staff 404', async () => {
    const queue = await actingStaff.get<Page<QueueItem>>('/api/channel/my-routings');
    expect(queue.body.items.map((i) => i.id)).not.toContain(slips[0]);
    expect((await actingStaff.get(`/api/channel/my-routings/${slips[0]}`)).status).toBe(404);
    expect(
      (await actingStaff.post(`/api/channel/my-routings/${slips[0]}/answer`, { text: 'Intento' })).status,
    ).toBe(404);
  });

  it('refuses bad input in Spanish, on its fields, and writes nothing', async () => {
    const before = { delegations: await count('delegation'), audit: await count('audit_entry') };
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ startsOn: addDays(today, 5), endsOn: today }, 400, 'endsOn', /termina antes de empezar/],
      [{ actingUserId: ids.absent }, 400, 'actingUserId', /no puede suplirse a sí misma/],
      [{ actingUserId: ids.otherOrg }, 400, 'actingUserId', /no es usuario de su organización/],
      [{ absentUserId: ids.otherOrg }, 400, 'absentUserId', /no es usuaria de su organización/],
      [{ actingUserId: ids.disabled }, 400, 'actingUserId', /está desactivada/],
      [{ startsOn: addDays(today, -9), endsOn: addDays(today, -2) }, 400, 'endsOn', /ya terminó/],
      [{ endsOn: addDays(today, 400) }, 400, 'endsOn', /a lo más un año/],
      [{ startsOn: '2026-02-30' }, 400, 'startsOn', /no existe/],
      [{ reason: '   ' }, 400, 'reason', /Indique el motivo/],
      [{ actingUserId: 'no-es-un-id' }, 400, 'actingUserId', /Seleccione a la persona que la suple/],
    ];
    for (const [change, status, path, message] of cases) {
      const res = await admin.post<Problem>('/api/delegations', { ...valid(), ...change });
      expect(res.status, JSON.stringify(change)).toBe(status);
      const field = res.body.fields.find((f) => f.path === path);
      expect(field?.message, JSON.stringify(res.body)).toMatch(message);
    }
    // Only administrators record delegations.
    expect((await liaison.post('/api/delegations', valid())).status).toBe(403);
    expect((await actingStaff.get('/api/delegations')).status).toBe(403);
    expect({ delegations: await count('delegation'), audit: await count('audit_entry') }).toEqual(before);
  });

  it('records one, and refuses another of the same absent person on any of its days (409)', async () => {
    const res = await admin.post<Delegation>('/api/delegations', valid());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'current',
      absent: { name: 'Lucía Herrera Campos' },
      acting: { name: 'Mario Ortiz Vega' },
    });
    const before = await count('delegation');
    const clash = await admin.post<Problem>('/api/delegations', {
      ...valid(),
      actingUserId: ids.councillor,
      startsOn: addDays(today, 4),
      endsOn: addDays(today, 10),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.fields.map((f) => f.path)).toEqual(['startsOn', 'endsOn']);
    expect(clash.body.message).toMatch(/Lucía Herrera Campos ya tiene quien la supla \(Mario Ortiz Vega\)/);
    expect(await count('delegation')).toBe(before);

    const audit = await admin.get<Page<{ action: string; after: { reason: string } }>>(
      '/api/audit?entityType=delegation',
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'delegation.create',
      after: { reason: 'Vacaciones' },
    });
    const list = await admin.get<Page<Delegation>>('/api/delegations');
    expect(list.body.items.map((d) => d.id)).toContain(res.body.id);
  });

  it('within the period, A sees B’s slips marked «por ausencia de B» and answers one on B’s behalf', async () => {
    const me = await actingStaff.get<{ actingFor: { userId: string; name: string }[] }>('/api/me');
    expect(me.body.actingFor).toEqual([
      { userId: ids.absent, name: 'Lucía Herrera Campos', endsOn: addDays(today, 4) },
    ]);
    const queue = await actingStaff.get<Page<QueueItem>>('/api/channel/my-routings');
    const mine = queue.body.items.filter((i) => slips.includes(i.id));
    expect(mine).toHaveLength(3);
    for (const i of mine) expect(i.actingFor).toEqual({ userId: ids.absent, name: 'Lucía Herrera Campos' });
    expect((await actingStaff.get<QueueItem>(`/api/channel/my-routings/${slips[0]}`)).body.actingFor).toEqual(
      {
        userId: ids.absent,
        name: 'Lucía Herrera Campos',
      },
    );

    const answer = await actingStaff.post(`/api/channel/my-routings/${slips[0]}/answer`, {
      text: 'Se envía la información solicitada.',
    });
    expect(answer.status).toBe(200);

    // On the record: the folio's slips, as liaison staff read them, and the row itself.
    const history = await liaison.get<{ id: string; closedBy: string; closedOnBehalfOf: string }[]>(
      `/api/channel/folios/${folios[0]}/routings`,
    );
    expect(history.body.find((r) => r.id === slips[0])).toMatchObject({
      closedBy: 'Mario Ortiz Vega',
      closedOnBehalfOf: 'Lucía Herrera Campos',
    });
    const routings = await t.ctx.database.query<{ closed_by: string; closed_on_behalf_of: string }>(
      `select closed_by, closed_on_behalf_of from channel_routing where id = $1`,
      [slips[0]],
    );
    expect(routings[0]).toEqual({ closed_by: ids.acting, closed_on_behalf_of: ids.absent });

    // In the audit trail: who acted, and for whom, with the absent person's id.
    const audit = await admin.get<
      Page<{ action: string; actorUserId: string; onBehalfOfUserId: string; onBehalfOfLabel: string }>
    >(`/api/audit?entityId=${slips[0]}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'channel.routing_answered',
      actorUserId: ids.acting,
      onBehalfOfUserId: ids.absent,
      onBehalfOfLabel: 'Lucía Herrera Campos <titular@opld.test>',
    });
    // The chain still verifies with the new fields hashed.
    expect((await verifyAuditTrail(t.ctx.database.db)).problems).toEqual([]);

    // B, back at their desk, reads the slip answered in their absence.
    const own = await absentStaff.get<{ closedBy: string; closedOnBehalfOf: string }>(
      `/api/channel/my-routings/${slips[0]}`,
    );
    expect(own.body).toMatchObject({
      closedBy: 'Mario Ortiz Vega',
      closedOnBehalfOf: 'Lucía Herrera Campos',
    });
    expect((own.body as unknown as QueueItem).actingFor).toBeNull();
  });

  it('A returns another of B’s slips and attaches a file to a third, both on B’s behalf', async () => {
    const back = await actingStaff.post(`/api/channel/my-routings/${slips[1]}/return`, {
      reason: 'No corresponde al área.',
    });
    expect(back.status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 anexo'], { type: 'application/pdf' }), 'anexo.pdf');
    const file = await actingStaff.post<{ id: string }>(
      `/api/channel/my-routings/${slips[2]}/attachments`,
      form,
    );
    expect(file.status).toBe(201);
    expect((await actingStaff.getBytes(`/api/channel/attachments/${file.body.id}`)).status).toBe(200);
    const rows = await t.ctx.database.query<{ action: string; on_behalf_of_user_id: string }>(
      `select action, on_behalf_of_user_id from audit_entry where actor_user_id = $1 and action like 'channel.%' order by seq`,
      [ids.acting],
    );
    expect(rows.map((r) => [r.action, r.on_behalf_of_user_id])).toEqual([
      ['channel.routing_answered', ids.absent],
      ['channel.routing_returned', ids.absent],
      ['channel.attachment_added', ids.absent],
    ]);
  });

  it('A answers B’s months of a recurring obligation and attaches a file, on B’s behalf', async () => {
    type Month = { id: string; folio: { id: string }; actingFor: { userId: string; name: string } | null };
    const months = (await actingStaff.get<Month[]>('/api/channel/my-occurrences')).body.filter(
      (m) => m.folio.id === folios[2],
    );
    expect(months.length).toBeGreaterThanOrEqual(2);
    for (const m of months) expect(m.actingFor).toEqual({ userId: ids.absent, name: 'Lucía Herrera Campos' });
    // B's own queue lists the same months as B's own.
    const own = (await absentStaff.get<Month[]>('/api/channel/my-occurrences')).body;
    expect(own.filter((m) => m.folio.id === folios[2]).map((m) => m.actingFor)).toEqual(
      months.map(() => null),
    );

    const answered = await actingStaff.post(`/api/channel/occurrences/${months[0]!.id}/answer`, {
      on: today,
      text: 'Se envía el informe del mes.',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 mes'], { type: 'application/pdf' }), 'informe-mes.pdf');
    expect(
      (await actingStaff.post(`/api/channel/occurrences/${months[1]!.id}/attachments`, form)).status,
    ).toBe(201);
    // The acting person's last two acts in the channel.
    const rows = await t.ctx.database.query<{ action: string; on_behalf_of_user_id: string }>(
      `select * from (select seq, action, on_behalf_of_user_id from audit_entry
        where actor_user_id = $1 and action like 'channel.%' order by seq desc limit 2) last order by seq`,
      [ids.acting],
    );
    expect(rows.map((r) => [r.action, r.on_behalf_of_user_id])).toEqual([
      ['channel.occurrence_answer', ids.absent],
      ['channel.attachment_added', ids.absent],
    ]);
  });

  it('after the period (it ends by itself), B’s slips answer A 404 again', async () => {
    await t.ctx.database.query(
      `update delegation set starts_on = $1, ends_on = $2 where absent_user_id = $3`,
      [addDays(today, -7), addDays(today, -1), ids.absent],
    );
    const queue = await actingStaff.get<Page<QueueItem>>('/api/channel/my-routings?state=all');
    expect(queue.body.items.filter((i) => slips.includes(i.id))).toEqual([]);
    expect((await actingStaff.get(`/api/channel/my-routings/${slips[2]}`)).status).toBe(404);
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 tarde'], { type: 'application/pdf' }), 'tarde.pdf');
    expect((await actingStaff.post(`/api/channel/my-routings/${slips[2]}/attachments`, form)).status).toBe(
      404,
    );
    expect(
      (await actingStaff.post(`/api/channel/my-routings/${slips[2]}/answer`, { text: 'Tarde' })).status,
    ).toBe(404);
    // B's months too: gone from A's queue, and answering one is refused as to anyone of another area.
    const months = await actingStaff.get<{ id: string; folio: { id: string } }[]>(
      '/api/channel/my-occurrences?state=all',
    );
    expect(months.body.filter((m) => m.folio.id === folios[2])).toEqual([]);
    const [month] = await t.ctx.database.query<{ id: string }>(
      `select o.id from channel_occurrence o join channel_obligation b on b.id = o.obligation_id
        where b.folio_id = $1 and o.status = 'pending' order by o.period limit 1`,
      [folios[2]],
    );
    expect(
      (await actingStaff.post(`/api/channel/occurrences/${month!.id}/answer`, { on: today, text: 'Tarde' }))
        .status,
    ).toBe(404);
    expect((await actingStaff.get<{ actingFor: unknown[] }>('/api/me')).body.actingFor).toEqual([]);
    const list = await admin.get<Page<Delegation>>('/api/delegations?state=all');
    expect(list.body.items[0]!.status).toBe('finished');
    expect((await admin.post<Problem>(`/api/delegations/${list.body.items[0]!.id}/end`)).status).toBe(409);
  });

  it('a delegation to someone who answers for no area: the queue while it holds, 403 before it starts', async () => {
    const scheduled = await admin.post<Delegation>('/api/delegations', {
      ...valid(),
      actingUserId: ids.councillor,
      startsOn: addDays(today, 1),
      endsOn: addDays(today, 3),
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.status).toBe('scheduled');
    expect((await councillor.get('/api/channel/my-routings')).status).toBe(403);
    expect((await councillor.get(`/api/channel/my-routings/${slips[2]}`)).status).toBe(403);

    await t.ctx.database.query(`update delegation set starts_on = $1 where id = $2`, [
      today,
      scheduled.body.id,
    ]);
    const me = await councillor.get<{ permissions: string[] }>('/api/me');
    expect(me.body.permissions).toContain('channel.answer');
    const queue = await councillor.get<Page<QueueItem>>('/api/channel/my-routings');
    expect(queue.body.items.map((i) => i.id)).toEqual([slips[2]]);
    // B's months come with B's queue, each marked with whom it is answered for.
    const months = await councillor.get<{ folio: { id: string }; actingFor: { userId: string } | null }[]>(
      '/api/channel/my-occurrences',
    );
    expect(months.body.length).toBeGreaterThan(0);
    for (const m of months.body) expect([m.folio.id, m.actingFor?.userId]).toEqual([folios[2], ids.absent]);

    // Ended early by the administrator: gone at once.
    const ended = await admin.post<Delegation>(`/api/delegations/${scheduled.body.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect((await councillor.get(`/api/channel/my-routings/${slips[2]}`)).status).toBe(403);
    expect((await councillor.get<{ permissions: string[] }>('/api/me')).body.permissions).not.toContain(
      'channel.answer',
    );
    const again = await admin.post<Problem>(`/api/delegations/${scheduled.body.id}/end`);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('La suplencia ya terminó.');
    // Its days are free again for another delegation of the same person.
    expect(
      (
        await admin.post('/api/delegations', {
          ...valid(),
          startsOn: addDays(today, 1),
          endsOn: addDays(today, 2),
        })
      ).status,
    ).toBe(201);
  });
});
