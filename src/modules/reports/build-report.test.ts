import { describe, expect, it } from 'vitest';
import { buildReport, plainText, reportTitle } from './build-report';
import { isCalendarQuarter, nextPeriod } from '../../shared/periods';
import { secondOrganization } from './sample-data';
import { renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';
import { crossSectionProblems } from './cross-section-figures';

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

  it('states every figure of the Presentación again in the section that details it, alike', () => {
    const summary = doc.figures.filter((f) => f.section === 'I');
    expect(summary.map((f) => f.key)).toEqual(expect.arrayContaining(['sessions', 'agreements']));
    for (const f of summary) {
      if (f.key === 'members') continue; // the composition table is the Presentación's own
      const detailed = doc.figures.filter((g) => g.key === f.key && g.section !== 'I');
      expect(detailed.length, f.key).toBeGreaterThan(0);
      expect(
        detailed.map((g) => g.value),
        f.key,
      ).toEqual(detailed.map(() => f.value));
    }
    expect(crossSectionProblems(doc.figures)).toEqual([]);
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
      highlight: true,
      runs: [{ text: 'El Comité sesionó ' }, { text: 'dos veces', bold: true }, { text: '.' }],
    });
    expect(renderMarkdown(edited)).toContain('El Comité sesionó **dos veces**.');
    expect(edited.blocks.filter((b) => b.type === 'paragraph' && b.edited)).toHaveLength(1);
  });

  it('flags an edit whose records now write another text, and keeps it', () => {
    const generated = doc.blocks.find((b) => b.type === 'paragraph' && b.key === 'presentation.sessions');
    const basis = generated?.type === 'paragraph' ? plainText(generated.runs) : '';
    const text = 'El Comité sesionó **dos veces**.';
    const same = buildReport(secondOrganization(), {
      narrative: { 'presentation.sessions': text },
      layout: { basis: { 'presentation.sessions': basis } },
    });
    const changed = buildReport(secondOrganization(), {
      narrative: { 'presentation.sessions': text },
      layout: { basis: { 'presentation.sessions': basis.replace('dos sesiones', 'tres sesiones') } },
    });
    const at = (d: typeof doc) =>
      d.blocks.find((b) => b.type === 'paragraph' && b.key === 'presentation.sessions');
    expect(basis).toContain('dos sesiones');
    expect(at(same)).not.toHaveProperty('stale');
    expect(at(changed)).toMatchObject({ edited: true, stale: true });
    expect(renderMarkdown(changed)).toContain('El Comité sesionó **dos veces**.');
  });

  it('puts the highlights in staff order, without the removed ones, with staff own paragraphs', () => {
    const keys = (d: typeof doc) =>
      d.blocks.flatMap((b) => (b.type === 'paragraph' && b.highlight ? [b.key] : []));
    const generated = keys(doc);
    expect(generated.length).toBeGreaterThanOrEqual(2);
    const [first, second, ...rest] = generated;
    const arranged = buildReport(secondOrganization(), {
      narrative: { 'presentation.added.1': 'Un párrafo **propio**.' },
      layout: { order: ['presentation.added.1', second!], removed: [first!] },
    });
    expect(keys(arranged)).toEqual(['presentation.added.1', second, ...rest]);
    // The composition and the section that follows stay where they were.
    const md = renderMarkdown(arranged);
    expect(md.indexOf('Un párrafo **propio**.')).toBeGreaterThan(md.indexOf('como secretaria técnica'));
    expect(md.indexOf('Un párrafo **propio**.')).toBeLessThan(md.indexOf('## II.'));
  });

  it('renders HTML with escaped text, spanning headers and a contents list', () => {
    const html = renderHtml(doc);
    expect(html).toContain('&lt;juvenil&gt;');
    expect(html).toContain('<th colspan="2" class="center" scope="col">Asistencia a las sesiones</th>');
    expect(html).toMatch(/<nav class="toc"[^>]*>.*IV\. Actividades realizadas/s);
    expect(html).toContain('<td class="center">✓</td>');
  });
});

