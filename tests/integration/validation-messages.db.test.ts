import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChangePasswordInputSchema, CreateUserInputSchema } from '../../src/modules/accounts/contract';
import {
  AccompanimentInputSchema,
  InstrumentInputSchema,
  ReviewInputSchema,
} from '../../src/modules/agreements/contract';
import {
  AreaInputSchema,
  InstitutionInputSchema,
  PersonInputSchema,
  PositionInputSchema,
} from '../../src/modules/directory/contract';
import {
  BodyInputSchema,
  HistoricalAgreementInputSchema,
  MembershipInputSchema,
} from '../../src/modules/governance/contract';
import {
  PlanReviewInputSchema,
  ProgramInputSchema,
  SeriesInputSchema,
} from '../../src/modules/program/contract';
import { parseWithMessages } from '../../src/shared/zod-setup';
import type { HttpClient } from '../support/http-client';
import { machineTextIn } from '../support/human-messages';
import { startTestApp, type TestApp } from '../support/test-app';

// An API client gets the same Spanish sentences, field by field, as the browser's forms show
// (both word them through src/shared/zod-setup.ts): the inputs of tests/e2e/forms.e2e.test.ts.

type Refusal = { code: string; message: string; fields: { path: string; message: string }[] };

let t: TestApp;
let liaison: HttpClient;
let admin: HttpClient;
let personId: string;

beforeAll(async () => {
  t = await startTestApp();
  const org = await t.createOrg('OPLM');
  liaison = await t.as(org, 'liaison_staff');
  admin = await t.as(org, 'administrator');
  const person = await liaison.post<{ id: string }>('/api/people', { fullName: 'Ana Ruiz' });
  personId = person.body.id;
});
afterAll(() => t.close());

