import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import type { CheckResult, ReportDetail, ReportDocument, ReportSummary } from './contract';
import { insertVersion } from './repository';

// The report workflow through the HTTP API, for an organization built here from scratch: drafts
// with versions, narrative edits that survive regeneration, the consistency check, approval by an
// agreement (frozen afterwards), downloads in every format.

let t: TestApp;
let org: TestOrg;
let staff: HttpClient;
let councillor: HttpClient;
let body: string;
let president: string;
let session1: string;
let session2: string;
let report: ReportDetail;

async function created(res: Promise<{ status: number; body: unknown }>): Promise<string> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as { id: string }).id;
}
const figures = (d: ReportDetail) => Object.fromEntries(d.document.figures.map((f) => [f.key, f.value]));

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLX');
  staff = await t.as(org, 'liaison_staff');
  councillor = await t.as(org, 'councillor');
  const admin = await t.as(org, 'administrator');
  president = await created(admin.post('/api/people', { fullName: 'Laura Méndez Soto', gender: 'female' }));
  const member = await created(admin.post('/api/people', { fullName: 'Pablo Ortiz Lara', gender: 'male' }));
  body = await created(
    staff.post('/api/governance/bodies', {
      name: 'Comité de Enlace Institucional',
      acronym: 'CEI',
      kind: 'permanent_committee',
      createdOn: '2024-01-01',
    }),
  );
  for (const [personId, role] of [
    [president, 'president'],
    [member, 'member'],
  ])
    await created(
      staff.post(`/api/governance/bodies/${body}/memberships`, { role, personId, startsOn: '2024-01-01' }),
    );
  session1 = await created(
    staff.post(`/api/governance/bodies/${body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2025-04-10',
      modality: 'presencial',
    }),
  );
  session2 = await created(
    staff.post(`/api/governance/bodies/${body}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2025-05-15',
      modality: 'presencial',
    }),
  );
  await created(
    staff.post(`/api/governance/sessions/${session1}/agreements`, { title: 'Aprobación del orden del día' }),
  );
  await created(
    staff.post(`/api/governance/sessions/${session2}/agreements`, { title: 'Aprobación de la minuta' }),
  );
  const att = await staff.put(`/api/governance/sessions/${session1}/attendance`, {
    entries: [
      { personId: president, present: true },
      { personId: member, present: true },
    ],
  });
  expect(att.status, JSON.stringify(att.body)).toBe(200);
}, 300_000);
afterAll(() => t?.close());

