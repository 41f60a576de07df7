import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document-blocks';
import { Ledger, type ReportContext } from '../platform/documents/document-kit';
import {
  channelAnnex,
  channelPending,
  channelReportBlocks,
  fortnightLabel,
  type ChannelReport,
} from './report-section';

// The channel's part of the report, written from plain data: another organization's names, its
// own national authority.

const counts = (
  pending_local: number,
  in_process_national: number,
  cancelled: number,
  concluded: number,
) => ({
  pending_local,
  in_process_national,
  cancelled,
  concluded,
  total: pending_local + in_process_national + cancelled + concluded,
});
const table = (module: 'follow_up' | 'consultation') => ({
  module,
  asOf: '2025-06-30',
  months: [
    { month: '2025-04', ...counts(1, 0, 0, 2) },
    { month: '2025-05', ...counts(0, 1, 0, 1) },
  ],
  totals: counts(1, 1, 0, 3),
  byNature: { for_information: 2, for_attention: 3 },
});
const channel: ChannelReport = {
  national: { name: 'Autoridad Electoral Nacional', acronym: 'AEN' },
  followUp: table('follow_up'),
  consultation: table('consultation'),
  recurring: [
    { folio: 'AEN/0042/2025', subject: 'Padrón', description: 'Informe cada mes.', rule: 'mensual' },
  ],
  fortnightly: [{ from: '2025-04-01', to: '2025-04-15', sentOn: '2025-04-16' }],
};
const context = (): ReportContext => ({
  organization: { name: 'Instituto Electoral del Estado de Ejemplo', acronym: 'IEEE' },
  body: { name: 'Comité de Enlace Institucional' },
  from: '2025-04-01',
  to: '2025-06-30',
  ledger: new Ledger(),
});
const text = (b: Block) =>
  b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type === 'heading' ? b.text : '';
const rows = (b: Block | undefined) =>
  b?.type === 'table' ? b.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join(''))) : [];
const block = (key: string) => channelReportBlocks.find((b) => b.key === key)!;

describe("the channel's blocks of section IV", () => {
  it('counts the folios by status with the organization and the national authority by name', () => {
    const c = context();
    const out = block('channel.status').write(c, channel)!;
    expect(text(out[0]!)).toContain(
      'el IEEE recibió en el módulo de Seguimiento de actividades cinco gestiones del AEN',
    );
    expect(rows(out[2])).toEqual([
      ['Pendientes de atender por el IEEE', '1', '1'],
      ['En proceso del AEN ¹', '1', '1'],
      ['Cancelados', '0', '0'],
      ['Concluidos', '3', '3'],
    ]);
    expect(c.ledger.figures.find((f) => f.key === 'channel.follow_up.total')?.value).toBe(5);
    expect(block('channel.status').count(channel)).toBe(10);
  });

  it('says nothing of the status without the channel, and counts no reports sent', () => {
    const c = context();
    expect(block('channel.status').write(c, null)).toBeNull();
    expect(block('channel.status').count(null)).toBe(0);
    expect(block('channel.fortnightly').write(c, null)).toBeNull();
    expect(c.ledger.figures).toEqual([
      { key: 'channel.fortnightly.sent', label: 'Informes estadísticos enviados', value: 0 },
    ]);
  });
});

describe("the channel's pending work and annex", () => {
  it('states the folios pending at the end and the periodic ones, near the status block', () => {
    const entries = channelPending(context(), channel);
    expect(entries.map((e) => e.near)).toEqual([['channel.status'], ['channel.status']]);
    expect(text(entries[0]!.blocks[0]!)).toBe(
      'Al lunes 30 de junio de 2025, en el módulo de Seguimiento de actividades existían un folio de respuesta pendientes.',
    );
    expect(text(entries[1]!.blocks[0]!)).toContain('se tiene un folio que se actualiza periódicamente');
  });

  it('writes the annex by month and the reports sent by fortnight when placed', () => {
    const c = context();
    const annex = channelAnnex(c, channel);
    expect(c.ledger.figures).toEqual([]);
    const out = annex.write();
    expect(rows(out[0])[0]).toEqual(['Pendientes de atender por el IEEE', '1', '0']);
    expect(rows(out[3])).toEqual([
      ['1.', 'Primera quincena de abril de 2025', 'Miércoles 16 de abril de 2025'],
    ]);
    expect(c.ledger.figures.find((f) => f.key === 'annex.follow_up.2025-05.concluded')?.value).toBe(1);
  });

  it('names fortnights, and any other range as a range', () => {
    expect(fortnightLabel('2024-02-16', '2024-02-29')).toBe('Segunda quincena de febrero de 2024');
    expect(fortnightLabel('2024-02-01', '2024-02-10')).toBe('1 al 10 de febrero de 2024');
  });
});
