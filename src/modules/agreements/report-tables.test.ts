import { describe, expect, it } from 'vitest';
import { negotiationRows, opinionRows, signedRows } from './report-tables';

describe('report tables', () => {
  it('numbers signed instruments by date and writes the date with its derived weekday', () => {
    const rows = signedRows([
      { title: 'Adenda Número Dos del Anexo Técnico Número Uno', signedOn: '2024-03-04' },
      { title: 'Convenio con la SSC', signedOn: '2024-02-01' },
    ]);
    expect(rows).toEqual([
      { n: 1, instrument: 'Convenio con la SSC.', signedOn: 'Jueves 1 de febrero de 2024' },
      {
        n: 2,
        instrument: 'Adenda Número Dos del Anexo Técnico Número Uno.',
        signedOn: 'Lunes 4 de marzo de 2024',
      },
    ]);
  });

  it('writes the article of the opinion by the instrument type gender and joins areas with " / "', () => {
    const rows = opinionRows([
      {
        number: 'IECM/SE/DVOE/OP/02/2024',
        instrumentTitle: 'Adenda al Anexo Financiero',
        gender: 'f',
        areas: ['DEOEyG', 'SA'],
      },
      { number: 'IECM/SE/DVOE/OP/03/2024', instrumentTitle: 'Convenio General', gender: 'm', areas: ['SE'] },
    ]);
    expect(rows).toEqual([
      {
        n: 1,
        number: 'IECM/SE/DVOE/OP/02/2024',
        instrument: 'Opinión de pertinencia respecto de la Adenda al Anexo Financiero',
        areas: 'DEOEyG / SA',
      },
      {
        n: 2,
        number: 'IECM/SE/DVOE/OP/03/2024',
        instrument: 'Opinión de pertinencia respecto del Convenio General',
        areas: 'SE',
      },
    ]);
  });

  it('labels the status of instruments in negotiation in Spanish', () => {
    expect(
      negotiationRows([
        { title: 'X', object: null, areas: ['DVOE', 'Subcontraloría'], status: 'negotiation' },
        { title: 'Y', object: 'Objeto', areas: ['SE'], status: 'signature', accompaniment: 'A: b' },
        {
          title: 'Z',
          object: null,
          areas: ['DVOE'],
          status: 'negotiation',
          accompaniment: 'Acompañamiento a la Subcontraloría con el SAT: tener una reunión',
        },
      ]),
    ).toEqual([
      {
        n: 1,
        instrument: 'X',
        object: '',
        areas: 'DVOE / Subcontraloría',
        status: 'En proceso de negociación',
      },
      { n: 2, instrument: 'Y', object: 'Objeto', areas: 'SE', status: 'En proceso de suscripción' },
      {
        n: 3,
        instrument: 'Acompañamiento a la Subcontraloría con el SAT',
        object: 'Tener una reunión',
        areas: 'DVOE',
        status: 'En proceso de negociación',
      },
    ]);
  });
});
