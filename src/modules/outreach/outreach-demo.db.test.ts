import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_PASSWORD } from '../../cli/demo';
import { findOrganizationByAcronym } from '../accounts/repository';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Base, Campaign } from './contract';
import { outreachCampaignsInPeriod } from './report-data';

/** The demo's campaigns reproduce, row by row, sections IV.2.B and IV.3.B of the reference report. */
const facts = JSON.parse(
  fs.readFileSync(
    new URL('../../../../shared/reference/informe-2024-T1.facts.json', import.meta.url),
    'utf8',
  ),
);
const CHANNEL_LABELS: Record<string, string> = {
  email: 'correo electrónico',
  whatsapp: 'WhatsApp',
  phone: 'llamada telefónica',
};

let t: TestApp;
let iecm: HttpClient;
let orgId: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
  iecm = new HttpClient(t.url);
  await iecm.signIn('enlace@iecm.demo', DEMO_PASSWORD);
  orgId = (await findOrganizationByAcronym(t.ctx.database.db, 'IECM'))!.id;
}, 600_000);
afterAll(() => t.close());

describe('outreach demo data', () => {
  it('holds the 35 observer-network topics with month and channels, linked to objective 2.B', async () => {
    const rows = await outreachCampaignsInPeriod(t.ctx.database.db, orgId, {
      from: '2024-01-01',
      to: '2024-03-31',
    });
    const network = rows.filter((r) => r.channels.length === 3);
    const expected = facts.observer_network_outreach;
    expect(network).toHaveLength(expected.count);
    network.forEach((r, i) => {
      const item = expected.items[i];
      expect([r.month, r.topic, r.sentOn]).toEqual([item.month, item.topic, null]);
      expect(r.channels.map((c) => CHANNEL_LABELS[c])).toEqual(expected.channels);
      expect(r.objectiveCode).toBe(expected.program_line);
      expect(r.status).toBe('recorded');
    });
  });

  it('holds the 12 Voto Chilango mailings with their dates, linked to objective 3.B', async () => {
    const rows = await outreachCampaignsInPeriod(t.ctx.database.db, orgId, {
      from: '2024-01-01',
      to: '2024-03-31',
    });
    const mailings = rows.filter((r) => r.channels.length === 1);
    const expected = facts.diaspora_mailings;
    expect(mailings).toHaveLength(expected.count);
    mailings.forEach((r, i) => {
      expect([r.sentOn, r.month, r.topic]).toEqual([
        expected.items[i].date,
        expected.items[i].date.slice(0, 7),
        expected.items[i].topic,
      ]);
      expect(r.channels).toEqual(['email']);
      expect(r.objectiveCode).toBe(expected.program_line);
    });
  });

  it('has a small synthetic contact base with consent, and running the demo again adds nothing', async () => {
    const bases = (await iecm.get<Base[]>('/api/outreach/bases')).body;
    expect(bases.map((b) => [b.name, b.contacts, b.consenting])).toEqual([
      // The accompaniment mission's registrants (observers/demo.ts): six, five with consent.
      ['Misión: Misión de Acompañamiento 2024', 6, 5],
      ['Personal del IECM', 1, 1],
      ['Red de Observación del IECM', 5, 4],
      ['Voto Chilango', 4, 4],
    ]);
    const before = (await iecm.get<{ total: number }>('/api/outreach/campaigns?pageSize=1')).body.total;
    await seedDemo(t.ctx);
    expect((await iecm.get<{ total: number }>('/api/outreach/campaigns?pageSize=1')).body.total).toBe(before);
    expect((await iecm.get<{ total: number }>('/api/outreach/contacts?pageSize=1')).body.total).toBe(16);
    const one = (
      await iecm.get<{ items: Campaign[] }>('/api/outreach/campaigns?from=2024-03&to=2024-03&q=podcast')
    ).body;
    expect(one.items.map((c) => c.sentOn)).toEqual(['2024-03-29', '2024-03-21']);
  });
});
