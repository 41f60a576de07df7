import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report';
import { secondOrganization } from '../sample-data';
import { renderReport, reportFileName } from './index';

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
