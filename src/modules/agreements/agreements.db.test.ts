import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Inst = {
  id: string;
  title: string;
  status: string;
  effectiveEnd: string | null;
  parties: { acronym: string | null }[];
};
type Detail = Inst & {
  chain: { id: string; title: string }[];
  children: { id: string; title: string }[];
  statusHistory: { fromStatus: string | null; toStatus: string; changedOn: string }[];
  renewals: { previousEnd: string | null; newEnd: string }[];
  commitments: { id: string; fulfilled: boolean; owedByName: string; updates: { note: string }[] }[];
  files: { id: string; kind: string; filename: string; size: number }[];
};

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let liaison: HttpClient;
let types: Record<string, string>;
let ine: string;
let canaco: string;
let dvoe: string;
let se: string;

async function instrument(body: Record<string, unknown>, client = liaison) {
  const res = await client.post<Inst>('/api/instruments', { areaIds: [dvoe], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function countInstruments() {
  return (await liaison.get<Page<Inst>>('/api/instruments?pageSize=1')).body.total;
}

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLC');
  other = await t.createOrg('OPLZ');
  liaison = await t.as(org, 'liaison_staff');
  const list = await liaison.get<{ id: string; name: string }[]>('/api/instrument-types');
  types = Object.fromEntries(list.body.map((x) => [x.name, x.id]));
  const inst = async (name: string, acronym: string) =>
    (
      await liaison.post<{ id: string }>('/api/institutions', {
        name,
        acronym,
        kind: 'government_agency',
        level: 'national',
      })
    ).body.id;
  ine = await inst('Instituto Nacional Electoral', 'INE');
  canaco = await inst('Cámara Nacional de Comercio', 'CANACO');
  const area = async (name: string) =>
    (await liaison.post<{ id: string }>('/api/areas', { name, kind: 'directorate' })).body.id;
  dvoe = await area('Dirección de Vinculación');
  se = await area('Secretaría Ejecutiva');
});
afterAll(() => t.close());

describe('instrument types', () => {
  it('starts each organization with the eleven types; administrators add more', async () => {
    expect(Object.keys(types)).toHaveLength(11);
    expect(types).toHaveProperty('Convenio General de Coordinación y Colaboración');
    expect(types).toHaveProperty('Programa de Trabajo');
    expect((await liaison.post('/api/instrument-types', { name: 'Acuerdo Marco' })).status).toBe(403);
    const admin = await t.as(org, 'administrator');
    const added = await admin.post('/api/instrument-types', { name: 'Acuerdo Marco', gender: 'm' });
    expect(added.status).toBe(201);
    expect((await admin.post('/api/instrument-types', { name: 'Acuerdo Marco' })).status).toBe(409);
    expect((await liaison.get<unknown[]>('/api/instrument-types')).body).toHaveLength(12);
  });
});

describe('nesting and derived titles', () => {
  let root: Inst;
  let anexo: Inst;
  let financiero: Inst;
  let adenda: Inst;

  it('derives the title of each child from its chain and browses the tree', async () => {
    root = await instrument({
      typeId: types['Convenio General de Coordinación y Colaboración'],
      subject: 'entre el IECM y el Instituto Nacional Electoral (INE)',
      partyIds: [ine],
      signedOn: '2023-09-01',
      validFrom: '2023-09-01',
      validUntil: '2024-12-31',
      status: 'in_force',
    });
    anexo = await instrument({
      typeId: types['Anexo Técnico'],
      parentId: root.id,
      ordinal: 1,
      partyIds: [ine],
      validityKind: 'parent',
    });
    financiero = await instrument({
      typeId: types['Anexo Financiero'],
      parentId: anexo.id,
      linkPreposition: 'de',
      partyIds: [ine],
      validityKind: 'parent',
    });
    adenda = await instrument({
      typeId: types['Adenda'],
      parentId: financiero.id,
      ordinal: 2,
      partyIds: [ine],
      validityKind: 'parent',
    });
    expect(adenda.title).toBe(
      'Adenda Número Dos al Anexo Financiero del Anexo Técnico Número Uno al Convenio General de ' +
        'Coordinación y Colaboración entre el IECM y el Instituto Nacional Electoral (INE)',
    );
    // Tied to the parent: the child's end is the root's.
    expect(adenda.effectiveEnd).toBe('2024-12-31');

    const detail = await liaison.get<Detail>(`/api/instruments/${anexo.id}`);
    expect(detail.body.chain.map((c) => c.id)).toEqual([root.id]);
    expect(detail.body.children.map((c) => c.id)).toEqual([financiero.id]);
    const roots = await liaison.get<Page<Inst>>('/api/instruments?roots=true');
    expect(roots.body.items.map((i) => i.id)).toContain(root.id);
    expect(roots.body.items.map((i) => i.id)).not.toContain(anexo.id);
    const kids = await liaison.get<Page<Inst>>(`/api/instruments?parentId=${root.id}`);
    expect(kids.body.items.map((i) => i.id)).toEqual([anexo.id]);

    // Renaming the parent renames every descendant.
    await liaison.patch(`/api/instruments/${anexo.id}`, { ordinal: 3 });
    const renamed = await liaison.get<Detail>(`/api/instruments/${adenda.id}`);
    expect(renamed.body.title).toContain('del Anexo Técnico Número Tres al Convenio General');
  });

  it('refuses a cycle in the nesting, and nothing changes', async () => {
    const before = await liaison.get<Detail>(`/api/instruments/${root.id}`);
    const cycle = await liaison.patch(`/api/instruments/${root.id}`, { parentId: adenda.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'parentId' }] });
    expect((cycle.body as { fields: { message: string }[] }).fields[0]!.message).toMatch(/deriva/);
    const self = await liaison.patch(`/api/instruments/${root.id}`, { parentId: root.id });
    expect(self.status).toBe(400);
    expect((await liaison.get<Detail>(`/api/instruments/${root.id}`)).body).toEqual(before.body);
  });

  it('refuses a parent of another organization as if it did not exist', async () => {
    const outsider = await t.as(other, 'liaison_staff');
    const ownInst = (
      await outsider.post<{ id: string }>('/api/institutions', {
        name: 'X',
        kind: 'university',
        level: 'local',
      })
    ).body.id;
    const ownArea = (await outsider.post<{ id: string }>('/api/areas', { name: 'Y', kind: 'other' })).body.id;
    const ownTypes = await outsider.get<{ id: string }[]>('/api/instrument-types');
    const res = await outsider.post('/api/instruments', {
      typeId: ownTypes.body[0]!.id,
      parentId: root.id,
      partyIds: [ownInst],
      areaIds: [ownArea],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      fields: [{ path: 'parentId', message: 'El instrumento principal no existe en su organización' }],
    });
    // Another organization's type is not a type here either.
    const foreignType = await liaison.post('/api/instruments', {
      typeId: ownTypes.body[0]!.id,
      partyIds: [ine],
      areaIds: [dvoe],
    });
    expect(foreignType.body).toMatchObject({ fields: [{ path: 'typeId' }] });
  });
});

