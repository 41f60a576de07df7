import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import { todayInMexicoCity } from '../../shared/dates';
import type { ArcoRequest, Base, Campaign, Consent, Contact, ContactDetail } from './contract';

let t: TestApp;
let org: TestOrg;
let staff: HttpClient;
let auditor: HttpClient;
const today = todayInMexicoCity();

function csv(text: string, name = 'contactos.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLO');
  staff = await t.as(org, 'liaison_staff');
  auditor = await t.as(org, 'auditor');
});
afterAll(() => t.close());

async function base(name: string, kind = 'observer_network'): Promise<Base> {
  const res = await staff.post<Base>('/api/outreach/bases', { name, kind });
  expect(res.status).toBe(201);
  return res.body;
}

describe('contacts, duplicates and consent', () => {
  it('refuses a duplicate by e-mail, phone or (without either) accent-insensitive name', async () => {
    const b = await base('Red de Observación (duplicados)');
    const first = await staff.post<Contact>('/api/outreach/contacts', {
      fullName: 'María José Pérez',
      email: 'MJ.Perez@Ejemplo.mx',
      phone: '+52 55 1111 2222',
      baseIds: [b.id],
    });
    expect(first.status).toBe(201);
    expect(first.body.consenting).toBe(false);
    const byEmail = await staff.post('/api/outreach/contacts', {
      fullName: 'Otra',
      email: 'mj.perez@ejemplo.MX',
    });
    expect(byEmail.status).toBe(409);
    expect(byEmail.body).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'email' }] });
    const byPhone = await staff.post('/api/outreach/contacts', { fullName: 'Otra', phone: '(55) 1111-2222' });
    expect(byPhone.status).toBe(409);
    await staff.post('/api/outreach/contacts', { fullName: 'Sin Datos Ñandú' });
    const byName = await staff.post('/api/outreach/contacts', { fullName: 'sin datos ñandu' });
    expect(byName.status).toBe(409);
    expect(byName.body).toMatchObject({ fields: [{ path: 'fullName' }] });
    const badBase = await staff.post('/api/outreach/contacts', {
      fullName: 'X',
      baseIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badBase.status).toBe(400);
    expect((await auditor.post('/api/outreach/contacts', { fullName: 'Auditora' })).status).toBe(403);
  });

  it('records consent with evidence and its withdrawal; never a future date', async () => {
    const c = (
      await staff.post<Contact>('/api/outreach/contacts', { fullName: 'Consentidor', email: 'c@ejemplo.mx' })
    ).body;
    const future = await staff.post(`/api/outreach/contacts/${c.id}/consents`, {
      purpose: 'Difusión',
      givenOn: '2099-01-01',
      source: 'Formulario',
      privacyNoticeVersion: '2024-01',
    });
    expect(future.status).toBe(400);
    const given = await staff.post<Consent>(`/api/outreach/contacts/${c.id}/consents`, {
      purpose: 'Difusión de actividades institucionales',
      givenOn: '2024-01-10',
      source: 'Formulario de registro en la Feria',
      privacyNoticeVersion: 'AP-2024-01',
      evidence: 'Folio de registro 118',
    });
    expect(given.status).toBe(201);
    expect((await staff.get<Contact>(`/api/outreach/contacts/${c.id}`)).body.consenting).toBe(true);
    const early = await staff.post(`/api/outreach/consents/${given.body.id}/withdraw`, {
      withdrawnOn: '2024-01-01',
      source: 'Correo',
    });
    expect(early.status).toBe(400);
    const w = await staff.post<Consent>(`/api/outreach/consents/${given.body.id}/withdraw`, {
      withdrawnOn: today,
      source: 'Correo de la persona',
    });
    expect(w.status).toBe(200);
    expect(w.body.withdrawnOn).toBe(today);
    expect(
      (
        await staff.post(`/api/outreach/consents/${given.body.id}/withdraw`, {
          withdrawnOn: today,
          source: 'x',
        })
      ).status,
    ).toBe(409);
    const detail = (await staff.get<ContactDetail>(`/api/outreach/contacts/${c.id}`)).body;
    expect(detail.consenting).toBe(false);
    expect(detail.consents[0]).toMatchObject({
      evidence: 'Folio de registro 118',
      privacyNoticeVersion: 'AP-2024-01',
    });
  });
});

