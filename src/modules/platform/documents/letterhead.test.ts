import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { pdfDefinition, renderDocx, type DocModel } from './letterhead';

const model: DocModel = {
  title: 'Orden del día — Comisión de Vinculación',
  letterhead: {
    organization: 'Instituto Electoral de la Ciudad de México',
    acronym: 'IECM',
    body: 'Comisión Provisional de Vinculación con Organismos Externos',
    issuedOn: '25 de enero de 2024',
  },
  blocks: [
    { kind: 'title', text: 'Comisión Provisional de Vinculación con Organismos Externos' },
    { kind: 'list', numbered: true, items: ['Lista de asistencia', 'Aprobación del orden del día'] },
  ],
};

const texts = (c: unknown): string[] =>
  Array.isArray(c)
    ? c.flatMap(texts)
    : c && typeof c === 'object'
      ? [
          ...(typeof (c as { text?: unknown }).text === 'string' ? [(c as { text: string }).text] : []),
          ...texts((c as { stack?: unknown }).stack ?? []),
        ]
      : [];

describe('letterhead', () => {
  it('prints the same lines on every PDF page: organization, body, date of issue, page N of M', () => {
    const def = pdfDefinition(model);
    const header = (def.header as (page: number, pages: number) => Content)(2, 3);
    expect(texts(header)).toEqual([
      'Instituto Electoral de la Ciudad de México (IECM)',
      'Comisión Provisional de Vinculación con Organismos Externos',
      'Fecha de emisión: 25 de enero de 2024',
    ]);
    expect(texts((def.footer as (page: number, pages: number) => Content)(2, 3))).toEqual(['Página 2 de 3']);
  });

  it('puts those lines in the DOCX header and page fields in its footer', async () => {
    const file = await renderDocx(model, 'orden');
    const zip = await JSZip.loadAsync(file.body);
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    for (const line of [
      'Instituto Electoral de la Ciudad de México (IECM)',
      'Comisión Provisional de Vinculación con Organismos Externos',
      'Fecha de emisión: 25 de enero de 2024',
    ]) {
      expect(header).toContain(line);
    }
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toMatch(/Página .*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>.* de .*NUMPAGES/s);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('2. Aprobación del orden del día');
    expect(file.filename).toBe('orden.docx');
  });

  it('leaves the header out when there is no letterhead, but keeps page numbers', () => {
    const def = pdfDefinition({ title: 'x', blocks: [] });
    expect(def.header).toBeUndefined();
    expect(texts((def.footer as (page: number, pages: number) => Content)(1, 1))).toEqual(['Página 1 de 1']);
  });

  it("prints the organization's logo and lines when its administrator set them", () => {
    const logo = { data: Buffer.from('png'), mediaType: 'image/png' as const, width: 300, height: 150 };
    const def = pdfDefinition({
      ...model,
      letterhead: {
        ...model.letterhead!,
        headerLines: ['Instituto Electoral de la Ciudad de México', 'Secretaría Ejecutiva'],
        footerLines: ['Huizaches 25, Tlalpan'],
        logo,
      },
    });
    const header = (def.header as (page: number, pages: number) => Content)(1, 1) as {
      stack: [{ columns: [{ image: string; width: number; height: number }, { stack: unknown }] }];
    };
    const [image, lines] = header.stack[0].columns;
    // Within 140 × 42 points, its proportions kept.
    expect(image).toMatchObject({
      image: `data:image/png;base64,${logo.data.toString('base64')}`,
      width: 84,
      height: 42,
    });
    expect(texts(lines.stack)).toEqual([
      'Instituto Electoral de la Ciudad de México',
      'Secretaría Ejecutiva',
      'Comisión Provisional de Vinculación con Organismos Externos',
    ]);
    expect(texts((def.footer as (page: number, pages: number) => Content)(1, 2))).toEqual([
      'Huizaches 25, Tlalpan',
      'Página 1 de 2',
    ]);
    // The page's text starts below the taller header.
    expect((def.pageMargins as number[])[1]).toBeGreaterThan(80);
  });
});
