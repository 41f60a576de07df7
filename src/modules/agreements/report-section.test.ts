import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document-blocks';
import { Ledger, type ReportContext } from '../platform/documents/document-kit';
import type { Instrument } from './contract';
import {
  agreementsPending,
  agreementsReportBlocks,
  nationalInstruments,
  opinionsAnnex,
  type AgreementsReport,
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

const register: AgreementsReport = {
  instruments: {
    from: '2025-04-01',
    to: '2025-06-30',
    signed: [{ n: 1, instrument: 'Convenio con la Universidad del Norte', signedOn: '2025-05-20' }],
    negotiation: {
      activities: 3,
      institutions: 2,
      areasAccompanied: ['Dirección de Capacitación'],
      rows: [
        {
          n: 1,
          instrument: 'Convenio con la Universidad del Sur',
          object: 'Colaborar en la capacitación',
          areas: 'Dirección de Capacitación',
          status: 'En proceso de negociación',
        },
        {
          n: 2,
          instrument: 'Convenio con el Tribunal.',
          object: 'Intercambiar información',
          areas: 'Dirección de Capacitación',
          status: 'En proceso de suscripción',
        },
      ],
    },
    opinions: [{ n: 1, number: 'OP/001/2025', instrument: 'Carta de intención', areas: 'Capacitación' }],
    reviewUpdates: [{ month: '2025-04', count: 2 }],
  },
  pendingOpinions: 2,
  openInstruments: [
    { title: 'Convenio con el Tribunal.', status: 'signature' },
    { title: 'Convenio con la Universidad del Sur', status: 'negotiation' },
    // In negotiation in the register, without accompaniment in the period: not in IV's table.
    { title: 'Convenio con la Universidad del Oeste', status: 'negotiation' },
  ],
};
const block = (key: string) => agreementsReportBlocks.find((b) => b.key === key)!;

describe("the register's part of the report", () => {
  it('writes the instruments signed, the accompaniment and the opinions, each counted', () => {
    const c = context();
    expect(rows(block('agreements.signed').write(c, register)![1])).toEqual([
      ['1.', 'Convenio con la Universidad del Norte', '2025-05-20'],
    ]);
    const negotiation = block('agreements.negotiation').write(c, register)!;
    expect(text(negotiation[0])).toContain('se realizaron tres actividades de acompañamiento a la Dirección');
    expect(text(negotiation[2])).toBe(
      'En el periodo se reportó avance en dos instrumentos jurídicos del registro de convenios: dos instrumentos en abril.',
    );
    expect(block('agreements.negotiation').count(register)).toBe(5);
    expect(text(block('agreements.opinions').write(c, register)![0])).toContain(
      'una opinión de pertinencia, que se detallan en los anexos',
    );
  });

  it('without the register, writes nothing but still counts none signed', () => {
    const c = context();
    const none = { ...register, instruments: null };
    expect(block('agreements.signed').write(c, none)).toBeNull();
    expect(block('agreements.negotiation').write(c, none)).toBeNull();
    expect(c.ledger.figures).toEqual([
      { key: 'instruments.signed', label: 'Instrumentos suscritos', value: 0 },
    ]);
    // Nothing listed in IV, nothing followed in negotiation in V (only the instrument in signature).
    expect(agreementsPending(c, none).map((e) => e.near)).toEqual([
      ['agreements.signed', 'agreements.negotiation'],
    ]);
    expect(opinionsAnnex(c, none)).toBeNull();
  });

  it('names the instruments in signature, counts those in negotiation and the opinions pending', () => {
    const c = context();
    c.ledger.section = 'IV';
    block('agreements.negotiation').write(c, register);
    c.ledger.section = 'V';
    const entries = agreementsPending(c, register);
    // V follows the instruments IV lists still in negotiation (one), not every one the register
    // holds as in negotiation (two): the same figure, stated by both sections.
    expect(c.ledger.figures.filter((f) => f.key === 'instruments.open.negotiation')).toEqual([
      {
        key: 'instruments.open.negotiation',
        label: 'Instrumentos en proceso de negociación',
        value: 1,
        section: 'IV',
      },
      {
        key: 'instruments.open.negotiation',
        label: 'Instrumentos en proceso de negociación',
        value: 1,
        section: 'V',
      },
    ]);
    expect(entries[0]!.blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      items: [[{ text: 'Convenio con el Tribunal. En proceso de suscripción.' }]],
    });
    expect(text(entries[1]!.blocks[0])).toBe(
      'Se continuará dando seguimiento al instrumento en proceso de negociación (apartado IV).',
    );
    expect(entries[2]).toMatchObject({ near: ['agreements.opinions'] });
    expect(text(entries[2]!.blocks[0])).toBe(
      'Al lunes 30 de junio de 2025 se tienen dos opiniones de pertinencia pendientes de emitir.',
    );
    c.ledger.section = 'VI';
    expect(rows(opinionsAnnex(c, register)!.write()[0])).toEqual([
      ['1.', 'OP/001/2025', 'Carta de intención', 'Capacitación'],
    ]);
    // The annex's rows are the opinions counted: recorded for the check to compare with IV's.
    expect(c.ledger.figures.filter((f) => f.key === 'instruments.opinions')).toEqual([
      { key: 'instruments.opinions', label: 'Opiniones de pertinencia emitidas', value: 1, section: 'VI' },
    ]);
  });
});

describe('nationalInstruments', () => {
  const instrument = (over: Partial<Instrument>): Instrument =>
    ({
      title: '',
      status: 'signed',
      signedOn: null,
      parentId: null,
      typeId: 't1',
      ordinal: null,
      parties: [{ name: 'Autoridad Electoral Nacional', acronym: 'AEN' }],
      ...over,
    }) as Instrument;
  const national = { name: 'Autoridad Electoral Nacional', acronym: 'AEN' };

  it('puts the earlier amendments of the same parent before the one signed in the period', () => {
    const all = [
      instrument({ title: 'Segundo anexo', parentId: 'p', ordinal: 2, signedOn: '2025-05-01' }),
      instrument({ title: 'Primer anexo', parentId: 'p', ordinal: 1, signedOn: '2024-03-01' }),
      instrument({ title: 'Convenio en firma', status: 'signature' }),
      instrument({ title: 'Con otra institución', signedOn: '2025-05-02', parties: [] }),
    ];
    expect(nationalInstruments(all, national, '2025-04-01', '2025-06-30').map((i) => i.title)).toEqual([
      'Primer anexo',
      'Segundo anexo',
      'Convenio en firma',
    ]);
  });
});
