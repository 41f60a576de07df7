import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document-blocks';
import { Ledger, type ReportContext } from '../platform/documents/document-kit';
import {
  activityBlocks,
  activityDate,
  planReviewBlocks,
  programPending,
  publicationBlocks,
  type ProgramActivity,
} from './report-section';

const context = (): ReportContext => ({
  organization: { name: 'Instituto Electoral del Estado de Ejemplo', acronym: 'IEEE' },
  body: { name: 'Comité de Enlace Institucional' },
  from: '2025-04-01',
  to: '2025-06-30',
  ledger: new Ledger(),
});
const text = (b: Block | undefined) => (b?.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '');
const rows = (b: Block | undefined) =>
  b?.type === 'table' ? b.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join(''))) : [];

const talk: ProgramActivity = {
  on: '2025-04-10',
  until: '2025-04-10',
  text: 'Conferencia sobre participación juvenil',
  place: 'Universidad del Norte',
};
const tour: ProgramActivity = {
  on: '2025-05-05',
  until: '2025-05-08',
  text: 'Gira de trabajo',
  dates: { mode: 'range', from: '2025-05-05', to: '2025-05-08' },
  route: ['Madrid', 'Barcelona'],
  people: [{ name: 'Laura Méndez Soto', role: 'lead', title: 'Consejera Electoral' }],
};

describe("the program's part of section IV", () => {
  it('dates an activity by its recorded dates, or its first and last day', () => {
    expect(activityDate(talk)).toBe('Jueves 10 de abril de 2025');
    expect(activityDate({ ...talk, until: '2025-04-11' })).toBe('10 al 11 de abril de 2025');
    expect(activityDate(tour)).toBe('5 al 8 de mayo de 2025');
    expect(activityDate({ ...talk, on: null })).toBe('');
  });

  it('writes one table per layout, counts the activities and cites their days', () => {
    const c = context();
    const out = activityBlocks(c, [talk, tour], '1.A');
    expect(text(out[0])).toBe(
      'Durante el periodo se realizaron dos actividades, que se describen a continuación:',
    );
    expect(rows(out[1])).toEqual([
      [
        '1.',
        'Jueves 10 de abril de 2025',
        'Conferencia sobre participación juvenil',
        'Universidad del Norte',
      ],
    ]);
    expect(rows(out[2])).toEqual([
      ['1.', 'Madrid-Barcelona', '5 al 8 de mayo de 2025', 'Consejera Electoral Laura Méndez Soto'],
    ]);
    expect(c.ledger.figures).toEqual([
      { key: 'program.1.A.activities', label: 'Actividades del objetivo 1.A', value: 2 },
    ]);
    expect(c.ledger.dates.map((d) => d.date)).toEqual(['2025-04-10', '2025-05-05']);
    expect(activityBlocks(c, [], '1.B')).toEqual([]);
  });

  it('lists a weekly series with its dates, and plan reviews by system', () => {
    const c = context();
    const series = publicationBlocks(
      c,
      [
        {
          name: 'Boletín',
          cadence: 'weekly',
          audience: 'Personas consejeras',
          distribution: null,
          issues: [
            { on: '2025-04-07', title: 'Síntesis', numbered: true },
            { on: '2025-04-14', title: 'Síntesis', numbered: true },
          ],
        },
      ],
      '2.A',
    );
    expect(text(series[0])).toBe(
      'Se elaboraron y enviaron dos números de «Boletín», dirigidos a personas consejeras (Síntesis), en las siguientes fechas:',
    );
    const reviews = planReviewBlocks(
      c,
      [{ system: 'Plan Integral del Proceso', reviewedOn: '2025-05-02', informedTo: 'La Presidencia' }],
      '2.B',
    );
    expect(text(reviews[0])).toBe(
      'Se realizó la revisión de las actualizaciones del Plan Integral del Proceso, informando de ello en una ocasión a la Presidencia, en las siguientes fechas:',
    );
    expect(c.ledger.figures.map((f) => [f.key, f.value])).toEqual([
      ['program.2.A.issues.Boletín', 2],
      ['program.2.B.reviews', 1],
    ]);
  });
});

describe("the program's part of section V", () => {
  it("puts the next period's targets and scheduled activities under their line", () => {
    const entries = programPending(
      [
        {
          line: '3',
          objective: 'A',
          description: 'Realización de al menos dos foros.',
          minimumCount: 2,
          unit: 'foros',
          periodStart: '2025-07-01',
          periodEnd: '2025-09-30',
        },
      ],
      [{ ...talk, on: '2025-07-15', until: '2025-07-15', text: 'Foro regional', line: '3' }],
    );
    expect(entries.map((e) => e.line)).toEqual(['3', '3']);
    const [targets, scheduled] = entries.map((e) => e.blocks[1]);
    expect(targets?.type === 'list' && targets.items[0]![0]!.text).toBe(
      'Realización de al menos dos foros durante el tercer trimestre de 2025 (meta: dos foros).',
    );
    expect(scheduled?.type === 'list' && scheduled.items[0]![0]!.text).toBe(
      'Martes 15 de julio de 2025: Foro regional.',
    );
  });
});
