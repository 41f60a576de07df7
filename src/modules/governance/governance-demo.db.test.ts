import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { HttpClient } from '../../../tests/support/http-client';
import { seedIecmDirectory } from '../directory/demo';
import type { AgreementsBySession, AttendanceTable, Body, BodyDetail, MandateDetail } from './contract';
import { seedGovernance } from './demo';

// The reference report's section II (attendance table) and III (agreements list), regenerated from
// the demo data and checked cell by cell against the facts transcribed from the report.

type Facts = {
  commission: {
    name: string;
    acronym: string;
    created: { agreement: string; date: string };
    members: { name: string; role: string }[];
    technical_secretaries: { name: string; from: string; agreement: string }[];
  };
  sessions: { number: number; kind: string; date: string; modality: string }[];
  attendance: { as: string; name: string; sessions: number[]; footnote?: string }[];
  agreements: { number: string; session: number; title: string }[];
  areas: { name: string; acronym: string | null }[];
  ine_follow_up: { ssscg_updates: { count: number; dates: string[] } };
};
const facts = JSON.parse(
  fs.readFileSync(
    new URL('../../../../shared/reference/informe-2024-T1.facts.json', import.meta.url),
    'utf8',
  ),
) as Facts;

let t: TestApp;
let org: TestOrg;
let client: HttpClient;
let cvoe: Body;
const Q1 = 'from=2024-01-01&to=2024-03-31';

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('IECM');
  const actor = { userId: null, label: 'vincula demo', organizationId: org.id };
  await seedIecmDirectory(t.ctx.database.db, actor);
  expect(await seedGovernance(t.ctx.database.db, actor)).toEqual({ created: true });
  client = await t.as(org, 'councillor');
  const bodies = await client.get<{ items: Body[] }>('/api/governance/bodies');
  cvoe = bodies.body.items.find((b) => b.acronym === 'CVOE')!;
});
afterAll(() => t.close());

/** "Titular de la DEAPyF" → "Titular de la Dirección Ejecutiva de Asociaciones Políticas y Fiscalización". */
function expandAcronyms(label: string): string {
  return label.replace(/\b([A-Za-z]+)$/, (acr) => facts.areas.find((a) => a.acronym === acr)?.name ?? acr);
}

const ROLE_OF: Record<string, string> = {
  Presidencia: 'president',
  Integrante: 'member',
  'Secretario técnico': 'technical_secretary',
  'Representación de partido': 'party_representation',
};