describe('import', () => {
  it('reports every bad or duplicated row and imports nothing; imports all when clean', async () => {
    const b = await base('Ciudadanía en el extranjero (importación)', 'citizens_abroad');
    await staff.post('/api/outreach/contacts', { fullName: 'Ya Existe', email: 'existe@ejemplo.mx' });
    const bad = await staff.post<{ code: string; fields: { path: string; message: string }[] }>(
      `/api/outreach/contacts/import?baseId=${b.id}`,
      csv(
        'nombre,correo,telefono,consentimiento_fecha,aviso_privacidad_version\n' +
          'Ana Uno,ana@ejemplo.mx,,2024-01-05,AP-1\n' +
          'Otra Ana,ANA@ejemplo.mx,,,\n' +
          'Mal Correo,no-es-correo,,,\n' +
          'Existe Otra,existe@ejemplo.mx,,,\n' +
          'Sin Aviso,sinaviso@ejemplo.mx,,2024-01-05,\n',
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IMPORT_INVALID');
    const paths = bad.body.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rows.3.correo',
        'rows.4.correo',
        'rows.5.correo',
        'rows.6.aviso_privacidad_version',
      ]),
    );
    expect(bad.body.fields.find((f) => f.path === 'rows.3.correo')!.message).toMatch(/fila 2/);
    expect((await staff.get<{ total: number }>(`/api/outreach/contacts?baseId=${b.id}`)).body.total).toBe(0);

    const good = await staff.post<{ imported: number }>(
      `/api/outreach/contacts/import?baseId=${b.id}`,
      csv(
        'Nombre,Correo,Teléfono,País,Etiquetas,Consentimiento_fecha,Aviso_privacidad_version\n' +
          'Luis Chilango,luis@ejemplo.us,+1 213 555 0100,US,Los Ángeles|voto,2024-01-05,AP-1\n' +
          'Rosa Sin Consentimiento,rosa@ejemplo.us,,US,,,\n',
      ),
    );
    expect(good.status).toBe(200);
    expect(good.body.imported).toBe(2);
    const list = await staff.get<{ items: Contact[] }>(`/api/outreach/contacts?baseId=${b.id}`);
    expect(list.body.items.map((c) => [c.fullName, c.consenting, c.tags])).toEqual([
      ['Luis Chilango', true, ['Los Ángeles', 'voto']],
      ['Rosa Sin Consentimiento', false, []],
    ]);
  });
});