describe('the report workflow', () => {
  it('generates a first version from the records', async () => {
    const res = await staff.post<ReportDetail>('/api/reports', {
      bodyId: body,
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    report = res.body;
    expect(report.title).toBe(
      'Informe trimestral del Comité de Enlace Institucional de abril a junio de 2025',
    );
    expect(report.status).toBe('draft');
    expect(report.version).toBe(1);
    expect(figures(report)).toMatchObject({
      sessions: 2,
      agreements: 2,
      'attendance.session.1': 2,
      'attendance.session.2': 0,
    });
    const list = await councillor.get<{ items: ReportSummary[] }>('/api/reports');
    expect(list.body.items.map((r) => r.id)).toEqual([report.id]);
  });

  it('refuses a period that ends before it starts, and writes for councillors', async () => {
    const bad = await staff.post('/api/reports', { bodyId: body, from: '2025-06-30', to: '2025-04-01' });
    expect(bad.status).toBe(400);
    expect((bad.body as { fields: { path: string }[] }).fields[0]!.path).toBe('to');
    expect(
      (await councillor.post('/api/reports', { bodyId: body, from: '2025-04-01', to: '2025-06-30' })).status,
    ).toBe(403);
  });

  it('keeps narrative edits across regenerations', async () => {
    const edit = await staff.put<ReportDetail>(`/api/reports/${report.id}/narrative`, {
      paragraphs: { 'presentation.intro': 'Texto redactado por el personal con **énfasis**.' },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.version).toBe(2);
    const again = await staff.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {});
    expect(again.body.version).toBe(3);
    const p = again.body.document.blocks.find(
      (b) => b.type === 'paragraph' && b.key === 'presentation.intro',
    );
    expect(p).toMatchObject({
      edited: true,
      runs: [
        { text: 'Texto redactado por el personal con ' },
        { text: 'énfasis', bold: true },
        { text: '.' },
      ],
    });
    const unknown = await staff.put(`/api/reports/${report.id}/narrative`, {
      paragraphs: { 'no.such': 'x' },
    });
    expect(unknown.status).toBe(409);
  });

  it('flags the figures a changed record moves, and regeneration changes exactly those', async () => {
    const before = (await staff.get<ReportDetail>(`/api/reports/${report.id}`)).body;
    expect((await staff.get<CheckResult>(`/api/reports/${report.id}/check`)).body.ok).toBe(true);
    // The member did not attend the first session after all.
    const att = await staff.put(`/api/governance/sessions/${session1}/attendance`, {
      entries: [{ personId: await memberId(), present: false }],
    });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
    const check = (await staff.get<CheckResult>(`/api/reports/${report.id}/check`)).body;
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.where).sort()).toEqual(
      [
        'Asistencias de Integrante: Pablo Ortiz Lara',
        'Asistencias en la primera sesión ordinaria de 2025',
      ].sort(),
    );
    const after = (await staff.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {})).body;
    const a = figures(before);
    const b = figures(after);
    const changed = Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
    expect(changed.sort()).toEqual(['attendance.row.Integrante: Pablo Ortiz Lara', 'attendance.session.1']);
    expect(b['attendance.session.1']).toBe(1);
    expect((await staff.get<CheckResult>(`/api/reports/${report.id}/check`)).body.ok).toBe(true);
  });

  it('is approved only by an agreement of its body adopted after the period, then frozen', async () => {
    const early = await created(
      staff.post(`/api/governance/sessions/${session2}/agreements`, { title: 'Otro acuerdo' }),
    );
    const tooEarly = await staff.post(`/api/reports/${report.id}/approve`, { agreementId: early });
    expect(tooEarly.status).toBe(400);
    expect((tooEarly.body as { fields: { path: string }[] }).fields[0]!.path).toBe('agreementId');
    const julySession = await created(
      staff.post(`/api/governance/bodies/${body}/sessions`, {
        kind: 'ordinaria',
        heldOn: '2025-07-10',
        modality: 'presencial',
      }),
    );
    const approving = await created(
      staff.post(`/api/governance/sessions/${julySession}/agreements`, {
        title: 'Aprobación del informe trimestral',
      }),
    );
    // A technical secretary designated after the period, before the approval.
    const admin = await t.as(org, 'administrator');
    const secretary = await created(
      admin.post('/api/people', { fullName: 'Ramón Gil Torres', gender: 'male', honorific: 'Lic.' }),
    );
    await created(
      staff.post(`/api/governance/bodies/${body}/memberships`, {
        role: 'technical_secretary',
        personId: secretary,
        startsOn: '2025-07-01',
      }),
    );
    // The early agreement moved the figures: the check fails and approval is refused until regenerated.
    const stale = await staff.post(`/api/reports/${report.id}/approve`, { agreementId: approving });
    expect(stale.status).toBe(409);
    const draft = (await staff.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {})).body;
    const signersOf = (d: ReportDetail) => d.document.blocks.find((b) => b.type === 'signatures');
    // The draft is signed by who held the seats on the period's last day…
    expect(signersOf(draft)).toEqual({
      type: 'signatures',
      signers: [{ name: 'Laura Méndez Soto', role: 'Presidenta del Comité de Enlace Institucional' }],
    });
    const ok = await staff.post<ReportDetail>(`/api/reports/${report.id}/approve`, {
      agreementId: approving,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.approvedByAgreement).toBe('CEI/004/2025');
    expect(ok.body.approvedOn).toBe('2025-07-10');
    // …the approved report by who held them on the approval day, in a version of its own.
    expect(ok.body.version).toBe(draft.version + 1);
    expect(signersOf(ok.body)).toEqual({
      type: 'signatures',
      signers: [
        { name: 'Laura Méndez Soto', role: 'Presidenta del Comité de Enlace Institucional' },
        { name: 'Lic. Ramón Gil Torres', role: 'Secretario Técnico del Comité de Enlace Institucional' },
      ],
    });
    const frozenMd = (await staff.get<string>(`/api/reports/${report.id}/file?format=md`)).body;
    // The body's first report, counted so.
    expect(frozenMd).toContain(
      '**Primer informe trimestral del Comité de Enlace Institucional de abril a junio de 2025.**',
    );
    expect((await staff.post(`/api/reports/${report.id}/regenerate`, {})).status).toBe(409);
    expect(
      (await staff.put(`/api/reports/${report.id}/narrative`, { paragraphs: { 'presentation.intro': 'x' } }))
        .status,
    ).toBe(409);
    // Records move on; the approved report does not.
    await created(
      staff.post(`/api/governance/sessions/${session2}/agreements`, { title: 'Acuerdo posterior' }),
    );
    expect((await staff.get<string>(`/api/reports/${report.id}/file?format=md`)).body).toBe(frozenMd);
    expect((await staff.get<CheckResult>(`/api/reports/${report.id}/check`)).body.ok).toBe(true);
  });

  it('downloads DOCX, PDF, HTML and Markdown of the current version', async () => {
    const docx = await councillor.getBytes(`/api/reports/${report.id}/file?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('informe-cei-2025-04-01-2025-06-30.docx');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Texto redactado por el personal con ');
    const pdf = await councillor.getBytes(`/api/reports/${report.id}/file?format=pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const html = await councillor.get(`/api/reports/${report.id}/file?format=html`);
    expect(html.body as string).toContain('<table');
    expect((await councillor.get(`/api/reports/${report.id}/file?format=xls`)).status).toBe(400);
  });
});

