import { describe, expect, it } from 'vitest';
import { buildReport, reportTitle } from './build-report';
import { secondOrganization } from './sample-data';
import { renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';

describe('buildReport for another organization', () => {
  const doc = buildReport(secondOrganization());
  const md = renderMarkdown(doc);

  it('takes every name from the records', () => {
    expect(reportTitle('Comité de Enlace Institucional', '2025-04-01', '2025-06-30')).toBe(
      'Informe trimestral del Comité de Enlace Institucional de abril a junio de 2025',
    );
    expect(md).toContain('## II. Sesiones del Comité de Enlace Institucional y Asistencia');
    expect(md).toContain('## III. Acuerdos y puntos presentados al Comité');
    expect(md).toContain('El Comité celebró, en modalidad presencial, dos sesiones.');
    expect(md).toContain('El Comité adoptó un total de un acuerdo');
    expect(md).toContain(
      'designación de la doctora Ana Torres Gil, Directora de Enlace, como secretaria técnica',
    );
    expect(md).not.toMatch(/IECM|CVOE|INE\b|SIVOPLE/);
  });

  it('lays section IV out by the organization program, with a reason where nothing was done', () => {
    expect(md).toContain('### 1. Enlace con universidades');
    expect(md).toContain('#### A) Organizar conferencias');
    expect(md).toContain('Conferencia sobre participación \\<juvenil\\> en la Universidad del Norte');
    expect(md).toContain('#### B) Firmar cartas de intención');
    expect(md).toContain('Las universidades pospusieron la firma al siguiente trimestre.');
    expect(doc.objectives).toEqual([
      { code: '1.A', title: 'Organizar conferencias', activities: 1, reason: null },
      {
        code: '1.B',
        title: 'Firmar cartas de intención',
        activities: 0,
        reason: 'Las universidades pospusieron la firma al siguiente trimestre.',
      },
    ]);
  });

  it('puts staff pending items under their program line', () => {
    expect(md).toContain('**1. Enlace con universidades**\n\n- Conferencia en la **Universidad del Sur**.');
  });

  it('records figures and the dates it cites', () => {
    expect(doc.figures.find((f) => f.key === 'sessions')?.value).toBe(2);
    expect(doc.figures.find((f) => f.key === 'attendance.session.2')?.value).toBe(1);
    expect(doc.dates.map((d) => d.date)).toEqual(['2025-04-10', '2025-06-12', '2025-04-10', '2025-05-14']);
  });

  it('replaces edited narrative paragraphs and keeps the rest generated', () => {
    const edited = buildReport(secondOrganization(), {
      narrative: { 'presentation.sessions': 'El Comité sesionó **dos veces**.' },
    });
    const p = edited.blocks.find((b) => b.type === 'paragraph' && b.key === 'presentation.sessions');
    expect(p).toEqual({
      type: 'paragraph',
      key: 'presentation.sessions',
      edited: true,
      runs: [{ text: 'El Comité sesionó ' }, { text: 'dos veces', bold: true }, { text: '.' }],
    });
    expect(renderMarkdown(edited)).toContain('El Comité sesionó **dos veces**.');
    expect(edited.blocks.filter((b) => b.type === 'paragraph' && b.edited)).toHaveLength(1);
  });

  it('renders HTML with escaped text, spanning headers and a contents list', () => {
    const html = renderHtml(doc);
    expect(html).toContain('&lt;juvenil&gt;');
    expect(html).toContain('<th colspan="2" class="center" scope="col">Asistencia a las sesiones</th>');
    expect(html).toMatch(/<nav class="toc"[^>]*>.*IV\. Actividades realizadas/s);
    expect(html).toContain('<td class="center">✓</td>');
  });
});
