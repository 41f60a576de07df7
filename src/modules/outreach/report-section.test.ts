import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document-blocks';
import { Ledger, type ReportContext } from '../platform/documents/document-kit';
import { campaignBlocks, campaignsAnnex, type CampaignInReport } from './report-section';

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

const dated: CampaignInReport[] = [
  { topic: 'Invitación al foro', month: '2025-04', sentOn: '2025-04-08', channels: ['email'] },
  { topic: 'Convocatoria', month: '2025-05', sentOn: '2025-05-02', channels: ['email', 'whatsapp'] },
];
const byMonth = dated.map((x) => ({ ...x, sentOn: null }));

describe("outreach's campaigns in the report", () => {
  it('lists campaigns with their sending day, and cites the days', () => {
    const c = context();
    const out = campaignBlocks(c, dated, '2.B');
    expect(text(out[0])).toBe(
      'Durante el periodo se enviaron, por correo electrónico y mensajes de WhatsApp, dos comunicaciones, cuyos temas se describen a continuación:',
    );
    expect(rows(out[1])).toEqual([
      ['1.', '8 de abril de 2025', 'Invitación al foro'],
      ['2.', '2 de mayo de 2025', 'Convocatoria'],
    ]);
    expect(c.ledger.dates.map((d) => d.date)).toEqual(['2025-04-08', '2025-05-02']);
    expect(campaignsAnnex(c, dated, '2.B')).toBeNull();
  });

  it('counts topics known only by month, and lists them by month in an annex of their objective', () => {
    const c = context();
    expect(text(campaignBlocks(c, byMonth, '2.B')[0])).toContain(
      'La difusión versó sobre dos temas diferentes',
    );
    const annex = campaignsAnnex(c, byMonth, '2.B')!;
    expect(annex).toMatchObject({ objective: '2.B', near: null, title: 'Temas difundidos por mes' });
    expect(rows(annex.write()[1])).toEqual([
      ['1.', 'Abril 2025', 'Invitación al foro'],
      ['2.', 'Mayo 2025', 'Convocatoria'],
    ]);
  });
});
