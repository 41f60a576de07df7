import type { LocalDate } from '../../shared/dates';
import { capitalize, countText, ofName } from '../../shared/spanish-words';
import { formatDateRange, formatLongDate, formatMonth, monthAbbreviation } from '../../shared/spanish-dates';
import type { Block } from '../../shared/document-blocks';
import {
  b,
  cell,
  list,
  paragraph,
  superscript,
  t,
  table,
  type PendingEntry,
  type ReportAnnex,
  type ReportBlock,
  type ReportContext,
} from '../platform/documents/document-kit';
import type { Db } from '../platform/db/client';
import type { MonthlyStatusTable, RecurringObligation } from './contract';
import { monthlyStatusTable } from './monthly-status-table';
import { listReports } from './report-repository';
import { nationalAuthority, openRecurringObligations } from './repository';

// The channel's part of the quarterly report (ADR 0036): the folios of the period by status, the
// fortnightly statistical reports sent, the folios pending and the monthly obligations at the
// period's end, and the annex of folios by month of receipt.

export type ChannelReport = {
  /** The national authority at the other end of the channel ("INE"). */
  national: { name: string; acronym: string } | null;
  followUp: MonthlyStatusTable;
  consultation: MonthlyStatusTable;
  recurring: RecurringObligation[];
  /** Fortnightly statistical reports of fortnights within the period, with their sending day. */
  fortnightly?: { from: LocalDate; to: LocalDate; sentOn: LocalDate | null }[];
};

/** The channel's records of a period, as the report reads them. */
export async function collectChannelReport(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
): Promise<ChannelReport> {
  const { from, to } = period;
  const [national, followUp, consultation, recurring, fortnights] = await Promise.all([
    nationalAuthority(db),
    monthlyStatusTable(db, orgId, { module: 'follow_up', from, to }),
    monthlyStatusTable(db, orgId, { module: 'consultation', from, to }),
    openRecurringObligations(db, orgId, to),
    listReports(db, orgId),
  ]);
  return {
    national: national ? { name: national.name, acronym: national.acronym } : null,
    followUp,
    consultation,
    recurring,
    fortnightly: fortnights
      .filter((r) => r.periodFrom >= from && r.periodTo <= to && r.state === 'sent')
      .map((r) => ({ from: r.periodFrom, to: r.periodTo, sentOn: r.sentOn }))
      .sort((a, b) => a.from.localeCompare(b.from)),
  };
}

const STATUS_KEYS = ['pending_local', 'in_process_national', 'cancelled', 'concluded'] as const;

function statusLabels(c: ReportContext, ch: ChannelReport) {
  const org = c.organization.acronym;
  const nat = ch.national?.acronym ?? 'la autoridad nacional';
  return {
    pending_local: `Pendientes de atender por el ${org}`,
    in_process_national: `En proceso del ${nat}`,
    cancelled: 'Cancelados',
    concluded: 'Concluidos',
  } as const;
}

/**
 * The channel's blocks of section IV, shown by objectives whose record source is its folios. An
 * organization without the channel has none (null): the status block says nothing, and the sent
 * reports are counted as none.
 */
export const channelReportBlocks: ReportBlock<ChannelReport | null>[] = [
  {
    key: 'channel.status',
    source: 'channel.folios',
    title: 'Gestiones en el sistema de vinculación con la autoridad nacional',
    count: (ch) => (ch ? ch.followUp.totals.total + ch.consultation.totals.total : 0),
    write: (c, ch) => {
      if (!ch) return null;
      const { ledger } = c;
      const org = c.organization.acronym;
      const nat = ch.national?.acronym ?? 'la autoridad nacional';
      const f = ch.followUp;
      const cq = ch.consultation;
      ledger.figure('channel.follow_up.total', 'Folios de seguimiento de actividades', f.totals.total);
      ledger.figure(
        'channel.follow_up.for_information',
        'Folios de conocimiento',
        f.byNature.for_information,
      );
      ledger.figure('channel.follow_up.for_attention', 'Folios para su atención', f.byNature.for_attention);
      ledger.figure('channel.consultation.total', 'Folios de consulta y documentos', cq.totals.total);
      const labels = statusLabels(c, ch);
      const mark = superscript(ledger.footnote());
      for (const s of STATUS_KEYS) {
        ledger.figure(`channel.follow_up.${s}`, `Seguimiento: ${labels[s]}`, f.totals[s]);
        ledger.figure(`channel.consultation.${s}`, `Consulta: ${labels[s]}`, cq.totals[s]);
      }
      return [
        paragraph(
          `En el periodo reportado, el ${org} recibió en el módulo de Seguimiento de actividades ${countText(f.totals.total, 'gestión', 'gestiones', 'f')} del ${nat}; ${f.byNature.for_information} de conocimiento y ${f.byNature.for_attention} para su atención, y en el módulo de Consulta y Documentos el ${org} realizó ${cq.totals.total}.`,
          'channel.status.intro',
        ),
        paragraph([b(`Gestiones generadas en el sistema de vinculación`)]),
        table(
          'channel.status',
          [['Estatus', 'Seguimiento de actividades', 'Consulta y Documentos']],
          STATUS_KEYS.map((s) => [
            s === 'in_process_national' ? `${labels[s]} ${mark}` : labels[s],
            cell(String(f.totals[s]), { align: 'center' }),
            cell(String(cq.totals[s]), { align: 'center' }),
          ]),
          {
            footnotes: [
              `${mark} ${labels.in_process_national}, en el módulo de seguimiento de actividades: aquellos folios que ya fueron atendidos por el ${org} y, por lo tanto, se encuentra a la espera de la respuesta y/o comentarios del ${nat}. En el módulo de consultas y documentos: aquellos folios de las solicitudes de las áreas del ${org} que ya fueron remitidas al ${nat} y se encuentran a la espera de su respuesta.`,
            ],
            widths: [3, 2, 2],
          },
        ),
      ];
    },
  },
  {
    key: 'channel.fortnightly',
    source: 'channel.folios',
    title: 'Informes estadísticos del sistema de vinculación',
    count: (ch) => ch?.fortnightly?.length ?? 0,
    write: (c, ch) => {
      const reports = ch?.fortnightly ?? [];
      const n = c.ledger.figure('channel.fortnightly.sent', 'Informes estadísticos enviados', reports.length);
      if (!n) return null;
      return [
        paragraph(
          `En el mismo periodo se enviaron ${countText(n, 'informe estadístico', 'informes estadísticos', 'm')} a las personas integrantes ${ofName(c.body.name)}, que se detallan en los anexos.`,
          'channel.fortnightly',
        ),
      ];
    },
  },
];