describe('bad input changes nothing', () => {
  it('refuses validity ending before it starts', async () => {
    const before = await countInstruments();
    const res = await liaison.post('/api/instruments', {
      typeId: types['Convenio de Colaboración'],
      partyIds: [canaco],
      areaIds: [dvoe],
      validFrom: '2024-03-01',
      validUntil: '2024-02-29',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'validUntil', message: 'La vigencia no puede terminar antes de comenzar' }],
    });
    const dated = await instrument({
      typeId: types['Convenio de Colaboración'],
      partyIds: [canaco],
      validFrom: '2024-03-01',
      validUntil: '2024-06-30',
    });
    const patch = await liaison.patch(`/api/instruments/${dated.id}`, { validFrom: '2024-07-01' });
    expect(patch.status).toBe(400);
    expect(patch.body).toMatchObject({ fields: [{ path: 'validUntil' }] });
    const renew = await liaison.post(`/api/instruments/${dated.id}/renewals`, {
      renewedOn: '2024-03-02',
      newEnd: '2024-01-01',
    });
    expect(renew.status).toBe(400);
    expect(await countInstruments()).toBe(before + 1);
  });

  it('refuses a party that is not in the directory, and too few parties', async () => {
    const before = await countInstruments();
    const missing = await liaison.post('/api/instruments', {
      typeId: types['Convenio de Colaboración'],
      partyIds: [canaco, '00000000-0000-4000-8000-000000000000'],
      areaIds: [dvoe],
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      fields: [{ path: 'partyIds.1', message: 'La institución no está en el directorio de su organización' }],
    });
    const alone = await liaison.post('/api/instruments', {
      typeId: types['Convenio de Colaboración'],
      partyIds: [],
      areaIds: [dvoe],
    });
    expect(alone.body).toMatchObject({ fields: [{ path: 'partyIds' }] });
    // Without the organization as a party, two outside institutions are needed.
    const oneOutside = await liaison.post('/api/instruments', {
      typeId: types['Convenio de Colaboración'],
      organizationIsParty: false,
      partyIds: [canaco],
      areaIds: [dvoe],
    });
    expect(oneOutside.status).toBe(400);
    const noArea = await liaison.post('/api/instruments', {
      typeId: types['Convenio de Colaboración'],
      partyIds: [canaco],
      areaIds: [],
    });
    expect(noArea.body).toMatchObject({ fields: [{ path: 'areaIds' }] });
    expect(await countInstruments()).toBe(before);
  });
});