describe('one figure, one value across the sections', () => {
  it('refuses to approve a version whose sections state one figure with two values', async () => {
    const res = await staff.post<ReportDetail>('/api/reports', {
      bodyId: body,
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id;
    // The Presentación and section II state the sessions from the same computation.
    const sessions = res.body.document.figures.filter((f) => f.key === 'sessions');
    expect(sessions.map((f) => [f.section, f.value])).toEqual([
      ['I', 0],
      ['II', 0],
    ]);
    expect((await staff.get<CheckResult>(`/api/reports/${id}/check`)).body).toMatchObject({
      ok: true,
      problems: [],
    });
    // A version in which the Presentación says 14 sessions and section II none, as a draft written
    // by two computations of one figure would (the 14 instruments in negotiation against IV's 3).
    const contradicting: ReportDocument = {
      ...res.body.document,
      figures: res.body.document.figures.map((f) =>
        f.key === 'sessions' && f.section === 'I' ? { ...f, value: 14 } : f,
      ),
    };
    await insertVersion(t.ctx.database.db, org.id, id, contradicting, 'prueba');
    const check = (await staff.get<CheckResult>(`/api/reports/${id}/check`)).body;
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual({
      kind: 'figure',
      where: 'Sesiones celebradas',
      message: 'La cifra no coincide entre apartados: 14 en la Presentación y 0 en el apartado II.',
    });
    const approving = await created(
      staff.post(`/api/governance/sessions/${session2}/agreements`, { title: 'Aprobación del informe' }),
    );
    const refused = await staff.post<{ code: string; message: string; fields: { message: string }[] }>(
      `/api/reports/${id}/approve`,
      { agreementId: approving },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'El informe no pasa la revisión de consistencia: regenérelo o corrija los registros antes de aprobarlo.',
    );
    expect(refused.body.fields.map((f) => f.message)).toContain(
      'Sesiones celebradas: La cifra no coincide entre apartados: 14 en la Presentación y 0 en el apartado II.',
    );
    expect((await staff.get<ReportDetail>(`/api/reports/${id}`)).body.status).toBe('draft');
    // Regenerated from the records, both sections say the same again and approval goes through.
    expect((await staff.post(`/api/reports/${id}/regenerate`, {})).status).toBe(200);
    expect((await staff.get<CheckResult>(`/api/reports/${id}/check`)).body.ok).toBe(true);
    const approved = await staff.post<ReportDetail>(`/api/reports/${id}/approve`, { agreementId: approving });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });
});

async function memberId(): Promise<string> {
  const res = await staff.get<{ items: { id: string; fullName: string }[] }>('/api/people?q=Pablo');
  return res.body.items[0]!.id;
}
