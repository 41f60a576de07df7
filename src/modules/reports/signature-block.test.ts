import { describe, expect, it } from 'vitest';
import { ordinalTitle, signersOn, type SignerSeat } from './signature-block';

const BODY = 'Comisión Provisional de Vinculación con Organismos Externos';
const seat = (s: Partial<SignerSeat> & Pick<SignerSeat, 'role' | 'name' | 'startsOn'>): SignerSeat => ({
  endsOn: null,
  honorific: null,
  gender: 'unspecified',
  title: null,
  ...s,
});

// The CVOE's composition as its records hold it: one presidency, a secretary replaced on
// 22 February 2024 (Acuerdo CVOE/006/2024).
const CVOE: SignerSeat[] = [
  seat({ role: 'member', name: 'Mauricio Huesca Rodríguez', startsOn: '2023-08-29', gender: 'male' }),
  seat({
    role: 'president',
    name: 'Erika Estrada Ruíz',
    startsOn: '2023-08-29',
    gender: 'female',
    title: 'Consejera Electoral',
  }),
  seat({
    role: 'technical_secretary',
    name: 'Bernardo Núñez Yedra',
    honorific: 'Mtro.',
    startsOn: '2023-09-11',
    endsOn: '2024-02-21',
    gender: 'male',
    title: 'Secretario Ejecutivo',
  }),
  seat({
    role: 'technical_secretary',
    name: 'Álvaro Mario Castañón Cuevas',
    honorific: 'Mtro.',
    startsOn: '2024-02-22',
    gender: 'male',
    title: 'Director de Vinculación con Organismos Externos',
  }),
];

describe('signersOn', () => {
  it('names the presidency and the technical secretary held on the signing day, in that order', () => {
    expect(signersOn(CVOE, '2024-04-25', BODY)).toEqual([
      { name: 'Consejera Electoral Erika Estrada Ruíz', role: `Presidenta de la ${BODY}` },
      { name: 'Mtro. Álvaro Mario Castañón Cuevas', role: `Secretario Técnico de la ${BODY}` },
    ]);
  });

  it('takes the secretary of that day: before the replacement, the one replaced', () => {
    expect(signersOn(CVOE, '2024-01-25', BODY)[1]).toEqual({
      name: 'Mtro. Bernardo Núñez Yedra',
      role: `Secretario Técnico de la ${BODY}`,
    });
    // The last day of a seat still counts; the day after, the seat is the new one's.
    expect(signersOn(CVOE, '2024-02-21', BODY)[1]!.name).toBe('Mtro. Bernardo Núñez Yedra');
    expect(signersOn(CVOE, '2024-02-22', BODY)[1]!.name).toBe('Mtro. Álvaro Mario Castañón Cuevas');
  });

  it('leaves out a seat vacant that day, and words the capacity by gender (neutral when unknown)', () => {
    expect(signersOn(CVOE, '2023-09-01', BODY)).toEqual([
      { name: 'Consejera Electoral Erika Estrada Ruíz', role: `Presidenta de la ${BODY}` },
    ]);
    const committee = [
      seat({ role: 'president', name: 'Ana Ruiz', startsOn: '2020-01-01', gender: 'unspecified' }),
      seat({ role: 'technical_secretary', name: 'Luisa Paz', startsOn: '2020-01-01', gender: 'female' }),
    ];
    expect(signersOn(committee, '2024-01-01', 'Comité de Archivo')).toEqual([
      { name: 'Ana Ruiz', role: 'Presidencia del Comité de Archivo' },
      { name: 'Luisa Paz', role: 'Secretaria Técnica del Comité de Archivo' },
    ]);
  });

  it('takes the seat that began last when two records overlap', () => {
    const overlapping = [
      seat({ role: 'president', name: 'Primera', startsOn: '2020-01-01', gender: 'female' }),
      seat({ role: 'president', name: 'Segunda', startsOn: '2023-06-01', gender: 'female' }),
    ];
    expect(signersOn(overlapping, '2024-01-01', 'Comité de Archivo')[0]!.name).toBe('Segunda');
    expect(signersOn(overlapping, '2022-01-01', 'Comité de Archivo')[0]!.name).toBe('Primera');
  });
});

describe('ordinalTitle', () => {
  const title = `Informe trimestral de la ${BODY} de enero a marzo de 2024`;
  it('counts in words before the title, "primer" and "tercer" shortened before the noun', () => {
    expect(ordinalTitle(2, title)).toBe(`Segundo informe trimestral de la ${BODY} de enero a marzo de 2024`);
    expect(ordinalTitle(1, title)).toBe(`Primer informe trimestral de la ${BODY} de enero a marzo de 2024`);
    expect(ordinalTitle(3, 'Informe del Comité de septiembre a diciembre de 2023')).toBe(
      'Tercer informe del Comité de septiembre a diciembre de 2023',
    );
    expect(ordinalTitle(13, 'Informe trimestral del Comité')).toBe(
      'Decimotercer informe trimestral del Comité',
    );
  });
  it('falls back to the number beyond the ordinals Spanish writes in words here', () => {
    expect(ordinalTitle(60, 'Informe del Comité')).toBe('Informe del Comité (número 60)');
  });
});
