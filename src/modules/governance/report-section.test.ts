import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document-blocks';
import { Ledger, type ReportContext } from '../platform/documents/document-kit';
import { secondOrganization } from '../reports/sample-data';
import {
  agreementsSection,
  governanceReportBlocks,
  sessionsSection,
  type GovernanceReport,
} from './report-section';

// Sections II and III and the SSSCG block, from a committee's records (the sample organization).

const data = secondOrganization();
const records: GovernanceReport = {
  attendance: data.attendance,
  agreements: data.agreements,
  mandateUpdates: ['2025-04-03', '2025-04-24', '2025-05-08'],
};
const context = (): ReportContext => ({
  organization: data.organization,
  body: data.body,
  from: data.from,
  to: data.to,
  ledger: new Ledger(),
});
const text = (b: Block | undefined) =>
  b?.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b?.type === 'heading' ? b.text : '';
const rows = (b: Block | undefined) =>
  b?.type === 'table' ? b.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join(''))) : [];

describe("governance's sections", () => {
  it('II: the sessions in the body own words, with each attendance and the dates cited', () => {
    const c = context();
    const out = sessionsSection(c, records);
    expect(text(out[0])).toBe('II. Sesiones del Comité de Enlace Institucional y Asistencia');
    expect(text(out[1])).toContain('El Comité celebró, en modalidad presencial, dos sesiones.');
    expect(rows(out[2])).toEqual([
      ['Presidencia: Laura Méndez Soto', '✓', '✓'],
      ['Integrante: Pablo Ortiz Lara', '✓', ''],
    ]);
    expect(c.ledger.dates.map((d) => d.date)).toEqual(['2025-04-10', '2025-06-12']);
  });

  it('II and III say so when the body neither met nor agreed', () => {
    const none: GovernanceReport = {
      ...records,
      agreements: { sessions: [], total: 0 },
    };
    expect(text(sessionsSection(context(), none)[1])).toBe(
      'El Comité no celebró sesiones en el periodo que se reporta.',
    );
    expect(text(agreementsSection(context(), none)[1])).toBe(
      'El Comité no adoptó acuerdos en el periodo que se reporta.',
    );
  });

  it('III: the agreements by session, numbered', () => {
    const out = agreementsSection(context(), records);
    expect(text(out[0])).toBe('III. Acuerdos y puntos presentados al Comité');
    const items = out.find((b) => b.type === 'list');
    expect(items?.type === 'list' && items.items[0]!.map((r) => r.text).join('')).toBe(
      'CEI/001/2025. Aprobación del orden del día.',
    );
  });

  it('the SSSCG block groups the update days by month', () => {
    const c = context();
    const [mandates] = governanceReportBlocks;
    expect(mandates!.count(records)).toBe(3);
    const out = mandates!.write(c, records)!;
    expect(rows(out[1])).toEqual([
      ['1.', '3 y 24 de abril de 2025'],
      ['2.', '8 de mayo de 2025'],
    ]);
    expect(mandates!.write(c, { ...records, mandateUpdates: [] })).toBeNull();
  });
});