describe('campaigns', () => {
  it('refuses to start a campaign to a base with no consenting contact (409 NO_RECIPIENTS)', async () => {
    const b = await base('Base sin consentimiento');
    await staff.post('/api/outreach/contacts', {
      fullName: 'Nadie Consiente',
      email: 'nadie@ejemplo.mx',
      baseIds: [b.id],
    });
    const c = await staff.post<Campaign>('/api/outreach/campaigns', {
      topic: 'Invitación a la Red',
      channels: ['email'],
      month: today.slice(0, 7),
      baseIds: [b.id],
      subject: 'Hola {{nombre}}',
      textTemplate: 'Texto {{nombre}}',
    });
    expect(c.status).toBe(201);
    expect(c.body.status).toBe('draft');
    const started = await staff.post(`/api/outreach/campaigns/${c.body.id}/start`);
    // Without SMTP configured the start is refused before anything is written.
    expect(started.status).toBe(409);
    const bad = await staff.post('/api/outreach/campaigns', {
      topic: 'X',
      channels: ['email', 'email'],
      month: '2024-02',
      sentOn: '2024-03-01',
    });
    expect(bad.status).toBe(400);
    const unknownField = await staff.post('/api/outreach/campaigns', {
      topic: 'X',
      channels: ['email'],
      month: '2024-02',
      textTemplate: 'Hola {{apellido}}',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({ fields: [{ path: 'textTemplate' }] });
  });

  it('logs WhatsApp and phone contacts, refusing opted-out people (409 OPTED_OUT)', async () => {
    const p = (
      await staff.post<Contact>('/api/outreach/contacts', { fullName: 'Por WhatsApp', phone: '55 3333 4444' })
    ).body;
    await staff.post(`/api/outreach/contacts/${p.id}/consents`, {
      purpose: 'Difusión',
      givenOn: '2024-01-02',
      source: 'Llamada',
      privacyNoticeVersion: 'AP-1',
    });
    const c = (
      await staff.post<Campaign>('/api/outreach/campaigns', {
        topic: 'Invitación a observar',
        channels: ['whatsapp', 'phone'],
        month: '2024-02',
        historical: true,
      })
    ).body;
    expect(c.status).toBe('recorded');
    const ok = await staff.post(`/api/outreach/campaigns/${c.id}/manual-contacts`, {
      contactId: p.id,
      channel: 'whatsapp',
      outcome: 'delivered',
      contactedOn: '2024-02-10',
    });
    expect(ok.status).toBe(201);
    await staff.put(`/api/outreach/contacts/${p.id}/opt-outs`, {
      email: false,
      whatsapp: false,
      phone: true,
    });
    const refused = await staff.post(`/api/outreach/campaigns/${c.id}/manual-contacts`, {
      contactId: p.id,
      channel: 'phone',
      outcome: 'delivered',
      contactedOn: '2024-02-11',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'OPTED_OUT' });
    const detail = (await staff.get<Campaign>(`/api/outreach/campaigns/${c.id}`)).body;
    expect(detail.progress.manual).toBe(1);
  });
});

describe('ARCO requests, export and erasure', () => {
  it('tracks the deadline in business days, extends once, exports and erases keeping the audit truthful', async () => {
    const admin = await t.as(org, 'administrator');
    const p = (
      await staff.post<Contact>('/api/outreach/contacts', {
        fullName: 'Titular Derechos Arco',
        email: 'titular.arco@ejemplo.mx',
        phone: '55 9999 0000',
        notes: 'Prefiere llamadas por la tarde',
      })
    ).body;
    await staff.patch(`/api/outreach/contacts/${p.id}`, { city: 'Coyoacán' });
    const r = await staff.post<ArcoRequest>('/api/outreach/arco-requests', {
      contactId: p.id,
      kind: 'cancellation',
      receivedOn: '2024-02-01',
      description: 'Solicita la supresión de sus datos',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ folio: 'ARCO/001/2024', dueOn: '2024-03-01', status: 'pending' });
    expect(r.body.businessDaysLeft).toBeLessThan(0);
    const late = await staff.post(`/api/outreach/arco-requests/${r.body.id}/extend`, {
      extendedOn: '2024-03-04',
      reason: 'x',
    });
    expect(late.status).toBe(400);
    const ext = await staff.post<ArcoRequest>(`/api/outreach/arco-requests/${r.body.id}/extend`, {
      extendedOn: '2024-02-20',
      reason: 'Búsqueda en archivos de las direcciones distritales',
    });
    expect(ext.body).toMatchObject({ status: 'extended', dueOn: '2024-03-15' });
    expect(
      (
        await staff.post(`/api/outreach/arco-requests/${r.body.id}/extend`, {
          extendedOn: '2024-02-21',
          reason: 'x',
        })
      ).status,
    ).toBe(409);

    const json = await staff.get<{ contact: Contact; arcoRequests: ArcoRequest[] }>(
      `/api/outreach/contacts/${p.id}/export?format=json`,
    );
    expect(json.status).toBe(200);
    expect(json.body.contact.email).toBe('titular.arco@ejemplo.mx');
    expect(json.body.arcoRequests[0]!.folio).toBe('ARCO/001/2024');
    const xlsx = await staff.get<string>(`/api/outreach/contacts/${p.id}/export?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    const erased = await staff.post<Contact>(`/api/outreach/contacts/${p.id}/erase`, {
      arcoRequestId: r.body.id,
      reason: 'Solicitud ARCO/001/2024 procedente',
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ fullName: null, email: null, phone: null, notes: null });
    expect(erased.body.erasedAt).not.toBeNull();
    expect((await staff.patch(`/api/outreach/contacts/${p.id}`, { city: 'Tlalpan' })).status).toBe(409);
    const resolved = await staff.post<ArcoRequest>(`/api/outreach/arco-requests/${r.body.id}/resolve`, {
      resolvedOn: today,
      outcome: 'granted',
      resolution: 'Se suprimieron los datos',
    });
    expect(resolved.body).toMatchObject({ status: 'granted', businessDaysLeft: null, description: null });

    // The audit trail tells the whole story without a single personal value.
    const trail = await admin.get<{ items: { action: string; after: unknown; before: unknown }[] }>(
      `/api/audit?entityId=${p.id}&pageSize=100`,
    );
    const all = await admin.get<{ items: unknown[] }>('/api/audit?pageSize=200');
    const text = JSON.stringify(all.body);
    for (const secret of [
      'Titular Derechos Arco',
      'titular.arco@ejemplo.mx',
      // The phone as typed and as digits; not '9999' alone, which a SHA-256 in the trail may hold.
      '9999 0000',
      '99990000',
      'Coyoacán',
      'Prefiere llamadas',
    ])
      expect(text).not.toContain(secret);
    expect(JSON.stringify(trail.body)).toContain('outreach.contact.erase');
  });
});
