import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { drawDemoLogo } from './demo-letterhead';
import type { LetterheadSettings } from './letterhead-contract';

// The organization's letterhead and the report's legal basis (issue 16): administrators set them,
// the logo only as a real PNG or JPEG within 1 MB, each change audited, each organization its own.

let t: TestApp;
let org: TestOrg;
let admin: HttpClient;

function logoForm(data: Buffer, filename: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), filename);
  return form;
}

async function auditActions(orgId: string): Promise<string[]> {
  const rows = await t.ctx.database.query<{ action: string }>(
    "select action from audit_entry where entity_id = $1 and action like 'organization.letterhead%' order by seq",
    [orgId],
  );
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OMB');
  admin = await t.as(org, 'administrator');
}, 120_000);
afterAll(() => t?.close());

const LINES = {
  headerLines: ['Organismo de Membrete', 'Dirección de Vinculación'],
  footerLines: ['Calle Uno 1, Ciudad de México'],
  legalBasis: 'Este informe se presenta de conformidad con el artículo 1 de la ley local.',
};

describe('letterhead settings', () => {
  it('starts empty, saves the lines and the legal basis, and audits the change', async () => {
    const empty = await admin.get<LetterheadSettings>('/api/letterhead');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ headerLines: [], footerLines: [], legalBasis: null, logo: null });
    const saved = await admin.put<LetterheadSettings>('/api/letterhead', LINES);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject(LINES);
    expect((await admin.get<LetterheadSettings>('/api/letterhead')).body).toMatchObject(LINES);
    expect(await auditActions(org.id)).toEqual(['organization.letterhead']);
  });

  it('refuses blank lines, too many lines and unknown fields with the fields at fault', async () => {
    type Problem = { code: string; fields: { path: string; message: string }[] };
    const tooMany = await admin.put<Problem>('/api/letterhead', {
      headerLines: ['a', 'b', 'c', 'd', 'e'],
      footerLines: [],
      legalBasis: null,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    expect(tooMany.body.fields).toEqual([{ path: 'headerLines', message: 'Escriba hasta 4 líneas' }]);
    const blank = await admin.put<Problem>('/api/letterhead', { ...LINES, footerLines: ['  '] });
    expect(blank.status).toBe(400);
    expect(blank.body.fields).toEqual([
      { path: 'footerLines.0', message: 'Escriba el texto de la línea o quítela' },
    ]);
    const extra = await admin.put('/api/letterhead', { ...LINES, color: 'rojo' });
    expect(extra.status).toBe(400);
  });

  it('takes a PNG logo, records its size in pixels, serves it back and audits it', async () => {
    const png = drawDemoLogo(120, 48);
    const res = await admin.put<LetterheadSettings>('/api/letterhead/logo', logoForm(png, 'logo.png'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.logo).toMatchObject({
      filename: 'logo.png',
      mediaType: 'image/png',
      width: 120,
      height: 48,
    });
    expect(res.body.headerLines).toEqual(LINES.headerLines);
    const back = await admin.getBytes('/api/letterhead/logo');
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(back.bytes.equals(png)).toBe(true);
    expect(await auditActions(org.id)).toEqual(['organization.letterhead', 'organization.letterhead_logo']);
  });

  it('refuses a file that is not a PNG or JPEG, by its name or by its bytes, with a Spanish 415', async () => {
    const svg = await admin.put<{ code: string; message: string; fields: { path: string }[] }>(
      '/api/letterhead/logo',
      logoForm(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg'),
    );
    expect(svg.status).toBe(415);
    expect(svg.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(svg.body.message).toBe('El logotipo debe ser una imagen PNG o JPEG.');
    expect(svg.body.fields[0]!.path).toBe('file');
    // A PDF renamed to .png: its first bytes give it away.
    const renamed = await admin.put<{ message: string }>(
      '/api/letterhead/logo',
      logoForm(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'logo.png'),
    );
    expect(renamed.status).toBe(415);
    expect(renamed.body.message).toBe('El contenido del archivo no es una imagen PNG válida.');
    // A PNG named .jpg is not a JPEG either.
    const misnamed = await admin.put('/api/letterhead/logo', logoForm(drawDemoLogo(10, 10), 'logo.jpg'));
    expect(misnamed.status).toBe(415);
    // The logo set before is still there.
    expect((await admin.get<LetterheadSettings>('/api/letterhead')).body.logo?.filename).toBe('logo.png');
  });

  it('refuses a logo over 1 MB with a Spanish 413', async () => {
    const big = Buffer.concat([drawDemoLogo(10, 10), Buffer.alloc(1024 * 1024)]);
    const res = await admin.put<{ code: string; message: string }>(
      '/api/letterhead/logo',
      logoForm(big, 'grande.png'),
    );
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.message).toBe('El logotipo excede el tamaño permitido (1 MB).');
  });

  it('is for administrators only', async () => {
    const liaison = await t.as(org, 'liaison_staff');
    expect((await liaison.get('/api/letterhead')).status).toBe(403);
    expect((await liaison.put('/api/letterhead', LINES)).status).toBe(403);
    expect((await liaison.put('/api/letterhead/logo', logoForm(drawDemoLogo(10, 10), 'a.png'))).status).toBe(
      403,
    );
  });

  it('another organization neither sees nor changes it: its own is empty, its logo 404', async () => {
    const other = await t.createOrg('OTR');
    const b = await t.as(other, 'administrator');
    const own = await b.get<LetterheadSettings>('/api/letterhead');
    expect(own.body).toEqual({ headerLines: [], footerLines: [], legalBasis: null, logo: null });
    expect((await b.getBytes('/api/letterhead/logo')).status).toBe(404);
    expect((await b.delete('/api/letterhead/logo')).status).toBe(200);
    expect((await admin.get<LetterheadSettings>('/api/letterhead')).body.logo?.filename).toBe('logo.png');
  });

  it('prints on the governance documents: logo, header and footer lines', async () => {
    const body = await admin.post<{ id: string }>('/api/governance/bodies', {
      name: 'Comisión de Membrete',
      acronym: 'CME',
      kind: 'permanent_committee',
      createdOn: '2020-01-01',
    });
    const session = await admin.post<{ id: string }>(`/api/governance/bodies/${body.body.id}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-02-01',
      modality: 'presencial',
    });
    const pdf = await admin.getBytes(
      `/api/governance/sessions/${session.body.id}/documents/orden-del-dia?format=pdf`,
    );
    expect(pdf.status).toBe(200);
    // The logo is embedded as an image XObject of its size in pixels.
    expect(pdf.bytes.toString('latin1')).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 120/);
    const { default: JSZip } = await import('jszip');
    const docx = await admin.getBytes(
      `/api/governance/sessions/${session.body.id}/documents/orden-del-dia?format=docx`,
    );
    const zip = await JSZip.loadAsync(docx.bytes);
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    expect(header).toContain('Organismo de Membrete');
    expect(header).toContain('Dirección de Vinculación');
    expect(header).toContain('<pic:pic');
    expect(zip.file(/word\/media\/.*\.png/)).toHaveLength(1);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toContain('Calle Uno 1, Ciudad de México');
  });

  it('removing the logo is audited and leaves the lines', async () => {
    const res = await admin.delete<LetterheadSettings>('/api/letterhead/logo');
    expect(res.status).toBe(200);
    expect(res.body.logo).toBeNull();
    expect(res.body.headerLines).toEqual(LINES.headerLines);
    expect((await admin.getBytes('/api/letterhead/logo')).status).toBe(404);
    expect((await auditActions(org.id)).at(-1)).toBe('organization.letterhead_logo');
  });
});
