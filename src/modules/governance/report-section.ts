import type { LocalDate } from '../../shared/dates';
import { formatDateList } from '../../shared/spanish-dates';
import { bodyNoun, countText, ofName, toName } from '../../shared/spanish-words';
import type { Block } from '../../shared/document-blocks';
import {
  b,
  cell,
  heading,
  list,
  paragraph,
  superscript,
  t,
  table,
  type ReportBlock,
  type ReportContext,
} from '../platform/documents/document-kit';
import type { Db } from '../platform/db/client';
import { agreementsBySession, attendanceReport } from './attendance-report';
import type { AgreementsBySession, AttendanceTable, Body } from './contract';
import { mandateUpdateDays } from './repository';

// Governance's part of the quarterly report (ADR 0036): section II (the body's sessions and
// attendance), section III (its agreements) and the block of the follow-up of the General
// Council's agreements (SSSCG).

export type GovernanceReport = {
  attendance: AttendanceTable;
  agreements: AgreementsBySession;
  /** SSSCG: days of the progress updates recorded in the period, one entry per update. */
  mandateUpdates: LocalDate[];
};

/** The body's sessions, attendance and agreements of a period, and the SSSCG updates. */
export async function collectGovernanceReport(
  db: Db,
  orgId: string,
  body: Body,
  period: { from: LocalDate; to: LocalDate },
): Promise<GovernanceReport> {
  const [attendance, agreements, mandateUpdates] = await Promise.all([
    attendanceReport(db, orgId, body, period),
    agreementsBySession(db, orgId, body, period),
    mandateUpdateDays(db, orgId, period.from, period.to),
  ]);
  return { attendance, agreements, mandateUpdates };
}

const MODALITY: Record<string, string> = {
  presencial: 'presencial',
  a_distancia: 'a distancia',
  hibrida: 'híbrida',
};

/** II. Sesiones y asistencia. */
export function sessionsSection(c: ReportContext, data: GovernanceReport): Block[] {
  const { ledger } = c;
  const noun = bodyNoun(c.body.name);
  const groups = data.agreements.sessions;
  const a = data.attendance;
  const blocks: Block[] = [heading(1, `II. Sesiones ${ofName(c.body.name)} y Asistencia`)];
  const n = ledger.figure('sessions', 'Sesiones celebradas', groups.length);
  if (!n) {
    blocks.push(paragraph(`${noun} no celebró sesiones en el periodo que se reporta.`, 'sessions.none'));
    return blocks;
  }
  const modalities = [...new Set(groups.map((g) => g.session.modality))];
  const how = modalities.length === 1 ? `, en modalidad ${MODALITY[modalities[0]!]},` : '';
  const tools =
    modalities.length === 1 && modalities[0] === 'a_distancia'
      ? ', mediante el uso de herramientas tecnológicas'
      : '';
  blocks.push(
    paragraph(
      `${noun} celebró${how} ${countText(n, 'sesión', 'sesiones', 'f')}${tools}. A continuación, se presenta el reporte de asistencia de cada una de éstas:`,
      'sessions.intro',
    ),
  );
  for (const g of groups) ledger.date(g.session.heldOn, `Sesión: ${g.session.name}`);
  a.sessions.forEach((s, k) =>
    ledger.figure(
      `attendance.session.${k + 1}`,
      `Asistencias en la ${s.name}`,
      a.rows.reduce((sum, r) => sum + (r.attended[k] ? 1 : 0), 0),
    ),
  );
  a.rows.forEach((r) => ledger.figure(`attendance.row.${r.line}`, `Asistencias de ${r.line}`, r.count));
  const marks = a.footnotes.map(() => ledger.footnote());
  blocks.push(
    table(
      'attendance',
      [
        [
          'Integrantes e invitados',
          cell('Asistencia a las sesiones', { colSpan: a.sessions.length, align: 'center' }),
        ],
        ['', ...a.sessions.map((s) => cell(s.heading, { align: 'center' }))],
      ],
      a.rows.map((r) => [
        r.footnote ? `${r.line} ${superscript(marks[r.footnote - 1]!)}` : r.line,
        ...r.attended.map((x) => cell(x ? '✓' : '', { align: 'center' })),
      ]),
      {
        footnotes: a.footnotes.map((f, k) => `${superscript(marks[k]!)} ${f}`),
        widths: [6, ...a.sessions.map(() => 1)],
      },
    ),
  );
  return blocks;
}

/** III. Acuerdos, by session. */
export function agreementsSection(c: ReportContext, data: GovernanceReport): Block[] {
  const { ledger } = c;
  const noun = bodyNoun(c.body.name);
  const blocks: Block[] = [
    heading(1, `III. Acuerdos y puntos presentados ${toName(c.body.name.split(/\s+/)[0]!)}`),
  ];
  const total = ledger.figure('agreements', 'Acuerdos adoptados', data.agreements.total);
  if (!total) {
    blocks.push(paragraph(`${noun} no adoptó acuerdos en el periodo que se reporta.`, 'agreements.none'));
    return blocks;
  }
  blocks.push(
    paragraph(
      `${noun} adoptó un total de ${countText(total, 'acuerdo', 'acuerdos', 'm')} en el periodo que se reporta, ${total === 1 ? 'el cual se enlista' : 'los cuales se enlistan'} a continuación:`,
      'agreements.intro',
    ),
  );
  data.agreements.sessions.forEach((g, k) => {
    if (!g.agreements.length) return;
    ledger.figure(`agreements.session.${k + 1}`, `Acuerdos de la ${g.session.name}`, g.agreements.length);
    blocks.push(paragraph(`${g.heading}:`));
    blocks.push(
      list(
        g.agreements.map((ag) => {
          ledger.date(ag.adoptedOn, `Acuerdo ${ag.number}`);
          return [b(`${ag.number}.`), t(` ${ag.title.replace(/\.?\s*$/, '.')}`)];
        }),
      ),
    );
  });
  return blocks;
}

/** Governance's block of section IV: the SSSCG updates, by month. */
export const governanceReportBlocks: ReportBlock<GovernanceReport>[] = [
  {
    key: 'governance.mandates',
    source: 'governance.mandate_updates',
    title: 'Seguimiento de los acuerdos del Consejo General',
    count: (data) => data.mandateUpdates.length,
    write: ({ ledger }, data) => {
      if (!data.mandateUpdates.length) return null;
      ledger.figure(
        'mandates.updates',
        'Actualizaciones del seguimiento de acuerdos',
        data.mandateUpdates.length,
      );
      const byMonth = new Map<string, string[]>();
      for (const d of data.mandateUpdates) {
        ledger.date(d, 'Actualización del seguimiento de acuerdos');
        byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
      }
      return [
        paragraph(
          `Se realizaron ${countText(data.mandateUpdates.length, 'actualización', 'actualizaciones', 'f')} en el sistema de seguimiento de las sesiones del Consejo General en las siguientes fechas:`,
          'mandates.intro',
        ),
        table(
          'mandates.updates',
          [['No.', 'Fecha']],
          [...byMonth.values()].map((days, k) => [`${k + 1}.`, formatDateList(days)]),
          { widths: [1, 8] },
        ),
      ];
    },
  },
];