describe('status, renewals and alerts', () => {
  it('follows allowed transitions only and keeps the history', async () => {
    const i = await instrument({
      typeId: types['Carta Intención'],
      partyIds: [canaco],
      statusOn: '2024-01-15',
    });
    expect(i.status).toBe('negotiation');
    const backwards = await liaison.post(`/api/instruments/${i.id}/status`, {
      status: 'signature',
      changedOn: '2024-01-14',
    });
    expect(backwards.body).toMatchObject({ fields: [{ path: 'changedOn' }] });
    const skip = await liaison.post(`/api/instruments/${i.id}/status`, {
      status: 'in_force',
      changedOn: '2024-02-01',
    });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'status' }] });
    expect(
      (
        await liaison.post(`/api/instruments/${i.id}/status`, {
          status: 'signature',
          changedOn: '2024-02-01',
        })
      ).status,
    ).toBe(200);
    const unsigned = await liaison.post(`/api/instruments/${i.id}/status`, {
      status: 'in_force',
      changedOn: '2024-02-08',
    });
    expect(unsigned.body).toMatchObject({ message: expect.stringMatching(/fecha de firma/) });
    await liaison.patch(`/api/instruments/${i.id}`, { signedOn: '2024-02-08' });
    expect(
      (await liaison.post(`/api/instruments/${i.id}/status`, { status: 'in_force', changedOn: '2024-02-08' }))
        .status,
    ).toBe(200);
    const detail = await liaison.get<Detail>(`/api/instruments/${i.id}`);
    expect(detail.body.statusHistory.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'negotiation'],
      ['negotiation', 'signature'],
      ['signature', 'in_force'],
    ]);
  });

  it('computes alerts from the current end, after a renewal (worked example)', async () => {
    const admin = await t.as(org, 'administrator');
    await admin.put('/api/agreement-settings', { alertLeadDays: 30, alertRepeatDays: 7 });
    const conv = await instrument({
      typeId: types['Convenio de Colaboración'],
      subject: 'de prueba de alertas',
      partyIds: [canaco],
      areaIds: [se],
      signedOn: '2023-07-01',
      validFrom: '2023-07-01',
      validUntil: '2024-06-30',
      status: 'in_force',
    });
    const due = async (on: string) =>
      (
        await liaison.get<{ items: { instrumentId: string; firstAlertOn: string }[] }>(
          `/api/instrument-alerts?on=${on}`,
        )
      ).body.items.filter((x) => x.instrumentId === conv.id);
    expect(await due('2024-05-30')).toEqual([]);
    expect(await due('2024-05-31')).toMatchObject([{ firstAlertOn: '2024-05-31' }]);
    expect(await due('2024-06-07')).toHaveLength(1);
    expect(await due('2024-06-08')).toEqual([]);
    // Nobody acting, the alerts go on after the end (30 June): 5 July is a step.
    expect(await due('2024-07-05')).toMatchObject([{ firstAlertOn: '2024-05-31', alertOn: '2024-07-05' }]);

    const expiring = await liaison.get<Page<Inst>>('/api/instruments?expiringWithinDays=30&on=2024-06-01');
    expect(expiring.body.items.map((x) => x.id)).toContain(conv.id);

    const renewed = await liaison.post<Inst>(`/api/instruments/${conv.id}/renewals`, {
      renewedOn: '2024-06-10',
      newEnd: '2025-06-30',
      note: 'Prórroga por un año',
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.effectiveEnd).toBe('2025-06-30');
    // Acting stops the old schedule; the new end starts a new one.
    expect(await due('2024-06-14')).toEqual([]);
    expect(await due('2025-05-31')).toMatchObject([{ firstAlertOn: '2025-05-31' }]);
    expect(await due('2025-06-28')).toHaveLength(1);
    const stillExpiring = await liaison.get<Page<Inst>>(
      '/api/instruments?expiringWithinDays=30&on=2024-06-01',
    );
    expect(stillExpiring.body.items.map((x) => x.id)).not.toContain(conv.id);
    const detail = await liaison.get<Detail>(`/api/instruments/${conv.id}`);
    expect(detail.body.renewals).toMatchObject([{ previousEnd: '2024-06-30', newEnd: '2025-06-30' }]);
  });
});

