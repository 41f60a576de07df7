import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { seedDemo } from '../../cli/demo';
import { findBodyByAcronym } from '../governance/repository';
import { buildReport } from './build-report';
import { collectReportData } from './collect-report-data';
import type { ReportDocument } from './contract';
import { findOrganizationByAcronym } from './read-records';
import { renderMarkdown } from './render/markdown';

// The demo's quarterly report of the CVOE for January–March 2024, against the reference report's
// facts and a committed golden Markdown file (UPDATE_GOLDEN=1 rewrites it after review).

const GOLDEN = new URL('../../../tests/golden/informe-cvoe-2024-T1.md', import.meta.url);
const facts = JSON.parse(
  fs.readFileSync(
    new URL('../../../../shared/reference/informe-2024-T1.facts.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown> & { report_slips: { printed: string }[] };

let t: TestApp;
let doc: ReportDocument;
let md: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
  const db = t.ctx.database.db;
  const org = (await findOrganizationByAcronym(db, 'IECM'))!;
  const body = (await findBodyByAcronym(db, org.id, 'CVOE'))!;
  const data = await collectReportData(db, {
    orgId: org.id,
    bodyId: body.id,
    from: '2024-01-01',
    to: '2024-03-31',
  });
  doc = buildReport(data);
  md = renderMarkdown(doc);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, md);
}, 600_000);
afterAll(() => t?.close());

const figure = (key: string) => doc.figures.find((f) => f.key === key)?.value;

describe('the demo quarterly report', () => {
  it('matches the committed golden Markdown', () => {
    expect(md).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('contains none of the reference report slips', () => {
    for (const slip of facts.report_slips) {
      if (/^rows numbered/.test(slip.printed)) continue;
      const printed = slip.printed.replace(/^Al /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // The member's full name contains the short one the reference printed.
      expect(md, slip.printed).not.toMatch(new RegExp(`(?<!César )${printed}`, 'i'));
    }
    expect(md).not.toMatch(/\b3[01] de febrero/);
  });

  it('reproduces the figures of sections II and III', () => {
    expect(figure('sessions')).toBe(3);
    expect(figure('agreements')).toBe(11);
    expect(md).toContain('Primera sesión ordinaria, jueves 25 de enero de 2024:');
    expect(md).toContain('Segunda sesión ordinaria, jueves 22 de febrero de 2024:');
    expect(md).toContain('Tercera sesión ordinaria, martes 26 de marzo de 2024:');
    for (let n = 1; n <= 11; n++) expect(md).toContain(`**CVOE/${String(n).padStart(3, '0')}/2024.**`);
    expect(md).toContain('Derivado de la designación del maestro Álvaro Mario Castañón Cuevas');
  });

  it('reproduces the channel, SSSCG and agreements figures', () => {
    expect(figure('channel.follow_up.total')).toBe(272);
    expect(figure('channel.follow_up.for_information')).toBe(143);
    expect(figure('channel.follow_up.for_attention')).toBe(129);
    expect(figure('channel.consultation.total')).toBe(292);
    expect(figure('channel.follow_up.pending_local')).toBe(4);
    expect(figure('channel.follow_up.in_process_national')).toBe(98);
    expect(figure('channel.follow_up.concluded')).toBe(170);
    expect(figure('channel.consultation.in_process_national')).toBe(153);
    expect(figure('channel.consultation.concluded')).toBe(139);
    expect(figure('mandates.updates')).toBe(20);
    expect(md).toContain('5, 15 (en dos ocasiones), 30 y 31 de enero de 2024');
    expect(md).toContain('7 (en dos ocasiones), 8, 16 y 29 (en tres ocasiones) de febrero de 2024');
    expect(md).toContain('13, 19 (en dos ocasiones), 28 y 29 (en cuatro ocasiones) de marzo de 2024');
    expect(figure('instruments.signed')).toBe(3);
    expect(figure('instruments.opinions')).toBe(14);
    expect(figure('instruments.review.updated')).toBe(173);
    expect(md).toContain('Lunes 4 de marzo de 2024');
    expect(md).toContain('IECM/SE/DVOE/OP/14/2024');
    expect(md).toContain('se tienen tres folios que se actualizan');
    expect(md).toContain('**Folio 270/2023.**');
  });

  it('cites no event date outside the period', () => {
    for (const d of doc.dates) expect(d.date >= '2024-01-01' && d.date <= '2024-03-31', d.where).toBe(true);
  });
});