/** Section V: the folios pending at the period's end and those that are updated periodically. */
export function channelPending(c: ReportContext, ch: ChannelReport): PendingEntry[] {
  const { ledger } = c;
  const near = ['channel.status'];
  const out: PendingEntry[] = [];
  const pendingNow = ledger.figure(
    'channel.follow_up.pending_local',
    'Folios pendientes de atender al cierre',
    ch.followUp.totals.pending_local,
  );
  out.push({
    near,
    blocks: [
      paragraph(
        pendingNow
          ? `Al ${formatLongDate(c.to)}, en el módulo de Seguimiento de actividades existían ${countText(pendingNow, 'folio', 'folios', 'm')} de respuesta pendientes.`
          : `Al ${formatLongDate(c.to)}, en el módulo de Seguimiento de actividades no existían folios de respuesta pendientes.`,
        'pending.channel',
      ),
    ],
  });
  if (ch.recurring.length) {
    ledger.figure('channel.recurring', 'Folios con obligación periódica', ch.recurring.length);
    out.push({
      near,
      blocks: [
        paragraph(
          `Respecto del módulo de seguimiento de actividades, ${ch.recurring.length === 1 ? 'se tiene un folio que se actualiza' : `se tienen ${countText(ch.recurring.length, 'folio', 'folios', 'm')} que se actualizan`} periódicamente:`,
          'pending.recurring',
        ),
        list(
          ch.recurring.map((r) => {
            const desc = r.description.replace(/\.\s*$/, '');
            // The description usually states the rule in the institution's words; otherwise it is added.
            const withRule = /cada mes/i.test(desc) ? desc : `${desc} (${r.rule})`;
            return [b(`Folio ${r.folio}.`), t(` ${r.subject.replace(/\.?\s*$/, '.')} `), b(withRule)];
          }),
        ),
      ],
    });
  }
  return out;
}

/** "Primera quincena de enero de 2024" for days 1–15 and 16–end; any other range as a range. */
export function fortnightLabel(from: string, to: string): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (from.slice(0, 7) === to.slice(0, 7)) {
    if (from.endsWith('-01') && to.endsWith('-15')) return `Primera quincena de ${formatMonth(y, m)}`;
    if (from.endsWith('-16') && Number(to.slice(8)) === last)
      return `Segunda quincena de ${formatMonth(y, m)}`;
  }
  return capitalize(formatDateRange(from, to));
}

/** Section VI: the folios by month of receipt and status, and the statistical reports sent. */
export function channelAnnex(c: ReportContext, ch: ChannelReport): ReportAnnex {
  return {
    key: 'channel',
    title: 'Gestiones en el sistema de vinculación por mes de recepción',
    near: 'channel.status',
    objective: null,
    write: () => {
      const blocks: Block[] = [];
      const labels = statusLabels(c, ch);
      for (const [title, tbl, key] of [
        ['Seguimiento de actividades', ch.followUp, 'annex.follow_up'],
        ['Consulta y Documentos', ch.consultation, 'annex.consultation'],
      ] as const) {
        blocks.push(
          table(
            key,
            [
              ['', cell(title, { colSpan: tbl.months.length, align: 'center' })],
              [
                '',
                ...tbl.months.map((m) =>
                  cell(monthAbbreviation(Number(m.month.slice(5))), { align: 'center' }),
                ),
              ],
            ],
            STATUS_KEYS.map((s) => [
              labels[s],
              ...tbl.months.map((m) => cell(String(m[s]), { align: 'center' })),
            ]),
            { widths: [4, ...tbl.months.map(() => 1)] },
          ),
        );
        tbl.months.forEach((m) =>
          STATUS_KEYS.forEach((s) =>
            c.ledger.figure(`${key}.${m.month}.${s}`, `${title} ${m.month}: ${labels[s]}`, m[s]),
          ),
        );
      }
      const reports = ch.fortnightly ?? [];
      if (reports.length)
        blocks.push(
          paragraph([b('Informes estadísticos enviados')]),
          table(
            'annex.fortnightly',
            [['No.', 'Informe', 'Fecha de envío']],
            reports.map((r, k) => [
              `${k + 1}.`,
              fortnightLabel(r.from, r.to),
              r.sentOn ? capitalize(formatLongDate(r.sentOn)) : '',
            ]),
            { widths: [1, 5, 4] },
          ),
        );
      return blocks;
    },
  };
}