/** The browser's check of the same input, as path → message. */
function browserSays(schema: z.core.$ZodType, input: unknown): Record<string, string> {
  const result = parseWithMessages(schema, input);
  if (result.success) throw new Error('expected a refusal');
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

async function refusal(client: HttpClient, path: string, body: unknown): Promise<Record<string, string>> {
  const res = await client.post<Refusal>(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  for (const f of res.body.fields) expect(machineTextIn(f.message), f.message).toBeUndefined();
  return Object.fromEntries(res.body.fields.map((f) => [f.path, f.message]));
}

describe('the API words validation like the forms', () => {
  it('asks for each missing field of an institution by its name', async () => {
    const fields = await refusal(liaison, '/api/institutions', {});
    expect(fields).toEqual({
      name: 'Escriba el nombre',
      kind: 'Elija el tipo de institución',
      level: 'Elija el ámbito',
    });
    expect(fields).toEqual(browserSays(InstitutionInputSchema, {}));
  });

  it('names an unknown option without listing the codes, and counts characters', async () => {
    const input = { name: 'x'.repeat(612), kind: 'universidad', level: 'local', website: 'ine' };
    const fields = await refusal(liaison, '/api/institutions', input);
    expect(fields).toEqual({
      name: 'El nombre admite hasta 300 caracteres (lleva 612)',
      kind: 'Elija el tipo de institución entre las opciones de la lista',
      website: 'Escriba una dirección web completa que empiece con http:// o https://.',
    });
    expect(fields).toEqual(browserSays(InstitutionInputSchema, input));
  });

  it('refuses an impossible date by its day, month and year', async () => {
    const input = { title: 'Asesora', startsOn: '2024-02-31' };
    const fields = await refusal(liaison, `/api/people/${personId}/positions`, input);
    expect(fields).toEqual({ startsOn: 'El 31 de febrero de 2024 no existe' });
    expect(fields).toEqual(browserSays(PositionInputSchema, input));
    const positions = await liaison.get<{ positions: unknown[] }>(`/api/people/${personId}`);
    expect(positions.body.positions).toEqual([]);
  });

  it('words empty areas, people and users the same way', async () => {
    const area = await refusal(liaison, '/api/areas', { name: '  ' });
    expect(area).toEqual({ name: 'Escriba el nombre', kind: 'Elija el tipo de área' });
    expect(area).toEqual(browserSays(AreaInputSchema, { name: '  ' }));

    const person = await refusal(liaison, '/api/people', { fullName: '', email: 'ana' });
    expect(person).toEqual({
      fullName: 'Escriba el nombre completo',
      email: 'El correo electrónico no es un correo válido; escríbalo como nombre@dominio.mx',
    });
    expect(person).toEqual(browserSays(PersonInputSchema, { fullName: '', email: 'ana' }));

    const user = await refusal(admin, '/api/users', { name: '', email: '', password: '', roles: [] });
    expect(user.name).toBe('Escriba el nombre');
    expect(user.email).toBe('Escriba el correo electrónico');
    expect(user).toEqual(
      browserSays(CreateUserInputSchema, { name: '', email: '', password: '', roles: [] }),
    );
  });

  it('words the empty forms of the agreements register and the work program as the browser does', async () => {
    // What InstrumentFormModal sends when nothing was filled in.
    const instrument = {
      typeId: '',
      parentId: null,
      ordinal: null,
      designation: null,
      subject: null,
      linkPreposition: 'a',
      organizationIsParty: true,
      partyIds: [],
      areaIds: [],
      object: null,
      signedOn: '2024-02-31',
      validityKind: 'dated',
      validFrom: null,
      validUntil: null,
      renewalTerms: null,
      status: 'negotiation',
    };
    const cases: [string, z.core.$ZodType, unknown][] = [
      ['/api/instruments', InstrumentInputSchema, instrument],
      ['/api/reviews', ReviewInputSchema, { period: '', title: '', openedOn: '2024-02-31' }],
      [
        '/api/accompaniments',
        AccompanimentInputSchema,
        { occurredOn: '', areaId: '', institutionId: '', instrumentId: null, description: '' },
      ],
      [
        '/api/program/programs',
        ProgramInputSchema,
        { year: null, name: '', approvedByAgreementId: null, approvedByText: null, approvedOn: null },
      ],
      [
        '/api/program/plan-reviews',
        PlanReviewInputSchema,
        { system: '', reviewedOn: '2024-02-31', changes: '', informedTo: null },
      ],
      [
        '/api/program/series',
        SeriesInputSchema,
        {
          name: '',
          cadence: 'monthly',
          startsOn: '2024-02-31',
          endsOn: null,
          audience: null,
          distribution: null,
        },
      ],
    ];
    for (const [path, schema, input] of cases) {
      const fields = await refusal(liaison, path, input);
      expect(fields, path).toEqual(browserSays(schema, input));
    }
    // The impossible dates are refused by their day, month and year.
    const review = await refusal(liaison, '/api/reviews', {
      period: '2024-02',
      title: 'R',
      openedOn: '2024-02-31',
    });
    expect(review).toEqual({ openedOn: 'El 31 de febrero de 2024 no existe' });
    const reviews = await liaison.get<{ items: unknown[] }>('/api/reviews');
    expect(reviews.body.items).toEqual([]);
  });

  it('words the empty forms of a body, its members, an earlier agreement and a password change as the browser does', async () => {
    const body = await liaison.post<{ id: string }>('/api/governance/bodies', {
      name: 'Comisión de Prueba',
      acronym: 'CP',
      kind: 'provisional_committee',
      createdOn: '2023-01-10',
    });
    expect(body.status, JSON.stringify(body.body)).toBe(201);
    const id = body.body.id;
    // What each form sends when nothing was filled in (and an impossible date typed).
    const cases: [HttpClient, string, z.core.$ZodType, unknown][] = [
      [
        liaison,
        '/api/governance/bodies',
        BodyInputSchema,
        {
          name: '',
          acronym: '',
          kind: null,
          createdByAgreement: null,
          createdOn: '2024-02-31',
          endedOn: null,
        },
      ],
      [
        liaison,
        `/api/governance/bodies/${id}/memberships`,
        MembershipInputSchema,
        { role: null, startsOn: '2024-02-31', endsOn: null, sortOrder: 0 },
      ],
      [
        liaison,
        `/api/governance/bodies/${id}/historical-agreements`,
        HistoricalAgreementInputSchema,
        { number: '', title: '', body: null, adoptedOn: '2024-02-31', sessionId: null },
      ],
      [admin, '/api/me/password', ChangePasswordInputSchema, { currentPassword: '', newPassword: '' }],
    ];
    for (const [client, path, schema, input] of cases) {
      const fields = await refusal(client, path, input);
      expect(Object.keys(fields).length, path).toBeGreaterThan(0);
      expect(fields, path).toEqual(browserSays(schema, input));
    }
    const memberships = await liaison.get<{ memberships: unknown[] }>(`/api/governance/bodies/${id}`);
    expect(memberships.body.memberships).toEqual([]);
  });

  it('names a field the API does not take', async () => {
    const res = await liaison.post<Refusal>('/api/areas', { name: 'Área', kind: 'other', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ path: 'colour', message: 'Este campo no se admite' }]);
  });
});
