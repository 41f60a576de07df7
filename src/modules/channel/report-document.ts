import { formatDate, formatMonth } from '../../shared/spanish-dates';
import type { DocModel } from '../platform/documents/letterhead';
import type { MonthlyStatusTable } from './contract';
import type { ChannelStatistics } from './contract-reports';
import { fortnightPeriod, fortnightTitle, type Fortnight } from './fortnight';
import { CHANNEL_MODULES, FOLIO_STATUSES, type ChannelModule } from './contract-folio-status';

// What the fortnightly statistical report says, as a neutral model (rendered to DOCX and PDF by
// the governance module's renderers).

export const MODULE_LABELS: Record<ChannelModule, string> = {
  follow_up: 'Seguimiento de actividades',
  consultation: 'Consulta y Documentos',
};
const STATUS_LABELS = {
  pending_local: 'Pendientes de atender por el organismo local',
  in_process_national: 'En proceso del INE',
  cancelled: 'Cancelados',
  concluded: 'Concluidos',
} as const;
const TYPE_LABELS: Record<string, string> = {
  circular: 'Circular',
  correo: 'Correo',
  informativo: 'Informativo',
  invitacion: 'Invitación',
  oficio: 'Oficio',
  acuerdo: 'Acuerdo',
  consulta: 'Consulta',
  otro: 'Otro',
};

const n = (x: number) => x.toLocaleString('es-MX');
const days = (x: number | null) =>
  x === null ? '—' : x.toLocaleString('es-MX', { maximumFractionDigits: 1 });

export type ReportFigures = {
  organizationName: string;
  fortnight: Fortnight;
  asOf: string;
  /** Folios received in the fortnight, per module. */
  fortnightStats: Record<ChannelModule, ChannelStatistics>;
  /** The year so far by month of receipt, per module, as of `asOf`. */
  yearTables: Record<ChannelModule, MonthlyStatusTable>;
};

export function fortnightlyReportDocument(r: ReportFigures): DocModel {
  const title = `Estadística del canal INE–OPLE: ${fortnightTitle(r.fortnight)}`;
  const { from, to } = fortnightPeriod(r.fortnight);
  const stats = r.fortnightStats;
  return {
    title,
    blocks: [
      { kind: 'title', text: title },
      { kind: 'paragraph', text: r.organizationName, bold: true },
      {
        kind: 'paragraph',
        text: `Folios recibidos del ${formatDate(from)} al ${formatDate(to)}, con su estatus al ${formatDate(r.asOf)}.`,
      },
      { kind: 'heading', text: 'Folios recibidos en la quincena' },
      {
        kind: 'table',
        header: ['Estatus', ...CHANNEL_MODULES.map((m) => MODULE_LABELS[m])],
        rows: [
          ...FOLIO_STATUSES.map((s) => [
            STATUS_LABELS[s],
            ...CHANNEL_MODULES.map((m) => n(stats[m].byStatus[s])),
          ]),
          ['Total', ...CHANNEL_MODULES.map((m) => n(stats[m].received))],
        ],
      },
      {
        kind: 'paragraph',
        text: `En ${MODULE_LABELS.follow_up}: ${n(stats.follow_up.byNature.for_information)} de conocimiento y ${n(stats.follow_up.byNature.for_attention)} para su atención.`,
      },
      { kind: 'heading', text: 'Por tipo de documento' },
      {
        kind: 'table',
        header: ['Módulo', 'Tipo', 'Folios'],
        rows: CHANNEL_MODULES.flatMap((m) =>
          stats[m].byType.map((t) => [
            MODULE_LABELS[m],
            TYPE_LABELS[t.documentType] ?? t.documentType,
            n(t.count),
          ]),
        ),
      },
      { kind: 'heading', text: 'Tiempos de respuesta y vencimientos' },
      {
        kind: 'table',
        header: [
          'Módulo',
          'Atendidos',
          'Mediana (días hábiles)',
          'Percentil 90 (días hábiles)',
          'Mediana (días naturales)',
          'Percentil 90 (días naturales)',
          'Vencidos sin atender',
          'Atendidos fuera de plazo',
        ],
        rows: CHANNEL_MODULES.map((m) => {
          const t = stats[m].responseTimes;
          return [
            MODULE_LABELS[m],
            n(t.answered),
            days(t.businessDays.median),
            days(t.businessDays.p90),
            days(t.naturalDays.median),
            days(t.naturalDays.p90),
            n(stats[m].overdue.open),
            n(stats[m].overdue.answeredLate),
          ];
        }),
      },
      ...CHANNEL_MODULES.flatMap((m) => {
        const table = r.yearTables[m];
        return [
          {
            kind: 'heading' as const,
            text: `${MODULE_LABELS[m]}: acumulado de ${r.fortnight.year} por mes de recepción`,
          },
          {
            kind: 'table' as const,
            header: ['Mes', ...FOLIO_STATUSES.map((s) => STATUS_LABELS[s]), 'Total'],
            rows: [
              ...table.months.map((row) => [
                formatMonth(Number(row.month.slice(0, 4)), Number(row.month.slice(5, 7))),
                ...FOLIO_STATUSES.map((s) => n(row[s])),
                n(row.total),
              ]),
              ['Total', ...FOLIO_STATUSES.map((s) => n(table.totals[s])), n(table.totals.total)],
            ],
          },
        ];
      }),
      {
        kind: 'footnotes',
        items: [
          'Tiempo de respuesta: días desde la recepción hasta la primera atención de quien debe actuar (el organismo local en Seguimiento de actividades; el INE en Consulta y Documentos). Los días hábiles excluyen fines de semana, días de descanso obligatorio (LFT, art. 74) y los días inhábiles del organismo.',
        ],
      },
    ],
  };
}