describe('commitments and files', () => {
  it('records commitments with dated follow-up and stores the signed document', async () => {
    const i = await instrument({ typeId: types['Convenio Específico'], partyIds: [ine] });
    const owedByOutsider = await liaison.post(`/api/instruments/${i.id}/commitments`, {
      owedByInstitutionId: canaco,
      description: 'No es parte',
    });
    expect(owedByOutsider.body).toMatchObject({ fields: [{ path: 'owedByInstitutionId' }] });
    const c = await liaison.post<{ id: string }>(`/api/instruments/${i.id}/commitments`, {
      owedByInstitutionId: ine,
      description: 'Entregar la lista nominal',
      dueOn: '2024-04-15',
    });
    expect(c.status).toBe(201);
    await liaison.post(`/api/commitments/${c.body.id}/updates`, {
      updatedOn: '2024-03-01',
      note: 'En proceso',
    });
    await liaison.post(`/api/commitments/${c.body.id}/updates`, {
      updatedOn: '2024-04-10',
      note: 'Entregada',
      fulfilled: true,
    });

    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 firmado'], { type: 'application/pdf' }), 'Convenio firmado.pdf');
    const up = await liaison.post<{ id: string }>(`/api/instruments/${i.id}/files?kind=signed`, form);
    expect(up.status).toBe(201);
    const down = await liaison.get<string>(`/api/instruments/${i.id}/files/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(down.body).toBe('%PDF-1.4 firmado');

    const detail = await liaison.get<Detail>(`/api/instruments/${i.id}`);
    expect(detail.body.commitments).toMatchObject([
      {
        fulfilled: true,
        owedByName: 'Instituto Nacional Electoral',
        updates: [{ note: 'En proceso' }, { note: 'Entregada' }],
      },
    ]);
    expect(detail.body.files).toMatchObject([{ kind: 'signed', filename: 'Convenio firmado.pdf', size: 16 }]);
  });
});

describe('periodic reviews', () => {
  it('records keep / renegotiate / conclude on instruments in force and counts them per month', async () => {
    const inForce = async (subject: string) =>
      instrument({
        typeId: types['Convenio de Colaboración'],
        subject,
        partyIds: [canaco],
        signedOn: '2023-01-10',
        validFrom: '2023-01-10',
        status: 'in_force',
      });
    const [x, y, z] = [await inForce('revisión X'), await inForce('revisión Y'), await inForce('revisión Z')];
    const rev = await liaison.post<{ id: string }>('/api/reviews', {
      period: '2024-02',
      title: 'Revisión integral',
      openedOn: '2024-02-01',
    });
    expect(rev.status).toBe(201);
    expect(
      (await liaison.post('/api/reviews', { period: '2024-02', title: 'Otra', openedOn: '2024-02-01' }))
        .status,
    ).toBe(409);
    const decide = (id: string, decision: string, decidedOn: string) =>
      liaison.put(`/api/reviews/${rev.body.id}/decisions/${id}`, { decision, decidedOn });
    expect((await decide(x.id, 'keep', '2024-02-12')).status).toBe(200);
    expect((await decide(y.id, 'renegotiate', '2024-02-20')).status).toBe(200);
    const last = await decide(z.id, 'conclude', '2024-03-05');
    expect(last.body).toMatchObject({
      decisions: 3,
      countsByMonth: [
        { month: '2024-02', count: 2 },
        { month: '2024-03', count: 1 },
      ],
    });
    expect((await liaison.get<Inst>(`/api/instruments/${y.id}`)).body.status).toBe('to_renegotiate');
    expect((await liaison.get<Inst>(`/api/instruments/${z.id}`)).body.status).toBe('concluded');
    // A concluded instrument is no longer reviewed; a negotiation never was.
    expect((await decide(z.id, 'keep', '2024-03-06')).status).toBe(409);
    const walk = await liaison.get<{ items: { instrumentId: string; decision: string | null }[] }>(
      `/api/reviews/${rev.body.id}`,
    );
    expect(walk.body.items.find((i) => i.instrumentId === z.id)?.decision).toBe('conclude');
    expect(walk.body.items.find((i) => i.instrumentId === x.id)?.decision).toBe('keep');
  });
});

describe('review decisions and dates', () => {
  it('refuses a decision that changes the status before the last recorded change', async () => {
    const i = await instrument({
      typeId: types['Convenio de Colaboración'],
      subject: 'firmado tarde',
      partyIds: [canaco],
      signedOn: '2024-03-20',
      status: 'in_force',
    });
    const rev = await liaison.post<{ id: string }>('/api/reviews', {
      period: '2024-03',
      title: 'Revisión de marzo',
      openedOn: '2024-03-01',
    });
    const early = await liaison.put(`/api/reviews/${rev.body.id}/decisions/${i.id}`, {
      decision: 'renegotiate',
      decidedOn: '2024-03-10',
    });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ fields: [{ path: 'decidedOn' }] });
    expect((await liaison.get<Inst>(`/api/instruments/${i.id}`)).body.status).toBe('in_force');
    const beforeOpening = await liaison.put(`/api/reviews/${rev.body.id}/decisions/${i.id}`, {
      decision: 'keep',
      decidedOn: '2024-02-28',
    });
    expect(beforeOpening.body).toMatchObject({ fields: [{ path: 'decidedOn' }] });
  });
});

describe('opinions of pertinence', () => {
  let draft: Inst;
  beforeAll(async () => {
    draft = await instrument({
      typeId: types['Convenio General de Apoyo y Colaboración'],
      subject: 'entre el IECM y la CANACO',
      partyIds: [canaco],
    });
  });

  it('is requested by an area, drafted and issued by liaison staff with the next number', async () => {
    const area = await t.as(org, 'area_staff');
    const req = await area.post<{ id: string; status: string; number: string | null }>('/api/opinions', {
      instrumentId: draft.id,
      areaIds: [se, dvoe],
      requestedOn: '2024-01-15',
    });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'requested', number: null });
    expect((await area.post(`/api/opinions/${req.body.id}/issue`, { issuedOn: '2024-01-20' })).status).toBe(
      403,
    );
    const noText = await liaison.post(`/api/opinions/${req.body.id}/issue`, { issuedOn: '2024-01-20' });
    expect(noText.body).toMatchObject({ fields: [{ path: 'content' }] });
    await liaison.put(`/api/opinions/${req.body.id}/draft`, { content: 'Se considera pertinente.' });
    const early = await liaison.post(`/api/opinions/${req.body.id}/issue`, { issuedOn: '2024-01-10' });
    expect(early.body).toMatchObject({ fields: [{ path: 'issuedOn' }] });
    const issued = await liaison.post(`/api/opinions/${req.body.id}/issue`, { issuedOn: '2024-01-20' });
    expect(issued.body).toMatchObject({
      number: 'OPLC/SE/DVOE/OP/01/2024',
      status: 'issued',
      instrumentTitle: 'Convenio General de Apoyo y Colaboración entre el IECM y la CANACO',
    });
    const again = await liaison.post(`/api/opinions/${req.body.id}/issue`, { issuedOn: '2024-01-21' });
    expect(again.status).toBe(409);
    expect((await liaison.put(`/api/opinions/${req.body.id}/draft`, { content: 'Cambio' })).status).toBe(409);

    // The issued opinion's document carries its number, instrument and text; a requested one has none.
    const docx = await liaison.getBytes(`/api/opinions/${req.body.id}/document?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('opinion-OPLC-SE-DVOE-OP-01-2024.docx');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Opinión de pertinencia OPLC/SE/DVOE/OP/01/2024');
    expect(xml).toContain('Se considera pertinente.');
    expect(xml).toContain('Instrumento: Convenio General de Apoyo y Colaboración entre el IECM y la CANACO');
    const pdf = await liaison.getBytes(`/api/opinions/${req.body.id}/document?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pending = await area.post<{ id: string }>('/api/opinions', {
      instrumentId: draft.id,
      areaIds: [se],
      // Outside the period the next test counts.
      requestedOn: '2025-06-01',
    });
    const none = await liaison.get(`/api/opinions/${pending.body.id}/document`);
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({
      code: 'CONFLICT',
      message: 'La opinión aún no se emite: su documento existe una vez emitida con su número.',
    });
    expect((await liaison.get(`/api/opinions/${req.body.id}/document?format=odt`)).status).toBe(400);
  });

  it('numbers 20 concurrent issues on two app instances 02..21 without gaps or duplicates', async () => {
    const second = await startTestApp({}, { sameDatabaseAs: t });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await liaison.post<{ id: string }>('/api/opinions', {
          instrumentId: draft.id,
          areaIds: [dvoe],
          requestedOn: '2024-02-01',
          content: `Opinión ${i}`,
        });
        ids.push(r.body.id);
      }
      const other = liaison.onInstance(second.url);
      const results = await Promise.all(
        ids.map((id, i) =>
          (i % 2 ? liaison : other).post<{ sequence: number; number: string }>(`/api/opinions/${id}/issue`, {
            issuedOn: '2024-02-05',
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const seqs = results.map((r) => r.body.sequence).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      expect(new Set(results.map((r) => r.body.number)).size).toBe(20);
      // A new year starts again at 01; a new prefix applies from then on.
      const admin = await t.as(org, 'administrator');
      await admin.put('/api/agreement-settings', { opinionPrefix: 'OPLC/DVOE/OP' });
      const next = await liaison.post<{ id: string }>('/api/opinions', {
        instrumentId: draft.id,
        areaIds: [dvoe],
        requestedOn: '2025-01-02',
        content: 'Otra',
      });
      const n = await liaison.post(`/api/opinions/${next.body.id}/issue`, { issuedOn: '2025-01-03' });
      expect(n.body).toMatchObject({ number: 'OPLC/DVOE/OP/01/2025' });
      const period = await liaison.get<Page<{ number: string }>>(
        '/api/opinions?from=2024-01-01&to=2024-03-31&pageSize=200',
      );
      expect(period.body.total).toBe(21);
      expect(period.body.items[0]!.number).toBe('OPLC/SE/DVOE/OP/01/2024');
    } finally {
      await second.close();
    }
  });
});

describe('accompaniment of negotiations', () => {
  it('counts activities and distinct institutions in a period', async () => {
    for (const [day, inst] of [
      ['2024-01-10', ine],
      ['2024-02-10', canaco],
      ['2024-02-20', canaco],
      ['2024-04-01', ine],
    ] as const) {
      const r = await liaison.post('/api/accompaniments', {
        occurredOn: day,
        areaId: se,
        institutionId: inst,
        description: 'Reunión de negociación',
      });
      expect(r.status).toBe(201);
    }
    const q1 = await liaison.get('/api/accompaniments?from=2024-01-01&to=2024-03-31');
    expect(q1.body).toMatchObject({ activities: 3, institutions: 2 });
    const bad = await liaison.post('/api/accompaniments', {
      occurredOn: '2024-01-10',
      areaId: se,
      institutionId: '00000000-0000-4000-8000-000000000000',
      description: 'x',
    });
    expect(bad.body).toMatchObject({ fields: [{ path: 'institutionId' }] });
  });
});

describe('lists and export', () => {
  it('filters by type, status, party, area and signing dates, with paging', async () => {
    const byType = await liaison.get<Page<Inst>>(`/api/instruments?typeId=${types['Anexo Técnico']}`);
    expect(byType.body.total).toBe(1);
    const byParty = await liaison.get<Page<Inst>>(
      `/api/instruments?partyId=${ine}&status=in_force,negotiation`,
    );
    expect(byParty.body.items.every((i) => i.parties.some((p) => p.acronym === 'INE'))).toBe(true);
    expect(byParty.body.items.every((i) => ['in_force', 'negotiation'].includes(i.status))).toBe(true);
    const byArea = await liaison.get<Page<Inst>>(`/api/instruments?areaId=${se}`);
    expect(byArea.body.total).toBe(1);
    const signed = await liaison.get<Page<Inst>>(
      '/api/instruments?signedFrom=2023-08-01&signedTo=2023-12-31',
    );
    expect(signed.body.items.map((i) => i.title)).toEqual([
      'Convenio General de Coordinación y Colaboración entre el IECM y el Instituto Nacional Electoral (INE)',
    ]);
    const all = await liaison.get<Page<Inst>>('/api/instruments?pageSize=200');
    const page2 = await liaison.get<Page<Inst>>('/api/instruments?pageSize=3&page=2');
    expect(page2.body.items.map((i) => i.id)).toEqual(all.body.items.slice(3, 6).map((i) => i.id));
    expect(page2.body.total).toBe(all.body.total);
    const q = await liaison.get<Page<Inst>>('/api/instruments?q=anexo%20tecnico%20numero%20tres');
    expect(q.body.total).toBe(3);
    // Derived-title filters combine with SQL filters and SQL paging: the pages partition the result.
    const p1 = await liaison.get<Page<Inst>>('/api/instruments?q=anexo%20tecnico%20numero%20tres&pageSize=2');
    const p2 = await liaison.get<Page<Inst>>(
      '/api/instruments?q=anexo%20tecnico%20numero%20tres&pageSize=2&page=2',
    );
    expect([p1.body.total, p2.body.total]).toEqual([3, 3]);
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items).toHaveLength(1);
    expect(new Set([...p1.body.items, ...p2.body.items].map((i) => i.id))).toEqual(
      new Set(q.body.items.map((i) => i.id)),
    );
    const typed = await liaison.get<Page<Inst>>(
      `/api/instruments?q=anexo%20tecnico%20numero%20tres&typeId=${types['Adenda']}`,
    );
    expect(typed.body.items.every((i) => i.title.startsWith('Adenda'))).toBe(true);
    expect(typed.body.total).toBe(typed.body.items.length);
    const none = await liaison.get<Page<Inst>>('/api/instruments?q=palabra%20inexistente&page=3');
    expect(none.body).toMatchObject({ items: [], total: 0, page: 3 });
  });

  it('exports the filtered register as CSV and XLSX', async () => {
    const csv = await liaison.get<string>(
      `/api/instruments/export?format=csv&partyId=${canaco}&status=in_force`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Instrumento,Tipo,Partes,Áreas responsables,Objeto,Fecha de firma,Inicio de vigencia,Término de vigencia,Estado',
    );
    expect(lines.slice(1).every((l) => l.includes('OPLC | CANACO') && l.endsWith(',Vigente'))).toBe(true);
    const listed = await liaison.get<Page<Inst>>(`/api/instruments?partyId=${canaco}&status=in_force`);
    expect(lines).toHaveLength(listed.body.total + 1);

    expect((await t.anonymous().get('/api/instruments/export?format=xlsx')).status).toBe(401);
    expect((await (await t.as(org, 'area_staff')).get('/api/instruments/export')).status).toBe(403);
    const auditor = await t.as(org, 'auditor');
    const xlsx = await auditor.request<string>('GET', '/api/instruments/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('reads an XLSX export back', async () => {
    const auditor = await t.as(org, 'auditor');
    const cookie = await signedCookie(auditor);
    const res = await fetch(`${t.url}/api/instruments/export?format=xlsx&typeId=${types['Adenda']}`, {
      headers: { cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Convenios');
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^Adenda Número Dos al Anexo Financiero/);
  });
});

async function signedCookie(client: HttpClient): Promise<string> {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