describe('the CVOE of the reference report', () => {
  it('has the composition and history of the report', async () => {
    const detail = (await client.get<BodyDetail>(`/api/governance/bodies/${cvoe.id}`)).body;
    expect(detail).toMatchObject({
      name: facts.commission.name,
      acronym: facts.commission.acronym,
      kind: 'provisional_committee',
      createdByAgreement: facts.commission.created.agreement,
      createdOn: facts.commission.created.date,
    });
    const voting = detail.memberships.filter((m) => m.role === 'president' || m.role === 'member');
    expect(voting.map((m) => [m.personName, m.role === 'president' ? 'Presidenta' : 'Integrante'])).toEqual(
      facts.commission.members.map((m) => [m.name, m.role]),
    );
    const secretaries = detail.memberships.filter((m) => m.role === 'technical_secretary');
    expect(secretaries.map((m) => [m.personName, m.startsOn, m.agreementNumber])).toEqual(
      facts.commission.technical_secretaries.map((s) => [s.name, s.from, s.agreement]),
    );
    expect(secretaries[0]!.endsOn).toBe('2024-02-21');
  });

  it('regenerates the attendance table cell by cell, with the footnote of the technical-secretary change', async () => {
    const res = await client.get<AttendanceTable>(
      `/api/governance/bodies/${cvoe.id}/attendance-report?${Q1}`,
    );
    expect(res.status).toBe(200);
    const table = res.body;
    expect(table.sessions.map((s) => [s.heading, s.name, s.heldOn])).toEqual(
      facts.sessions.map((s) => [
        `${s.number}° Ord`,
        expect.stringContaining('sesión ordinaria de 2024'),
        s.date,
      ]),
    );
    expect(table.sessions.map((s) => s.name)).toEqual([
      'primera sesión ordinaria de 2024',
      'segunda sesión ordinaria de 2024',
      'tercera sesión ordinaria de 2024',
    ]);
    expect(table.rows).toHaveLength(facts.attendance.length);
    facts.attendance.forEach((expected, i) => {
      const row = table.rows[i]!;
      const where = `row ${i + 1} (${expected.as}: ${expected.name})`;
      expect(row.name, where).toBe(expected.name);
      // One cell per session: ✓ exactly where the report has one.
      expect(row.attended, where).toEqual(facts.sessions.map((s) => expected.sessions.includes(s.number)));
      expect(row.count, where).toBe(expected.sessions.length);
      const role = ROLE_OF[expected.as];
      if (role) {
        expect(row.role, where).toBe(role);
        expect(row.line, where).toBe(
          role === 'party_representation' ? expected.name : `${expected.as}: ${expected.name}`,
        );
      } else {
        expect(row.role, where).toBe('area_head');
        expect(row.line, where).toBe(`${expandAcronyms(expected.as)}, ${expected.name}`);
      }
      expect(row.footnote, where).toBe(expected.footnote ? 1 : null);
    });
    expect(table.footnotes).toEqual(facts.attendance.filter((a) => a.footnote).map((a) => a.footnote));
    // The head change of the UTCSyD appears by itself: the titular in the first session, the acting head after.
    const utcsyd = table.rows.filter((r) => r.line.includes('Comunicación Social y Difusión'));
    expect(utcsyd.map((r) => [r.roleLabel, r.attended, r.held])).toEqual([
      ['Titular de la UTCSyD', [true, false, false], 1],
      ['Encargado de despacho de la UTCSyD', [false, true, true], 2],
    ]);
  });

  it('regenerates the list of agreements by session', async () => {
    const res = await client.get<AgreementsBySession>(`/api/governance/bodies/${cvoe.id}/agreements?${Q1}`);
    expect(res.body.total).toBe(facts.agreements.length);
    expect(res.body.sessions.map((s) => s.heading)).toEqual([
      'Primera sesión ordinaria, jueves 25 de enero de 2024',
      'Segunda sesión ordinaria, jueves 22 de febrero de 2024',
      'Tercera sesión ordinaria, martes 26 de marzo de 2024',
    ]);
    const flat = res.body.sessions.flatMap((s) =>
      s.agreements.map((a) => ({ number: a.number, session: s.session.number, title: a.title })),
    );
    expect(flat).toEqual(facts.agreements);
    // Minutes of the first two sessions were approved by CVOE/007/2024 and CVOE/010/2024.
    expect(res.body.sessions.map((s) => s.session.minutesApprovedBy?.number ?? null)).toEqual([
      'CVOE/007/2024',
      'CVOE/010/2024',
      null,
    ]);
    expect(res.body.sessions.map((s) => s.agreements.every((a) => a.frozen))).toEqual([true, true, false]);
    // The 2023 agreements cited by the report are on record with their numbers.
    const all = await client.get<AgreementsBySession>(
      `/api/governance/bodies/${cvoe.id}/agreements?to=2023-12-31`,
    );
    expect(all.body.sessions).toHaveLength(1);
    expect(all.body.sessions[0]!.heading).toBe(
      'Primera sesión extraordinaria, lunes 11 de septiembre de 2023',
    );
    expect(all.body.sessions[0]!.agreements.map((a) => [a.number, a.historical])).toEqual([
      ['CVOE/002/2023', true],
      ['CVOE/003/2023', true],
    ]);
  });

  it('has the 20 SSSCG updates with the dates of the report', async () => {
    const list = await client.get<{ items: { id: string; updateCount: number; agreementNumber: string }[] }>(
      '/api/governance/mandates',
    );
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      updateCount: facts.ine_follow_up.ssscg_updates.count,
      agreementNumber: 'IECM/ACU-CG-077/2023',
    });
    const detail = await client.get<MandateDetail>(`/api/governance/mandates/${list.body.items[0]!.id}`);
    expect(detail.body.updates.map((u) => u.occurredOn)).toEqual(facts.ine_follow_up.ssscg_updates.dates);
    expect(detail.body.areas.map((a) => a.acronym)).toEqual(['DVOE']);
  });

  it('prints the attendance table to DOCX with ticks and the footnote', async () => {
    const res = await fetch(
      `${client.baseUrl}/api/governance/bodies/${cvoe.id}/attendance-report/document?${Q1}&format=docx`,
      {
        headers: { cookie: cookieOf(client) },
      },
    );
    expect(res.status).toBe(200);
    const xml = await (
      await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml.match(/✓/g)).toHaveLength(facts.attendance.reduce((n, a) => n + a.sessions.length, 0));
    expect(xml).toContain('Secretario técnico: Bernardo Núñez Yedra ¹');
    expect(xml).toContain(`¹ ${facts.attendance.find((a) => a.footnote)!.footnote}`);
    const pdf = await fetch(
      `${client.baseUrl}/api/governance/bodies/${cvoe.id}/attendance-report/document?${Q1}&format=pdf`,
      { headers: { cookie: cookieOf(client) } },
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain('asistencia-CVOE-2024-01-01-2024-03-31.pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('adds nothing when seeded again', async () => {
    const actor = { userId: null, label: 'vincula demo', organizationId: org.id };
    expect(await seedGovernance(t.ctx.database.db, actor)).toEqual({ created: false });
    const bodies = await client.get<{ items: Body[] }>('/api/governance/bodies');
    expect(bodies.body.items.map((b) => b.acronym).sort()).toEqual(['CG', 'CVOE']);
  });
});

function cookieOf(c: HttpClient): string {
  const jar = (c as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
