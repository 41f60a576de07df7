import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report';
import { secondOrganization } from '../sample-data';
import { renderReport, reportFileName } from './index';
import { drawDemoLogo } from '../../accounts/demo-letterhead';

// The DOCX and PDF renderings of one document tree, opened and read back.

const doc = buildReport(secondOrganization());

describe('DOCX', () => {
  it('holds the text, real tables with header rows, headings, contents and page numbers', async () => {
    const file = await renderReport(doc, 'docx');
    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('II. Sesiones del Comité de Enlace Institucional y Asistencia');
    expect(text).toContain('Las universidades pospusieron la firma al siguiente trimestre.');
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    // Members, attendance, the program objective's activities.
    expect(tables).toHaveLength(3);
    const attendance = tables[1]!;
    expect(attendance.match(/<w:tr>|<w:tr /g)).toHaveLength(4);
    expect(attendance).toContain('<w:tblHeader/>');
    expect(attendance).toMatch(/<w:gridSpan w:val="2"\/>/);
    const cells = (row: string) =>
      [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => c[0].replace(/<[^>]+>/g, ''));
    const rows = attendance.match(/<w:tr[ >].*?<\/w:tr>/gs)!;
    expect(cells(rows[3]!)).toEqual(['Integrante: Pablo Ortiz Lara', '✓', '']);
    expect(xml).toContain('w:pStyle w:val="Heading1"');
    expect(xml).toMatch(/TOC \\h \\o/);
    expect(text).toContain('Contenido');
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    expect(await zip.file(footer)!.async('string')).toContain('PAGE');
  });
});

describe('DOCX with the letterhead and the signers', () => {
  it('puts the logo and header lines in the page header, the footer lines above the page number', async () => {
    const signed = buildReport({
      ...secondOrganization(),
      signers: [
        { name: 'Lic. Ramón Gil Torres', role: 'Secretario Técnico del Comité de Enlace Institucional' },
      ],
      letterhead: {
        headerLines: ['Organismo Público Local Electoral del Estado B'],
        footerLines: ['Avenida Central 100, Ciudad B'],
        logo: { sha256: 'x', mediaType: 'image/png', width: 240, height: 96 },
      },
    });
    const logo = { data: drawDemoLogo(), mediaType: 'image/png' as const, width: 240, height: 96 };
    const zip = await JSZip.loadAsync(await renderReport(signed, 'docx', logo));
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    expect(header).toContain('Organismo Público Local Electoral del Estado B');
    expect(header).toContain('Comité de Enlace Institucional');
    expect(header).toContain('<pic:pic');
    expect(zip.file(/word\/media\/.*\.png/)).toHaveLength(1);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toContain('Avenida Central 100, Ciudad B');
    expect(footer).toContain('PAGE');
    const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(body).toContain('Lic. Ramón Gil TorresSecretario Técnico del Comité de Enlace Institucional');
  });

  it('prints no header for a document generated before letterheads', async () => {
    const zip = await JSZip.loadAsync(await renderReport(doc, 'docx'));
    expect(zip.file(/word\/header\d*\.xml/)).toHaveLength(0);
  });
});

describe('PDF', () => {
  it('is a PDF document', async () => {
    const file = await renderReport(doc, 'pdf');
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.length).toBeGreaterThan(5000);
  });
});

describe('file names', () => {
  it('name the body and period', () => {
    expect(reportFileName(doc, 'docx')).toBe('informe-cei-2025-04-01-2025-06-30.docx');
  });
});
