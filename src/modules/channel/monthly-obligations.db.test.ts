import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { HttpClient } from '../../../tests/support/http-client';

// The months of a recurring obligation end to end, with the INE in the installation: the local
// body's area answers a month with files, the INE accepts it or returns it with a reason, a returned
// month is answered again; and every refusal (a month answered twice, an acceptance by the local
// body, a file too big, another area's staff) is a Spanish 4xx that writes nothing.

type Attachment = { id: string; owner: string; filename: string };
type Month = {
  id: string;
  period: string;
  dueOn: string;
  status: string;
  display: string;
  overdue: boolean;
  answerText: string | null;
  answeredOn: string | null;
  reviewedOn: string | null;
  returnReason: string | null;
  attachments: Attachment[];
};
type Obligation = { id: string; area: { id: string; name: string } | null; occurrences: Month[] };
type ApiError = { code: string; message: string; fields: { path: string; message: string }[] };

function file(name: string, content: string | Buffer): FormData {
  const form = new FormData();
  const bytes = typeof content === 'string' ? content : new Uint8Array(content);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  return form;
}

describe('monthly obligations: answered by the local body, accepted or returned by the INE', () => {
  let t: TestApp;
  let ine: TestOrg;
  let ople: TestOrg;
  let ineStaff: HttpClient;
  let liaison: HttpClient;
  let admin: HttpClient;
  let areaStaff: HttpClient;
  let otherAreaStaff: HttpClient;
  let folioId: string;
  let areaId: string;

  const months = async (c: HttpClient = liaison) =>
    (await c.get<Obligation[]>(`/api/channel/folios/${folioId}/obligations`)).body[0]!;
  const counts = async () => {
    const result = await t.ctx.database.db.execute(sql`
      select (select count(*) from audit_entry)::int as audit,
             (select count(*) from channel_attachment)::int as files,
             (select string_agg(status || coalesce(answer_text, '') || coalesce(return_reason, ''), ',' order by period)
                from channel_occurrence) as months`);
    return (result as unknown as { rows: unknown[] }).rows[0];
  };

  beforeAll(async () => {
    // A small limit (2 KB) so that "too big" needs no large body.
    t = await startTestApp({ VINCULA_CHANNEL_ATTACHMENT_MAX_MB: '0.002' });
    ine = await t.createOrg('INEM', 'national_authority');
    ople = await t.createOrg('OPLM');
    ineStaff = await t.as(ine, 'national_authority_staff');
    liaison = await t.as(ople, 'liaison_staff');
    admin = await t.as(ople, 'administrator');
    const area = async (name: string) =>
      (await admin.post<{ id: string }>('/api/areas', { name, kind: 'other' })).body.id;
    areaId = await area('Unidad Técnica de Asuntos Jurídicos');
    const otherArea = await area('Secretaría Administrativa');
    const users = await admin.get<{ items: { id: string; email: string }[] }>('/api/users?q=area-staff');
    const user = users.body.items.find((u) => u.email === ople.users.area_staff)!;
    expect((await admin.patch(`/api/users/${user.id}`, { areaIds: [areaId] })).status).toBe(200);
    await admin.post('/api/users', {
      name: 'Personal de la Secretaría Administrativa',
      email: 'sa@oplm.test',
      password: TEST_PASSWORD,
      roles: ['area_staff'],
      areaIds: [otherArea],
    });
    areaStaff = await t.as(ople, 'area_staff');
    otherAreaStaff = new HttpClient(t.url);
    await otherAreaStaff.signIn('sa@oplm.test', TEST_PASSWORD);

    const sent = await ineStaff.post<{ folioIds: string[] }>('/api/channel/communications', {
      module: 'follow_up',
      documentType: 'oficio',
      subject: 'Estado procesal de las denuncias contra el personal de cada OPLE',
      body: 'Informe mensual (primeros cinco días de cada mes).',
      sentOn: '2024-01-10',
      recipientOrgIds: [ople.id],
    });
    folioId = sent.body.folioIds[0]!;
    const added = await liaison.post(`/api/channel/folios/${folioId}/obligations`, {
      description: 'Informe mensual (primeros cinco días de cada mes)',
      dueRule: { kind: 'first_days_of_month', days: 5, count: 'business' },
      startsOn: '2024-01-10',
      endsOn: '2024-03-31',
      areaId,
    });
    expect(added.status).toBe(201);
  });
  afterAll(() => t.close());

  it('shows each month with its due date, the area that answers it and its status, to both sides', async () => {
    const local = await months();
    expect(local.area?.name).toBe('Unidad Técnica de Asuntos Jurídicos');
    expect(local.occurrences.map((o) => [o.period, o.dueOn, o.status, o.display])).toEqual([
      ['2024-01', '2024-01-08', 'pending', 'overdue'],
      ['2024-02', '2024-02-08', 'pending', 'overdue'],
      ['2024-03', '2024-03-07', 'pending', 'overdue'],
    ]);
    expect(await months(ineStaff)).toEqual(local);
    // The area's queue holds the months it answers; another area's staff see none.
    const queue = await areaStaff.get<{ period: string; folio: { id: string } }[]>(
      '/api/channel/my-occurrences',
    );
    expect(queue.body.map((o) => [o.period, o.folio.id])).toEqual([
      ['2024-01', folioId],
      ['2024-02', folioId],
      ['2024-03', folioId],
    ]);
    expect((await otherAreaStaff.get<unknown[]>('/api/channel/my-occurrences')).body).toEqual([]);
  });

  it('lets the area answer a month with a file; the INE accepts it; a second answer is refused', async () => {
    const jan = (await months()).occurrences[0]!;
    const before = await counts();
    // Refusals first, each writing nothing: another area, a file too big, the INE answering.
    expect(
      (
        await otherAreaStaff.post(`/api/channel/occurrences/${jan.id}/answer`, {
          on: '2024-01-05',
          text: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (await otherAreaStaff.post(`/api/channel/occurrences/${jan.id}/attachments`, file('x.pdf', 'x')))
        .status,
    ).toBe(404);
    const big = await areaStaff.post<ApiError>(
      `/api/channel/occurrences/${jan.id}/attachments`,
      file('anexo.pdf', Buffer.alloc(3000, 1)),
    );
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ path: 'file' }] });
    expect(big.body.message).toMatch(/^El archivo excede el tamaño permitido/);
    const byIne = await ineStaff.post<ApiError>(`/api/channel/occurrences/${jan.id}/answer`, {
      on: '2024-01-05',
      text: 'x',
    });
    expect(byIne.status).toBe(403);
    expect(byIne.body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'El informe del mes lo envía el organismo local, no el INE.',
    });
    const notYet = await ineStaff.post<ApiError>(`/api/channel/occurrences/${jan.id}/accept`, {
      on: '2024-01-09',
    });
    expect(notYet.status).toBe(409);
    expect(notYet.body.message).toBe(
      'El informe de enero de 2024 no se ha enviado; no hay respuesta que revisar.',
    );
    const empty = await areaStaff.post<ApiError>(`/api/channel/occurrences/${jan.id}/answer`, {
      on: '2024-01-05',
      text: '   ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    expect(await counts()).toEqual(before);

    const uploaded = await areaStaff.post<Attachment>(
      `/api/channel/occurrences/${jan.id}/attachments`,
      file('denuncias-enero.pdf', 'informe'),
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ owner: 'occurrence', ownerId: jan.id });
    const answered = await areaStaff.post(`/api/channel/occurrences/${jan.id}/answer`, {
      on: '2024-01-05',
      text: 'Se remite el estado procesal de las denuncias de enero.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ status: 'answered' });

    const twice = await liaison.post<ApiError>(`/api/channel/occurrences/${jan.id}/answer`, {
      on: '2024-01-06',
      text: 'Otra vez',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'CONFLICT',
      message: 'El informe de enero de 2024 ya fue enviado; está en revisión del INE.',
    });
    const lateFile = await areaStaff.post<ApiError>(
      `/api/channel/occurrences/${jan.id}/attachments`,
      file('otro.pdf', 'x'),
    );
    expect(lateFile.status).toBe(409);
    expect(lateFile.body.fields[0]!.path).toBe('file');
    // The local body cannot accept its own answer.
    const selfAccept = await liaison.post<ApiError>(`/api/channel/occurrences/${jan.id}/accept`, {
      on: '2024-01-09',
    });
    expect(selfAccept.status).toBe(403);
    expect(selfAccept.body.message).toBe(
      'Solo el INE, que envió el folio, acepta o devuelve el informe de un mes.',
    );

    // The INE sees the answer and its file, downloads it, and accepts the month.
    const seen = (await months(ineStaff)).occurrences[0]!;
    expect(seen).toMatchObject({
      status: 'answered',
      display: 'answered',
      overdue: false,
      answeredOn: '2024-01-05',
      answerText: 'Se remite el estado procesal de las denuncias de enero.',
    });
    expect(seen.attachments.map((a) => a.filename)).toEqual(['denuncias-enero.pdf']);
    const download = await ineStaff.get<string>(`/api/channel/attachments/${seen.attachments[0]!.id}`);
    expect(download.status).toBe(200);
    expect((await otherAreaStaff.get(`/api/channel/attachments/${seen.attachments[0]!.id}`)).status).toBe(
      404,
    );
    const accepted = await ineStaff.post(`/api/channel/occurrences/${jan.id}/accept`, { on: '2024-01-09' });
    expect(accepted.body).toEqual({ status: 'accepted' });
    const acceptedTwice = await ineStaff.post<ApiError>(`/api/channel/occurrences/${jan.id}/accept`, {
      on: '2024-01-10',
    });
    expect(acceptedTwice.status).toBe(409);
    expect(acceptedTwice.body.message).toBe('El informe de enero de 2024 ya fue aceptado.');
    expect((await months()).occurrences[0]).toMatchObject({ status: 'accepted', reviewedOn: '2024-01-09' });
  });

  it('returns a month with its reason; the local body answers it again and the INE accepts it', async () => {
    const feb = (await months()).occurrences[1]!;
    await liaison.post(`/api/channel/occurrences/${feb.id}/answer`, {
      on: '2024-02-08',
      text: 'Informe de febrero.',
    });
    const before = await counts();
    const noReason = await ineStaff.post<ApiError>(`/api/channel/occurrences/${feb.id}/return`, {
      on: '2024-02-12',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.map((f) => f.path)).toEqual(['reason']);
    expect(await counts()).toEqual(before);

    const returned = await ineStaff.post(`/api/channel/occurrences/${feb.id}/return`, {
      on: '2024-02-12',
      reason: 'Falta el número de expediente de cada denuncia.',
    });
    expect(returned.body).toEqual({ status: 'returned' });
    expect((await months()).occurrences[1]).toMatchObject({
      status: 'returned',
      display: 'returned',
      overdue: true,
      returnReason: 'Falta el número de expediente de cada denuncia.',
    });
    const queue = await areaStaff.get<{ id: string; status: string }[]>('/api/channel/my-occurrences');
    expect(queue.body.find((o) => o.id === feb.id)?.status).toBe('returned');

    await areaStaff.post(`/api/channel/occurrences/${feb.id}/attachments`, file('expedientes.pdf', 'exp'));
    const again = await areaStaff.post(`/api/channel/occurrences/${feb.id}/answer`, {
      on: '2024-02-13',
      text: 'Se remite el informe con el número de expediente de cada denuncia.',
    });
    expect(again.body).toEqual({ status: 'answered' });
    expect(
      (await ineStaff.post(`/api/channel/occurrences/${feb.id}/accept`, { on: '2024-02-14' })).body,
    ).toEqual({
      status: 'accepted',
    });
    const done = (await months()).occurrences[1]!;
    expect(done).toMatchObject({
      status: 'accepted',
      answeredOn: '2024-02-13',
      answerText: 'Se remite el informe con el número de expediente de cada denuncia.',
    });
    expect(done.attachments.map((a) => a.filename)).toEqual(['expedientes.pdf']);
    const closed = await areaStaff.get<{ period: string }[]>('/api/channel/my-occurrences?state=closed');
    expect(closed.body.map((o) => o.period)).toEqual(['2024-02', '2024-01']);

    // Each side's trail holds its own steps: the local body's answers, the INE's review.
    const trail = await t.ctx.database.db.execute(sql`
      select action, organization_id as org from audit_entry where entity_id = ${feb.id} order by seq`);
    expect((trail as unknown as { rows: { action: string; org: string }[] }).rows).toEqual([
      { action: 'channel.occurrence_answer', org: ople.id },
      { action: 'channel.occurrence_return', org: ine.id },
      { action: 'channel.occurrence_answer', org: ople.id },
      { action: 'channel.occurrence_accept', org: ine.id },
    ]);
  });

  it('counts the months still owed past their due date on the home dashboard', async () => {
    const dash = await liaison.get<{ channel: { overdueMonths: number } | null }>(
      '/api/dashboard?from=2024-01-01&to=2024-03-31',
    );
    expect(dash.status).toBe(200);
    expect(dash.body.channel?.overdueMonths).toBe(1);
  });

  it('moves the months still owed to another area when liaison staff change who answers', async () => {
    const obligation = await months();
    const before = await counts();
    const byIne = await ineStaff.put<ApiError>(`/api/channel/obligations/${obligation.id}/area`, {
      areaId: null,
    });
    expect(byIne.status).toBe(403);
    expect(byIne.body.message).toBe('El área que responde cada mes la designa el organismo local.');
    const unknown = await liaison.put<ApiError>(`/api/channel/obligations/${obligation.id}/area`, {
      areaId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      { path: 'areaId', message: 'El área no existe en su organización.' },
    ]);
    expect(await counts()).toEqual(before);

    const users = await admin.get<{ items: { email: string; areaIds: string[] }[] }>(
      '/api/users?q=sa%40oplm',
    );
    const otherArea = users.body.items[0]!.areaIds[0]!;
    const moved = await liaison.put(`/api/channel/obligations/${obligation.id}/area`, { areaId: otherArea });
    expect(moved.body).toEqual({ areaId: otherArea });
    expect((await months()).area?.name).toBe('Secretaría Administrativa');
    const march = obligation.occurrences[2]!.id;
    expect(
      (await otherAreaStaff.get<{ id: string }[]>('/api/channel/my-occurrences')).body.map((o) => o.id),
    ).toEqual([march]);
    expect((await areaStaff.get<unknown[]>('/api/channel/my-occurrences')).body).toEqual([]);
    expect(
      (await areaStaff.post(`/api/channel/occurrences/${march}/answer`, { on: '2024-03-07', text: 'x' }))
        .status,
    ).toBe(404);
  });
});
