import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexicoCity } from '../../shared/dates';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { HttpClient } from '../../../tests/support/http-client';

type Attachment = { id: string; owner: string; filename: string; sha256: string; size: number };
type Routing = {
  id: string;
  area: { id: string; name: string };
  role: string;
  state: string;
  internalDueOn: string | null;
  answerText: string | null;
  returnReason: string | null;
  previousId: string | null;
  businessDaysInArea: number;
  assignedBy: string | null;
  closedBy: string | null;
  attachments: Attachment[];
};
type QueueItem = Routing & { folioSummary: { id: string; folio: string; status: string; overdue: boolean } };

function file(name: string, content: string | Buffer, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }),
    name,
  );
  return form;
}
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

describe('routing a folio to areas, their answers and the consolidated answer', () => {
  let t: TestApp;
  let ine: TestOrg;
  let opla: TestOrg;
  let oplb: TestOrg;
  let ineStaff: HttpClient;
  let liaison: HttpClient;
  let admin: HttpClient;
  let areaStaff: HttpClient;
  let otherAreaStaff: HttpClient;
  let bLiaison: HttpClient;
  let areas: { organization: string; secretariat: string; legal: string };
  let folioId: string;
  let communicationId: string;
  let responsibleSlip: string;
  let informedSlip: string;
  let communicationFile: Attachment;
  let answerFile: Attachment;

  beforeAll(async () => {
    // A small limit (2 KB) so that "too big" needs no large body.
    t = await startTestApp({ VINCULA_CHANNEL_ATTACHMENT_MAX_MB: '0.002' });
    ine = await t.createOrg('INEX', 'national_authority');
    opla = await t.createOrg('OPLA');
    oplb = await t.createOrg('OPLB');
    ineStaff = await t.as(ine, 'national_authority_staff');
    liaison = await t.as(opla, 'liaison_staff');
    admin = await t.as(opla, 'administrator');
    bLiaison = await t.as(oplb, 'liaison_staff');
    const area = async (name: string) =>
      (await admin.post<{ id: string }>('/api/areas', { name, kind: 'directorate' })).body.id;
    areas = {
      organization: await area('Dirección Ejecutiva de Organización Electoral'),
      secretariat: await area('Secretaría Ejecutiva'),
      legal: await area('Dirección Ejecutiva de Asuntos Jurídicos'),
    };
    // The area-staff user of OPLA works in the organization directorate; another one in the secretariat.
    const users = await admin.get<{ items: { id: string; email: string }[] }>('/api/users?q=area-staff');
    const user = users.body.items.find((u) => u.email === opla.users.area_staff)!;
    expect((await admin.patch(`/api/users/${user.id}`, { areaIds: [areas.organization] })).status).toBe(200);
    const created = await admin.post('/api/users', {
      name: 'Personal de la Secretaría',
      email: 'secretaria@opla.test',
      password: TEST_PASSWORD,
      roles: ['area_staff'],
      areaIds: [areas.secretariat],
    });
    expect(created.status).toBe(201);
    areaStaff = await t.as(opla, 'area_staff');
    otherAreaStaff = new HttpClient(t.url);
    await otherAreaStaff.signIn('secretaria@opla.test', TEST_PASSWORD);

    const sent = await ineStaff.post<{ communicationId: string; folioIds: string[] }>(
      '/api/channel/communications',
      {
        module: 'follow_up',
        documentType: 'oficio',
        subject: 'Solicitud de información sobre la integración de consejos distritales',
        body: 'Remitir la información a más tardar en diez días hábiles.',
        sentOn: todayInMexicoCity(),
        recipientOrgIds: [opla.id, oplb.id],
        dueRule: { kind: 'business_days', days: 10 },
      },
    );
    expect(sent.status).toBe(201);
    communicationId = sent.body.communicationId;
    const mine = await liaison.get<{ items: { id: string }[] }>('/api/channel/folios');
    folioId = mine.body.items[0]!.id;
  });
  afterAll(() => t.close());

  it('the national authority attaches the document to its communication; type and size are checked', async () => {
    const pdf = '%PDF-1.4 oficio INE';
    const ok = await ineStaff.post<Attachment>(
      `/api/channel/communications/${communicationId}/attachments`,
      file('Oficio INE.pdf', pdf, 'application/pdf'),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ owner: 'communication', filename: 'Oficio INE.pdf', sha256: sha(pdf) });
    communicationFile = ok.body;

    const exe = await ineStaff.post<{ code: string; fields: { path: string }[] }>(
      `/api/channel/communications/${communicationId}/attachments`,
      file('programa.exe', 'MZ', 'application/pdf'),
    );
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(exe.body.fields[0]!.path).toBe('file');

    const big = await ineStaff.post<{ code: string }>(
      `/api/channel/communications/${communicationId}/attachments`,
      file('anexo.pdf', Buffer.alloc(3000, 1)),
    );
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');

    // Only the originator attaches to a communication; a recipient cannot.
    expect(
      (await liaison.post(`/api/channel/communications/${communicationId}/attachments`, file('x.pdf', 'x')))
        .status,
    ).toBe(404);
    const files = await liaison.get<Attachment[]>(`/api/channel/folios/${folioId}/attachments`);
    expect(files.body.map((f) => f.filename)).toEqual(['Oficio INE.pdf']);
  });

  it('liaison staff route the folio: one responsible area, another for information, due in business days', async () => {
    const routed = await liaison.post<{ routingIds: string[]; internalDueOn: string }>(
      `/api/channel/folios/${folioId}/routings`,
      {
        responsibleAreaId: areas.organization,
        informedAreaIds: [areas.secretariat],
        instructions: 'Preparar la información de los consejos distritales.',
        internalDueBusinessDays: 3,
      },
    );
    expect(routed.status).toBe(201);
    [responsibleSlip, informedSlip] = routed.body.routingIds as [string, string];
    expect(routed.body.internalDueOn > todayInMexicoCity()).toBe(true);

    const again = await liaison.post<{ code: string; fields: { path: string; message: string }[] }>(
      `/api/channel/folios/${folioId}/routings`,
      { responsibleAreaId: areas.legal },
    );
    expect(again.status).toBe(409);
    expect(again.body.fields).toEqual([
      {
        path: 'responsibleAreaId',
        message: 'El folio ya tiene un área responsable; reasigne ese turno para cambiarla.',
      },
    ]);
    const late = await liaison.post<{ fields: { path: string }[] }>(
      `/api/channel/folios/${folioId}/routings`,
      {
        informedAreaIds: [areas.legal],
        internalDueOn: '2099-01-01',
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.fields[0]!.path).toBe('internalDueOn');
    const foreign = await bLiaison.post(`/api/channel/folios/${folioId}/routings`, {
      informedAreaIds: [areas.legal],
    });
    expect(foreign.status).toBe(404);
    // Area staff and councillors do not route.
    expect(
      (await areaStaff.post(`/api/channel/folios/${folioId}/routings`, { informedAreaIds: [areas.legal] }))
        .status,
    ).toBe(403);
  });

  it('area staff see only their areas’ slips, and no folio outside them', async () => {
    const queue = await areaStaff.get<{ items: QueueItem[]; total: number }>('/api/channel/my-routings');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(1);
    expect(queue.body.items[0]).toMatchObject({
      id: responsibleSlip,
      role: 'responsible',
      state: 'assigned',
      overdue: false,
      folioSummary: { id: folioId, status: 'pending_local', overdue: false },
    });
    const other = await otherAreaStaff.get<{ items: QueueItem[] }>('/api/channel/my-routings');
    expect(other.body.items.map((i) => i.id)).toEqual([informedSlip]);

    const detail = await areaStaff.get<{ folioSummary: { body: string }; folioAttachments: Attachment[] }>(
      `/api/channel/my-routings/${responsibleSlip}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.folioSummary.body).toContain('diez días hábiles');
    expect(detail.body.folioAttachments.map((f) => f.id)).toEqual([communicationFile.id]);
    const download = await areaStaff.get<string>(`/api/channel/attachments/${communicationFile.id}`);
    expect(download.status).toBe(200);
    expect(download.body).toBe('%PDF-1.4 oficio INE');

    expect((await otherAreaStaff.get(`/api/channel/my-routings/${responsibleSlip}`)).status).toBe(404);
    // The whole channel is not theirs to read.
    expect((await areaStaff.get(`/api/channel/folios/${folioId}`)).status).toBe(403);
    expect((await areaStaff.get('/api/channel/folios')).status).toBe(403);
  });

  it('an answer by staff of another area is refused and changes nothing', async () => {
    const res = await otherAreaStaff.post<{ code: string }>(
      `/api/channel/my-routings/${responsibleSlip}/answer`,
      {
        text: 'Respuesta indebida',
      },
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(
      (
        await otherAreaStaff.post(
          `/api/channel/my-routings/${responsibleSlip}/attachments`,
          file('a.pdf', 'x'),
        )
      ).status,
    ).toBe(404);
    expect(
      (await liaison.post(`/api/channel/my-routings/${responsibleSlip}/answer`, { text: 'x' })).status,
    ).toBe(403);
    const slips = await liaison.get<Routing[]>(`/api/channel/folios/${folioId}/routings`);
    expect(slips.body.find((s) => s.id === responsibleSlip)).toMatchObject({
      state: 'assigned',
      answerText: null,
      attachments: [],
    });
  });

  it('the responsible area answers with an attachment; closed slips take no more', async () => {
    const content = 'Informe de integración de consejos distritales';
    const bad = await areaStaff.post<{ code: string }>(
      `/api/channel/my-routings/${responsibleSlip}/attachments`,
      file('informe.bat', content),
    );
    expect(bad.status).toBe(415);
    const up = await areaStaff.post<Attachment>(
      `/api/channel/my-routings/${responsibleSlip}/attachments`,
      file('Informe DEOE.docx', content),
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      owner: 'routing',
      sha256: sha(content),
      size: Buffer.byteLength(content),
    });
    answerFile = up.body;

    const empty = await areaStaff.post<{ code: string }>(
      `/api/channel/my-routings/${responsibleSlip}/answer`,
      {
        text: '  ',
      },
    );
    expect(empty.status).toBe(400);
    const answered = await areaStaff.post(`/api/channel/my-routings/${responsibleSlip}/answer`, {
      text: 'Se adjunta el informe solicitado.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ state: 'answered' });

    const twice = await areaStaff.post<{ code: string; message: string }>(
      `/api/channel/my-routings/${responsibleSlip}/return`,
      { reason: 'Otro motivo' },
    );
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'CONFLICT', message: 'El turno ya fue respondido.' });
    expect(
      (await areaStaff.post(`/api/channel/my-routings/${responsibleSlip}/attachments`, file('b.pdf', 'b')))
        .status,
    ).toBe(409);

    // The area's file is internal: not for other areas, other bodies or the national authority.
    expect((await otherAreaStaff.get(`/api/channel/attachments/${answerFile.id}`)).status).toBe(404);
    expect((await bLiaison.get(`/api/channel/attachments/${answerFile.id}`)).status).toBe(404);
    expect((await ineStaff.get(`/api/channel/attachments/${answerFile.id}`)).status).toBe(404);
    const own = await liaison.get<string>(`/api/channel/attachments/${answerFile.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toBe(content);
  });

  it('liaison staff reassign the informed slip; the area that returns gives a reason', async () => {
    const moved = await liaison.post<{ routingId: string }>(
      `/api/channel/routings/${informedSlip}/reassign`,
      {
        areaId: areas.legal,
        reason: 'Corresponde a Asuntos Jurídicos',
      },
    );
    expect(moved.status).toBe(201);
    expect((await otherAreaStaff.get('/api/channel/my-routings')).body).toMatchObject({ total: 0 });
    const repeat = await liaison.post(`/api/channel/routings/${informedSlip}/reassign`, {
      areaId: areas.secretariat,
      reason: 'x',
    });
    expect(repeat.status).toBe(409);

    const slips = await liaison.get<Routing[]>(`/api/channel/folios/${folioId}/routings`);
    expect(slips.body.map((s) => [s.area.name, s.role, s.state, s.previousId])).toEqual([
      ['Dirección Ejecutiva de Organización Electoral', 'responsible', 'answered', null],
      ['Secretaría Ejecutiva', 'informed', 'withdrawn', null],
      ['Dirección Ejecutiva de Asuntos Jurídicos', 'informed', 'assigned', informedSlip],
    ]);
    const answered = slips.body[0]!;
    expect(answered).toMatchObject({
      answerText: 'Se adjunta el informe solicitado.',
      assignedBy: 'liaison_staff OPLA',
      closedBy: 'area_staff OPLA',
      businessDaysInArea: 0,
    });
    expect(answered.attachments.map((f) => f.id)).toEqual([answerFile.id]);
    expect(slips.body[1]!.returnReason).toBe('Corresponde a Asuntos Jurídicos');
  });

  it('the area whose slip was reassigned no longer reads the folio; liaison staff keep its history', async () => {
    // The secretariat held the informed slip until it was reassigned to Asuntos Jurídicos.
    const detail = await otherAreaStaff.get<{ code: string }>(`/api/channel/my-routings/${informedSlip}`);
    expect(detail.status).toBe(404);
    expect(detail.body.code).toBe('NOT_FOUND');
    const all = await otherAreaStaff.get<{ items: QueueItem[]; total: number }>(
      '/api/channel/my-routings?state=all',
    );
    expect(all.body).toMatchObject({ items: [], total: 0 });
    expect((await otherAreaStaff.get(`/api/channel/attachments/${communicationFile.id}`)).status).toBe(404);

    // A file the national authority adds afterwards reaches the areas that hold the folio, not the old one.
    const later = await ineStaff.post<Attachment>(
      `/api/channel/communications/${communicationId}/attachments`,
      file('Alcance INE.pdf', '%PDF-1.4 alcance', 'application/pdf'),
    );
    expect(later.status).toBe(201);
    expect((await otherAreaStaff.get(`/api/channel/attachments/${later.body.id}`)).status).toBe(404);
    const answering = await areaStaff.get<string>(`/api/channel/attachments/${later.body.id}`);
    expect(answering.status).toBe(200);
    expect(answering.body).toBe('%PDF-1.4 alcance');

    const history = await liaison.get<Routing[]>(`/api/channel/folios/${folioId}/routings`);
    expect(history.body.find((s) => s.id === informedSlip)).toMatchObject({
      state: 'withdrawn',
      area: { id: areas.secretariat },
    });
  });

  it('folio lists filter by routed area and show the areas; the export carries them', async () => {
    type Listed = { id: string; areas: { id: string; name: string; role: string }[] };
    const byArea = async (c: HttpClient, areaId: string) =>
      (await c.get<{ items: Listed[]; total: number }>(`/api/channel/folios?areaId=${areaId}`)).body;
    const legal = await byArea(liaison, areas.legal);
    expect(legal.items.map((f) => f.id)).toEqual([folioId]);
    expect(legal.items[0]!.areas).toEqual([
      { id: areas.organization, name: 'Dirección Ejecutiva de Organización Electoral', role: 'responsible' },
      { id: areas.legal, name: 'Dirección Ejecutiva de Asuntos Jurídicos', role: 'informed' },
    ]);
    expect((await byArea(liaison, areas.organization)).total).toBe(1);
    // The secretariat's slip was withdrawn when it was reassigned.
    expect((await byArea(liaison, areas.secretariat)).total).toBe(0);
    // Another organization's area id filters nothing in: no folio of its own is routed there.
    expect((await byArea(bLiaison, areas.legal)).total).toBe(0);
    const detail = await liaison.get<Listed>(`/api/channel/folios/${folioId}`);
    expect(detail.body.areas.map((a) => a.name)).toEqual([
      'Dirección Ejecutiva de Organización Electoral',
      'Dirección Ejecutiva de Asuntos Jurídicos',
    ]);
    // The national authority sees the folio, not the local body's internal routing.
    expect((await ineStaff.get<Listed>(`/api/channel/folios/${folioId}`)).body.areas).toEqual([]);
    const csv = await liaison.request<string>(
      'GET',
      `/api/channel/folios/export?format=csv&areaId=${areas.legal}`,
    );
    expect(csv.status).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').at(-1)).toBe('areas');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      'Dirección Ejecutiva de Organización Electoral (responsable); Dirección Ejecutiva de Asuntos Jurídicos (para conocimiento)',
    );
    expect((await liaison.get('/api/channel/folios?areaId=no-es-uuid')).status).toBe(400);
  });

  it('liaison staff consolidate: the answer and the area’s file go to the national authority, the status moves', async () => {
    const foreignFile = await liaison.post<{ code: string; fields: { path: string }[] }>(
      `/api/channel/folios/${folioId}/consolidate`,
      { event: 'local_answers', text: 'Respuesta', attachmentIds: [communicationFile.id] },
    );
    expect(foreignFile.status).toBe(400);
    expect(foreignFile.body.fields[0]!.path).toBe('attachmentIds.0');
    expect(
      (
        await bLiaison.post(`/api/channel/folios/${folioId}/consolidate`, {
          event: 'local_answers',
          text: 'x',
        })
      ).status,
    ).toBe(404);

    const answer = {
      event: 'local_answers',
      text: 'Se remite la información de los consejos distritales.',
      attachmentIds: [answerFile.id],
    };
    // A slip is still open in an area: the answer asks what happens to it, and nothing is written.
    const unasked = await liaison.post<{ code: string; message: string; fields: { path: string }[] }>(
      `/api/channel/folios/${folioId}/consolidate`,
      answer,
    );
    expect(unasked.status).toBe(400);
    expect(unasked.body.code).toBe('VALIDATION_FAILED');
    expect(unasked.body.fields.map((f) => f.path)).toEqual(['openRoutings']);
    expect(unasked.body.message).toBe(
      'Hay un turno abierto: indique si la unidad respondió por el área o si el área sigue trabajando.',
    );
    const untouched = await liaison.get<{ status: string; messages: unknown[] }>(
      `/api/channel/folios/${folioId}`,
    );
    expect(untouched.body).toMatchObject({ status: 'pending_local', messages: [] });
    const badChoice = await liaison.post<{ fields: { path: string }[] }>(
      `/api/channel/folios/${folioId}/consolidate`,
      { ...answer, openRoutings: 'maybe' },
    );
    expect(badChoice.status).toBe(400);
    expect(badChoice.body.fields[0]!.path).toBe('openRoutings');

    const sent = await liaison.post<{ status: string; messageId: string }>(
      `/api/channel/folios/${folioId}/consolidate`,
      { ...answer, openRoutings: 'answered_for_area' },
    );
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('in_process_national');

    const national = await ineStaff.get<{ status: string; messages: { text: string }[] }>(
      `/api/channel/folios/${folioId}`,
    );
    expect(national.body.status).toBe('in_process_national');
    expect(national.body.messages.map((m) => m.text)).toEqual([
      'Se remite la información de los consejos distritales.',
    ]);
    const files = await ineStaff.get<Attachment[]>(`/api/channel/folios/${folioId}/attachments`);
    const carried = files.body.find((f) => f.owner === 'message')!;
    expect(carried).toMatchObject({ filename: 'Informe DEOE.docx', sha256: answerFile.sha256 });
    expect((await ineStaff.get(`/api/channel/attachments/${carried.id}`)).body).toBe(
      'Informe de integración de consejos distritales',
    );
    // The other local body sees none of it.
    expect((await bLiaison.get(`/api/channel/attachments/${carried.id}`)).status).toBe(404);

    // Liaison staff add a file of their own to the answer; the national authority cannot.
    const extra = await liaison.post<Attachment>(
      `/api/channel/messages/${sent.body.messageId}/attachments`,
      file('Oficio de respuesta.pdf', '%PDF respuesta'),
    );
    expect(extra.status).toBe(201);
    expect(
      (await ineStaff.post(`/api/channel/messages/${sent.body.messageId}/attachments`, file('y.pdf', 'y')))
        .status,
    ).toBe(404);

    // The slip still open was withdrawn, saying liaison staff answered for its area.
    const slips = await liaison.get<Routing[]>(`/api/channel/folios/${folioId}/routings`);
    expect(slips.body.map((s) => s.state)).toEqual(['answered', 'withdrawn', 'withdrawn']);
    expect(slips.body[2]!.returnReason).toBe('La unidad de vinculación respondió por el área.');
    // The folio's history records it for liaison staff; the national authority never sees the areas.
    type History = { history: { event: string; reason: string | null }[] };
    const own = await liaison.get<History>(`/api/channel/folios/${folioId}`);
    expect(own.body.history.at(-1)).toMatchObject({
      event: 'routings_withdrawn',
      reason: slips.body[2]!.area.name,
    });
    const theirs = await ineStaff.get<History>(`/api/channel/folios/${folioId}`);
    expect(theirs.body.history.map((h) => h.event)).toEqual(['sent', 'local_answers']);
    const again = await liaison.post<{ code: string }>(`/api/channel/folios/${folioId}/consolidate`, {
      event: 'local_answers',
      text: 'Otra vez',
    });
    expect(again.status).toBe(409);

    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?pageSize=200');
    const actions = audit.body.items.map((e) => e.action);
    for (const a of [
      'channel.folio_routed',
      'channel.routing_answered',
      'channel.routing_reassigned',
      'channel.attachment_added',
      'channel.folio_consolidated',
    ]) {
      expect(actions).toContain(a);
    }
  });

  it('answering with «Atender y enviar respuesta» while the area works: the slip stays in its queue, recorded', async () => {
    const sent = await ineStaff.post<{ folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Avance de la ubicación de casillas',
      sentOn: todayInMexicoCity(),
      recipientOrgIds: [opla.id],
    });
    const id = sent.body.folioIds[0]!;
    const routed = await liaison.post<{ routingIds: string[] }>(`/api/channel/folios/${id}/routings`, {
      responsibleAreaId: areas.organization,
    });
    expect(routed.status).toBe(201);
    const event = {
      event: 'local_answers',
      text: 'Avance preliminar; el informe completo se enviará después.',
    };
    const unasked = await liaison.post<{ fields: { path: string }[] }>(
      `/api/channel/folios/${id}/events`,
      event,
    );
    expect(unasked.status).toBe(400);
    expect(unasked.body.fields.map((f) => f.path)).toEqual(['openRoutings']);

    const answered = await liaison.post<{ status: string }>(`/api/channel/folios/${id}/events`, {
      ...event,
      openRoutings: 'area_continues',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('in_process_national');
    // The slip is still the area's to answer.
    const queue = await areaStaff.get<{ items: QueueItem[] }>('/api/channel/my-routings?state=open');
    expect(queue.body.items.find((i) => i.id === routed.body.routingIds[0])).toMatchObject({
      state: 'assigned',
      folioSummary: { status: 'in_process_national' },
    });
    type History = { history: { event: string; reason: string | null; toStatus: string }[] };
    const own = await liaison.get<History>(`/api/channel/folios/${id}`);
    expect(own.body.history.slice(-2)).toMatchObject([
      { event: 'local_answers', toStatus: 'in_process_national' },
      { event: 'routings_kept', reason: 'Dirección Ejecutiva de Organización Electoral' },
    ]);
    const audit = await admin.get<{
      items: { action: string; entityId: string; after: Record<string, unknown> }[];
    }>('/api/audit?pageSize=50');
    const entry = audit.body.items.find(
      (e) => e.action === 'channel.folio_local_answers' && e.entityId === id,
    );
    expect(entry?.after).toMatchObject({
      openRoutings: 'kept',
      choice: 'area_continues',
      routingIds: routed.body.routingIds,
    });
  });

  it('a communication carries its files when it is sent, all in one transaction', async () => {
    const data = {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Oficio con anexos sobre la capacitación electoral',
      sentOn: todayInMexicoCity(),
      recipientOrgIds: [opla.id],
    };
    const form = (input: unknown, files: [string, string][]) => {
      const f = new FormData();
      f.append('data', JSON.stringify(input));
      for (const [name, content] of files) f.append('files', new Blob([content]), name);
      return f;
    };
    const count = async () =>
      (await liaison.get<{ total: number }>('/api/channel/folios?q=capacitacion%20electoral')).body.total;
    const before = await count();

    const refused = await ineStaff.post<{ code: string; message: string; fields: { path: string }[] }>(
      '/api/channel/communications/with-files',
      form(data, [
        ['Oficio INE-DEOE-0412.pdf', '%PDF oficio'],
        ['macro.exe', 'MZ'],
      ]),
    );
    expect(refused.status).toBe(415);
    expect(refused.body.fields.map((f) => f.path)).toEqual(['files']);
    expect(refused.body.message).toMatch(/^macro\.exe: Tipo de archivo no permitido/);
    const tooBig = await ineStaff.post<{ code: string }>(
      '/api/channel/communications/with-files',
      form(data, [['anexo.pdf', 'x'.repeat(3000)]]),
    );
    expect(tooBig.status).toBe(413);
    const badData = await ineStaff.post<{ code: string; fields: { path: string; message: string }[] }>(
      '/api/channel/communications/with-files',
      form({ ...data, subject: '' }, [['Oficio.pdf', '%PDF']]),
    );
    expect(badData.status).toBe(400);
    expect(badData.body.fields.map((f) => f.path)).toEqual(['subject']);
    expect(badData.body.fields[0]!.message).toMatch(/asunto/i);
    const noData = await ineStaff.post<{ fields: { path: string }[] }>(
      '/api/channel/communications/with-files',
      form(undefined, []),
    );
    expect(noData.status).toBe(400);
    expect(noData.body.fields[0]!.path).toBe('data');
    const tooMany = await ineStaff.post<{ fields: { path: string }[] }>(
      '/api/channel/communications/with-files',
      form(
        data,
        Array.from({ length: 11 }, (_, i): [string, string] => [`anexo-${i}.pdf`, '%PDF']),
      ),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields[0]!.path).toBe('files');
    // Nothing refused reached anyone.
    expect(await count()).toBe(before);

    const sent = await ineStaff.post<{ folioIds: string[]; communicationId: string }>(
      '/api/channel/communications/with-files',
      form(data, [
        ['Oficio INE-DEOE-0412.pdf', '%PDF oficio'],
        ['Anexo técnico.docx', 'anexo'],
      ]),
    );
    expect(sent.status).toBe(201);
    expect(await count()).toBe(before + 1);
    const files = await liaison.get<Attachment[]>(`/api/channel/folios/${sent.body.folioIds[0]}/attachments`);
    expect(files.body.map((f) => [f.owner, f.filename, f.sha256]).sort()).toEqual([
      ['communication', 'Anexo técnico.docx', sha('anexo')],
      ['communication', 'Oficio INE-DEOE-0412.pdf', sha('%PDF oficio')],
    ]);
    const audit = await t
      .as(ine, 'administrator')
      .then((c) =>
        c.get<{ items: { action: string; entityId: string; after: { files: unknown[] } }[] }>(
          '/api/audit?pageSize=20',
        ),
      );
    const entry = audit.body.items.find(
      (e) => e.action === 'channel.communication_send' && e.entityId === sent.body.communicationId,
    );
    expect(entry?.after.files).toHaveLength(2);
  });

  it('a folio "de conocimiento" routed for information is acknowledged and concluded', async () => {
    await ineStaff.post('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'circular',
      nature: 'for_information',
      subject: 'Calendario de capacitación para conocimiento',
      sentOn: todayInMexicoCity(),
      recipientOrgIds: [opla.id],
    });
    const list = await liaison.get<{ items: { id: string; subject: string }[] }>(
      '/api/channel/folios?q=capacitacion',
    );
    const id = list.body.items[0]!.id;
    const routed = await liaison.post<{ routingIds: string[] }>(`/api/channel/folios/${id}/routings`, {
      informedAreaIds: [areas.organization],
    });
    expect(routed.status).toBe(201);
    const withoutText = await liaison.post(`/api/channel/folios/${id}/consolidate`, {
      event: 'local_answers',
    });
    expect(withoutText.status).toBe(400);
    const ack = await liaison.post<{ status: string }>(`/api/channel/folios/${id}/consolidate`, {
      event: 'local_acknowledges',
    });
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('concluded');
    const queue = await areaStaff.get<{ items: QueueItem[] }>('/api/channel/my-routings?state=closed');
    expect(queue.body.items.find((i) => i.id === routed.body.routingIds[0])).toMatchObject({
      state: 'withdrawn',
      folioSummary: { status: 'concluded' },
    });
  });
});
