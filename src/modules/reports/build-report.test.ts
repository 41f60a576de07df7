import { describe, expect, it } from 'vitest';
import { buildReport, reportTitle } from './build-report';
import type { ReportData } from './report-data';
import { renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';

// A second organization, with its own committee and program: nothing in the builders is specific
// to the reference's institute.

const session = (id: string, number: number, heldOn: string) => ({
  id,
  bodyId: 'b1',
  kind: 'ordinaria' as const,
  number,
  name: `${number === 1 ? 'primera' : 'segunda'} sesión ordinaria de 2025`,
  heldOn,
  heldOnText: heldOn,
  startTime: null,
  endTime: null,
  modality: 'presencial' as const,
  convokedOn: null,
  place: null,
  minutesText: null,
  minutesApprovedBy: null,
});

export function secondOrganization(over: Partial<ReportData> = {}): ReportData {
  return {
    organization: { name: 'Instituto Electoral del Estado de Ejemplo', acronym: 'IEEE' },
    body: {
      id: 'b1',
      name: 'Comité de Enlace Institucional',
      acronym: 'CEI',
      createdByAgreement: 'IEEE/CG/010/2024',
      createdOn: '2024-11-05',
    },
    from: '2025-04-01',
    to: '2025-06-30',
    members: [
      {
        role: 'president',
        name: 'Laura Méndez Soto',
        honorific: null,
        gender: 'female',
        title: 'Consejera Electoral',
      },
      {
        role: 'member',
        name: 'Pablo Ortiz Lara',
        honorific: null,
        gender: 'male',
        title: 'Consejero Electoral',
      },
    ],
    secretaries: [
      {
        name: 'Ana Torres Gil',
        honorific: 'Dra.',
        gender: 'female',
        title: 'Directora de Enlace',
        startsOn: '2024-11-20',
        agreementNumber: 'CEI/001/2024',
      },
    ],
    attendance: {
      sessions: [
        { id: 's1', heading: '1° Ord', name: 'primera sesión ordinaria de 2025', heldOn: '2025-04-10' },
        { id: 's2', heading: '2° Ord', name: 'segunda sesión ordinaria de 2025', heldOn: '2025-06-12' },
      ],
      rows: [
        {
          role: 'president',
          roleLabel: 'Presidencia',
          line: 'Presidencia: Laura Méndez Soto',
          name: 'Laura Méndez Soto',
          personId: null,
          institutionId: null,
          attended: [true, true],
          count: 2,
          held: 2,
          percent: 100,
          footnote: null,
        },
        {
          role: 'member',
          roleLabel: 'Integrante',
          line: 'Integrante: Pablo Ortiz Lara',
          name: 'Pablo Ortiz Lara',
          personId: null,
          institutionId: null,
          attended: [true, false],
          count: 1,
          held: 2,
          percent: 50,
          footnote: null,
        },
      ],
      footnotes: [],
    },
    agreements: {
      sessions: [
        {
          session: session('s1', 1, '2025-04-10'),
          heading: 'Primera sesión ordinaria, jueves 10 de abril de 2025',
          agreements: [
            {
              id: 'a1',
              bodyId: 'b1',
              sessionId: 's1',
              agendaItemId: null,
              number: 'CEI/001/2025',
              year: 2025,
              sequence: 1,
              title: 'Aprobación del orden del día',
              body: null,
              adoptedOn: '2025-04-10',
              voteKind: 'unanimity' as never,
              votes: [],
              historical: false,
              frozen: false,
            },
          ],
        },
        {
          session: session('s2', 2, '2025-06-12'),
          heading: 'Segunda sesión ordinaria, jueves 12 de junio de 2025',
          agreements: [],
        },
      ],
      total: 1,
    },
    mandateUpdates: [],
    channel: null,
    instruments: null,
    pendingOpinions: 0,
    openInstruments: [],
    program: {
      name: 'Programa Anual de Enlace 2025',
      lines: [
        {
          number: '1',
          title: 'Enlace con universidades',
          objectives: [
            {
              key: 'A',
              title: 'Organizar conferencias',
              blocks: [],
              reason: null,
              activities: [
                {
                  on: '2025-05-14',
                  until: null,
                  text: 'Conferencia sobre participación <juvenil> en la Universidad del Norte',
                },
              ],
            },
            {
              key: 'B',
              title: 'Firmar cartas de intención',
              blocks: ['agreements.signed'],
              reason: 'Las universidades pospusieron la firma al siguiente trimestre.',
              activities: [],
            },
          ],
        },
      ],
    },
    pendingItems: [{ line: '1', text: 'Conferencia en la **Universidad del Sur**.' }],
    ...over,
  };
}

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
