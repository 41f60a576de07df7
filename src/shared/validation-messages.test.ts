import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalDateSchema } from './dates';
import { parseWithMessages } from './zod-setup';

// Each kind of Zod issue, raised by a real schema and worded by the shared map.
function messages(schema: z.ZodType, data: unknown): Record<string, string> {
  const result = parseWithMessages(schema, data);
  if (result.success) throw new Error('expected a failure');
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const Folio = z.strictObject({
  documentType: z.enum(['circular', 'correo', 'oficio']).meta({ label: 'el tipo de documento' }),
  subject: z.string().trim().min(1).max(500),
  sentOn: LocalDateSchema,
  dueOn: LocalDateSchema.nullable().optional(),
  notes: z.string().trim().max(20).nullable().optional().meta({ label: 'las observaciones' }),
  code: z.string().min(3).optional(),
  country: z.string().length(2).optional(),
  days: z.number().int().min(1).max(365).optional(),
  share: z.number().gt(0).lt(100).multipleOf(5).optional(),
  email: z.email().optional(),
  website: z.url().optional(),
  areaId: z.uuid().optional(),
  areaIds: z.array(z.uuid()).min(1).max(2).optional(),
  consent: z.literal(true).optional(),
  active: z.boolean().optional(),
  rule: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('a'), n: z.number() }),
      z.strictObject({ kind: z.literal('b') }),
    ])
    .optional(),
});

const valid = { documentType: 'oficio', subject: 'Asunto', sentOn: '2024-03-15' };

describe('the Spanish error map', () => {
  it('asks for each required field by how it is filled in', () => {
    expect(messages(Folio, {})).toEqual({
      documentType: 'Elija el tipo de documento',
      subject: 'Escriba el asunto',
      sentOn: 'Indique la fecha de envío',
    });
  });

  it('treats blank text, a null choice and an empty list as empty', () => {
    expect(messages(Folio, { ...valid, subject: '   ', documentType: null, areaIds: [] })).toEqual({
      subject: 'Escriba el asunto',
      documentType: 'Elija el tipo de documento',
      areaIds: 'Elija las áreas',
    });
  });

  it('names an option that is not in the list without quoting the codes', () => {
    const m = messages(Folio, { ...valid, documentType: 'memo' });
    expect(m.documentType).toBe('Elija el tipo de documento entre las opciones de la lista');
  });

  it('counts characters against the limit', () => {
    expect(messages(Folio, { ...valid, subject: 'x'.repeat(612) }).subject).toBe(
      'El asunto admite hasta 500 caracteres (lleva 612)',
    );
    expect(messages(Folio, { ...valid, code: 'ab' }).code).toBe(
      'La clave necesita al menos 3 caracteres (lleva 2)',
    );
    expect(messages(Folio, { ...valid, country: 'MEX' }).country).toBe(
      'El país debe tener exactamente 2 caracteres (lleva 3)',
    );
  });

  it('finds a label given outside an optional wrapper', () => {
    expect(messages(Folio, { ...valid, notes: 'y'.repeat(1200) }).notes).toBe(
      'Las observaciones admiten hasta 20 caracteres (llevan 1,200)',
    );
  });

  it('names an impossible date by its day, month and year', () => {
    expect(messages(Folio, { ...valid, sentOn: '2024-02-31' }).sentOn).toBe(
      'El 31 de febrero de 2024 no existe',
    );
    expect(messages(Folio, { ...valid, sentOn: '2023-02-29' }).sentOn).toBe(
      'El 29 de febrero de 2023 no existe',
    );
    expect(messages(Folio, { ...valid, sentOn: '2024-13-01' }).sentOn).toBe(
      'El mes 13 no existe: los meses van del 1 al 12',
    );
    expect(messages(Folio, { ...valid, dueOn: '15/03/2024' }).dueOn).toBe(
      'La fecha límite no es una fecha válida',
    );
  });

  it('bounds numbers in words', () => {
    expect(messages(Folio, { ...valid, days: 0 }).days).toBe('El número de días debe ser al menos 1');
    expect(messages(Folio, { ...valid, days: 400 }).days).toBe('El número de días debe ser como máximo 365');
    expect(messages(Folio, { ...valid, days: 1.5 }).days).toBe('El número de días debe ser un número entero');
    expect(messages(Folio, { ...valid, days: 'tres' }).days).toBe('El número de días debe ser un número');
    expect(messages(Folio, { ...valid, share: 0 }).share).toBe('Este dato debe ser mayor que 0');
    expect(messages(Folio, { ...valid, share: 100 }).share).toBe('Este dato debe ser menor que 100');
    expect(messages(Folio, { ...valid, share: 7 }).share).toBe('Este dato debe ser múltiplo de 5');
  });

  it('explains formats with an example', () => {
    expect(messages(Folio, { ...valid, email: 'ana' }).email).toBe(
      'El correo electrónico no es un correo válido; escríbalo como nombre@dominio.mx',
    );
    expect(messages(Folio, { ...valid, website: 'ine' }).website).toBe(
      'El sitio web no es una dirección web válida; escríbala completa, por ejemplo https://www.ine.mx',
    );
    expect(messages(Folio, { ...valid, areaId: '12' }).areaId).toBe('Elija el área de la lista');
  });

  it('words lists, confirmations, yes/no and unknown fields', () => {
    const ids = ['0b5b7c53-5a55-4a8e-9d43-6f3b1e2a0a01', '0b5b7c53-5a55-4a8e-9d43-6f3b1e2a0a02'];
    expect(messages(Folio, { ...valid, areaIds: [...ids, ids[0]] }).areaIds).toBe(
      'Las áreas admiten hasta 2 elementos (tienen 3)',
    );
    expect(messages(Folio, { ...valid, consent: false }).consent).toBe('Confirme el consentimiento');
    expect(messages(Folio, { ...valid, active: 'sí' }).active).toBe('Este dato debe ser sí o no');
    expect(messages(Folio, { ...valid, extra: 1 })['']).toBe('No se admite el campo «extra»');
  });

  it('asks to pick the kind of a tagged union first', () => {
    expect(messages(Folio, { ...valid, rule: { kind: 'z' } })['rule.kind']).toBe('Elija el tipo');
    expect(messages(Folio, { ...valid, rule: { kind: 'a' } })['rule.n']).toBe('Indique este dato');
  });

  it('keeps a message the contract wrote itself', () => {
    const s = z.strictObject({ folio: z.string().regex(/^\d+\/\d{4}$/, 'Escriba el folio como número/año') });
    expect(messages(s, { folio: 'x' }).folio).toBe('Escriba el folio como número/año');
  });

  it('words issues raised without the root schema too (the global map)', () => {
    const result = LocalDateSchema.safeParse('2024-04-31');
    expect(result.error?.issues[0]?.message).toBe('El 31 de abril de 2024 no existe');
    expect(
      z.strictObject({ subject: z.string().min(1) }).safeParse({ subject: '' }).error?.issues[0]?.message,
    ).toBe('Escriba el asunto');
  });
});