describe('section IV by program records of any kind, V and VI by line', () => {
  const data = secondOrganization();
  const line = data.program!.lines[0]!;
  const rich = secondOrganization({
    program: {
      name: 'Programa Anual de Enlace 2025',
      lines: [
        {
          ...line,
          objectives: [
            {
              key: 'A',
              title: 'Difundir la cultura democrática',
              blocks: [],
              reason: null,
              activities: [
                {
                  on: '2025-05-05',
                  until: '2025-05-08',
                  text: 'Gira de trabajo en Madrid y Barcelona',
                  dates: { mode: 'range', from: '2025-05-05', to: '2025-05-08' },
                  route: ['Madrid', 'Barcelona'],
                  people: [{ name: 'Laura Méndez Soto', role: 'lead', title: 'Consejera Electoral' }],
                },
                {
                  on: '2025-06-01',
                  until: '2025-06-03',
                  text: 'Misión de observación',
                  dates: { mode: 'range', from: '2025-06-01', to: '2025-06-03' },
                  invitingInstitution: 'Tribunal Electoral de Ejemplo',
                  election: 'Elecciones Generales',
                  country: 'Ejemplo',
                  people: [{ name: 'Pablo Ortiz Lara', role: 'representative', title: null }],
                },
              ],
              publications: [
                {
                  name: 'Gaceta',
                  cadence: 'irregular',
                  audience: null,
                  distribution: null,
                  issues: [
                    { on: '2025-04-02', title: 'Noticias', numbered: false },
                    { on: '2025-04-09', title: 'Noticias', numbered: false },
                    { on: '2025-04-20', title: 'Número especial', numbered: true },
                  ],
                },
              ],
              campaigns: [
                { topic: 'Invitación al foro', month: '2025-04', sentOn: null, channels: ['email'] },
                { topic: 'Convocatoria', month: '2025-05', sentOn: null, channels: ['whatsapp'] },
              ],
            },
            {
              key: 'B',
              title: 'Firmar cartas de intención',
              blocks: ['agreements.signed'],
              reason: null,
              activities: [],
            },
          ],
        },
      ],
    },
    nextTargets: [
      {
        line: '1',
        objective: 'A',
        description: 'Realización de al menos dos foros',
        minimumCount: 2,
        unit: 'foros',
        periodStart: '2025-07-01',
        periodEnd: '2025-09-30',
      },
    ],
    scheduled: [{ on: '2025-07-15', until: '2025-07-15', text: 'Foro regional', line: '1' }],
  });
  const doc = buildReport(rich);
  const md = renderMarkdown(doc);
  const rows = (key: string) => {
    const tbl = doc.blocks.find((b) => b.type === 'table' && b.key === key);
    if (tbl?.type !== 'table') throw new Error(`no table ${key}`);
    return tbl.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join('')));
  };

  it('prints tours, missions, publications and campaigns with their own columns', () => {
    expect(rows('program.1.A.tour')).toEqual([
      ['1.', 'Madrid-Barcelona', '5 al 8 de mayo de 2025', 'Consejera Electoral Laura Méndez Soto'],
    ]);
    expect(rows('program.1.A.mission')).toEqual([
      [
        '1.',
        '1 al 3 de junio de 2025',
        'Tribunal Electoral de Ejemplo',
        'Elecciones Generales, Ejemplo',
        'Pablo Ortiz Lara',
      ],
    ]);
    expect(md).toContain(
      '| No. | Fecha | Institución que extendió la invitación | Elección | Representantes del IEEE |',
    );
    // Unnumbered issues are counted together by month; numbered ones one by one.
    expect(rows('program.1.A.materials')).toEqual([
      ['1.', '2 y 9 de abril de 2025', 'Noticias'],
      ['2.', '20 de abril de 2025', 'Número especial'],
    ]);
    expect(rows('program.1.A.campaigns')).toEqual([
      ['1.', 'Invitación al foro'],
      ['2.', 'Convocatoria'],
    ]);
    expect(rows('annex.campaigns.1.A')).toEqual([
      ['1.', 'Abril 2025', 'Invitación al foro'],
      ['2.', 'Mayo 2025', 'Convocatoria'],
    ]);
    expect(md).toContain(
      'Entre los resultados más destacables del periodo se encuentra la organización de una gira de trabajo al extranjero: Madrid-Barcelona (5 al 8 de mayo de 2025).',
    );
  });

  it('asks for a reason where an objective has no records, and the ledger says so', () => {
    expect(doc.objectives.find((o) => o.code === '1.B')).toEqual({
      code: '1.B',
      title: 'Firmar cartas de intención',
      activities: 0,
      reason: null,
    });
    expect(doc.objectives.find((o) => o.code === '1.A')?.activities).toBe(2 + 3 + 2);
  });

  it('puts next-quarter targets and scheduled activities under their line in section V', () => {
    const pendingSection = md.slice(md.indexOf('## V.'), md.indexOf('## VI.'));
    expect(pendingSection).toContain('**1. Enlace con universidades**');
    expect(pendingSection).toContain(
      '- Realización de al menos dos foros durante el tercer trimestre de 2025 (meta: dos foros).',
    );
    expect(pendingSection).toContain('- Martes 15 de julio de 2025: Foro regional.');
    expect(pendingSection).toContain('- Conferencia en la **Universidad del Sur**.');
    expect(md).toContain('Se difundieron dos comunicaciones a los grupos de contacto de la institución.');
    expect(md).not.toMatch(/IECM|CVOE|INE\b|SIVOPLE/);
  });

  it('computes the next period of the same shape', () => {
    expect(nextPeriod('2024-01-01', '2024-03-31')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(nextPeriod('2024-10-01', '2024-12-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(nextPeriod('2024-09-01', '2024-12-31')).toEqual({ from: '2025-01-01', to: '2025-04-30' });
    expect(nextPeriod('2024-03-06', '2024-03-09')).toEqual({ from: '2024-03-10', to: '2024-03-13' });
    expect(isCalendarQuarter('2024-04-01', '2024-06-30')).toBe(2);
    expect(isCalendarQuarter('2024-04-01', '2024-05-31')).toBeNull();
  });
});
