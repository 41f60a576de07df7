import type { LocalDate } from '../../shared/dates';
import { countText, withArticle } from '../../shared/spanish-words';
import { formatLongDate, joinWithY, monthName } from '../../shared/spanish-dates';
import type { Block } from '../../shared/document-blocks';
import {
  b,
  list,
  paragraph,
  t,
  table,
  type PendingEntry,
  type ReportAnnex,
  type ReportBlock,
  type ReportContext,
} from '../platform/documents/document-kit';
import type { Db } from '../platform/db/client';
import type { Instrument, ReportTables } from './contract';
import { listReportTables } from './list-report-tables';
import { stillInNegotiation } from './report-tables';
import { allInstruments, listOpinions } from './repository';

// The agreements register's part of the quarterly report (ADR 0036): the instruments signed and
// in negotiation, the opinions of pertinence issued, what is pending at the period's end, and the
// annex of opinions.

export type AgreementsReport = {
  instruments: ReportTables | null;
  /** Opinions of pertinence requested and not yet issued. */
  pendingOpinions: number;
  /**
   * Instruments in negotiation or in signature at the end of the period. Section V names those in
   * signature; those in negotiation it follows are the ones section IV lists (`inNegotiation`).
   */
  openInstruments: { title: string; status: 'negotiation' | 'signature' }[];
  /**
   * Instruments with the national authority signed in the period or in signature at its end, each
   * with the earlier amendments of the same kind to the same parent (the presentation names them).
   */
  nationalInstruments?: { title: string; status: string; signedOn: LocalDate | null }[];
};

/** The register's records of a period; `national` is the channel's other end, when there is one. */
export async function collectAgreementsReport(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
  national: { name: string; acronym: string } | null,
): Promise<Required<AgreementsReport>> {
  const { from, to } = period;
  const [pendingOpinions, instruments, every] = await Promise.all([
    listOpinions(db, orgId, { status: 'requested', page: 1, pageSize: 1 }),
    listReportTables(db, orgId, from, to),
    allInstruments(db, orgId, {}, to),
  ]);
  const open = every.filter((i) => i.status === 'negotiation' || i.status === 'signature');
  return {
    pendingOpinions: pendingOpinions.total,
    instruments,
    openInstruments: open
      .map((i) => ({ title: i.title, status: i.status as 'negotiation' | 'signature' }))
      .sort((a, b) => a.status.localeCompare(b.status) || a.title.localeCompare(b.title, 'es')),
    nationalInstruments: national ? nationalInstruments(every, national, from, to) : [],
  };
}

/**
 * The instruments with the national authority signed in the period or in signature at its end,
 * each preceded by the earlier amendments of the same type to the same parent (an amendment is
 * presented with those it follows).
 */
export function nationalInstruments(
  all: Instrument[],
  national: { name: string; acronym: string },
  from: string,
  to: string,
): NonNullable<AgreementsReport['nationalInstruments']> {
  const withNational = (i: Instrument) =>
    i.parties.some((p) => p.acronym === national.acronym || p.name === national.name);
  const main = all
    .filter(
      (i) =>
        withNational(i) &&
        ((i.signedOn !== null && i.signedOn >= from && i.signedOn <= to) || i.status === 'signature'),
    )
    .sort((a, b) => (a.signedOn ?? '9999').localeCompare(b.signedOn ?? '9999'));
  const out: Instrument[] = [];
  for (const i of main) {
    const earlier = all
      .filter(
        (e) =>
          i.parentId !== null &&
          e.parentId === i.parentId &&
          e.typeId === i.typeId &&
          e.ordinal !== null &&
          i.ordinal !== null &&
          e.ordinal < i.ordinal &&
          e.signedOn !== null &&
          e.signedOn <= to,
      )
      .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    for (const e of [...earlier, i]) if (!out.includes(e)) out.push(e);
  }
  return out.map((i) => ({ title: i.title, status: i.status, signedOn: i.signedOn }));
}

/** The register's blocks of section IV, each shown by objectives naming its record source. */
export const agreementsReportBlocks: ReportBlock<AgreementsReport>[] = [
  {
    key: 'agreements.signed',
    source: 'agreements.signed_instruments',
    title: 'Instrumentos suscritos',
    count: (data) => data.instruments?.signed.length ?? 0,
    write: ({ ledger }, data) => {
      const rows = data.instruments?.signed ?? [];
      ledger.figure('instruments.signed', 'Instrumentos suscritos', rows.length);
      if (!rows.length) return null;
      return [
        paragraph(
          [
            t('Durante el periodo que se reporta se formalizaron '),
            b(countText(rows.length, 'instrumento jurídico', 'instrumentos jurídicos', 'm')),
            t(':'),
          ],
          'instruments.signed.intro',
        ),
        table(
          'instruments.signed',
          [['No.', 'Instrumento e Institución', 'Fecha de suscripción']],
          rows.map((r) => [`${r.n}.`, r.instrument, r.signedOn]),
          { widths: [1, 7, 3] },
        ),
      ];
    },
  },
  {
    key: 'agreements.negotiation',
    source: 'agreements.accompaniments',
    title: 'Acompañamiento en la negociación de instrumentos',
    count: (data) =>
      (data.instruments?.negotiation.activities ?? 0) +
      (data.instruments?.reviewUpdates ?? []).reduce((s, u) => s + u.count, 0),
    write: ({ ledger }, data) => {
      const n = data.instruments?.negotiation;
      if (!n) return null;
      const out: Block[] = [];
      ledger.figure('instruments.accompaniment.activities', 'Actividades de acompañamiento', n.activities);
      ledger.figure('instruments.accompaniment.institutions', 'Instituciones en negociación', n.institutions);
      if (n.activities) {
        // Section V follows these same instruments: the figure both sections state.
        ledger.figure(
          'instruments.open.negotiation',
          'Instrumentos en proceso de negociación',
          inNegotiation(data).length,
        );
        out.push(
          paragraph(
            [
              t('Durante el periodo reportado se realizaron '),
              b(countText(n.activities, 'actividad de acompañamiento', 'actividades de acompañamiento', 'f')),
              t(
                ` a ${joinWithY(n.areasAccompanied.map(withArticle))} en materia de vinculación y negociación para la suscripción de convenios con ${countText(n.institutions, 'institución', 'instituciones', 'f')}, las cuales se enlistan a continuación:`,
              ),
            ],
            'instruments.negotiation.intro',
          ),
          table(
            'instruments.negotiation',
            [['No.', 'Instrumento e Institución', 'Objeto', 'Área responsable operativa', 'Estatus']],
            n.rows.map((r) => [`${r.n}.`, r.instrument, r.object, r.areas, r.status]),
            { widths: [1, 4, 6, 3, 2] },
          ),
        );
      }
      const updates = data.instruments?.reviewUpdates ?? [];
      const total = updates.reduce((s, u) => s + u.count, 0);
      ledger.figure('instruments.review.updated', 'Instrumentos actualizados en el registro', total);
      if (total) {
        const byMonth = updates.map(
          (u) =>
            `${countText(u.count, 'instrumento', 'instrumentos', 'm')} en ${monthName(Number(u.month.slice(5)))}`,
        );
        out.push(
          paragraph(
            `En el periodo se reportó avance en ${countText(total, 'instrumento jurídico', 'instrumentos jurídicos', 'm')} del registro de convenios: ${joinWithY(byMonth)}.`,
            'instruments.review',
          ),
        );
      }
      return out.length ? out : null;
    },
  },
  {
    key: 'agreements.opinions',
    source: 'agreements.opinions',
    title: 'Opiniones de pertinencia',
    count: (data) => data.instruments?.opinions.length ?? 0,
    write: ({ ledger }, data) => {
      const n = ledger.figure(
        'instruments.opinions',
        'Opiniones de pertinencia emitidas',
        data.instruments?.opinions.length ?? 0,
      );
      if (!n) return null;
      return [
        paragraph(
          [
            t('En el periodo se emitieron '),
            b(countText(n, 'opinión de pertinencia', 'opiniones de pertinencia', 'f')),
            t(', que se detallan en los anexos.'),
          ],
          'instruments.opinions.intro',
        ),
      ];
    },
  },
];

/**
 * The instruments section IV lists in its accompaniment table that are still in negotiation at the
 * period's end: the ones section V says it keeps following ("apartado IV"). Instruments recorded as
 * in negotiation without any accompaniment in the period are not in that table, so V does not count
 * them either.
 */
export function inNegotiation(data: AgreementsReport): { instrument: string }[] {
  return (data.instruments?.negotiation.rows ?? []).filter(stillInNegotiation);
}

/**
 * Section V: instruments in signature are named (the office manages their signing); those in
 * negotiation are counted in one sentence (section IV lists them); then the opinions pending.
 */
export function agreementsPending({ ledger, to }: ReportContext, data: AgreementsReport): PendingEntry[] {
  const out: PendingEntry[] = [];
  const near = ['agreements.signed', 'agreements.negotiation'];
  const inSignature = data.openInstruments.filter((o) => o.status === 'signature');
  const negotiating = inNegotiation(data);
  if (inSignature.length) {
    ledger.figure('instruments.open.signature', 'Instrumentos en proceso de suscripción', inSignature.length);
    out.push({
      near,
      blocks: [
        paragraph('Instrumentos en proceso de suscripción:'),
        list(inSignature.map((o) => `${o.title.replace(/\.\s*$/, '')}. En proceso de suscripción.`)),
      ],
    });
  }
  if (negotiating.length) {
    const n = ledger.figure(
      'instruments.open.negotiation',
      'Instrumentos en proceso de negociación',
      negotiating.length,
    );
    out.push({
      near,
      blocks: [
        paragraph(
          n === 1
            ? 'Se continuará dando seguimiento al instrumento en proceso de negociación (apartado IV).'
            : `Se continuará dando seguimiento a los ${countText(n, 'instrumento', 'instrumentos', 'm')} en proceso de negociación (apartado IV).`,
          'pending.negotiation',
        ),
      ],
    });
  }
  if (data.instruments)
    out.push({
      near: ['agreements.opinions'],
      blocks: [
        paragraph(
          data.pendingOpinions
            ? `Al ${formatLongDate(to)} se tienen ${countText(data.pendingOpinions, 'opinión de pertinencia pendiente', 'opiniones de pertinencia pendientes', 'f')} de emitir.`
            : `Al ${formatLongDate(to)} no se tienen opiniones de pertinencia pendientes de emitir.`,
          'pending.opinions',
        ),
      ],
    });
  return out;
}

/**
 * Section VI: the opinions issued in the period, when there are any. Its rows are the count section
 * IV and the Presentación state, recorded again here so the check compares them.
 */
export function opinionsAnnex({ ledger }: ReportContext, data: AgreementsReport): ReportAnnex | null {
  const opinions = data.instruments?.opinions ?? [];
  if (!opinions.length) return null;
  return {
    key: 'opinions',
    title: 'Opiniones de pertinencia emitidas',
    near: 'agreements.opinions',
    objective: null,
    write: () => {
      ledger.figure('instruments.opinions', 'Opiniones de pertinencia emitidas', opinions.length);
      return [
        table(
          'annex.opinions',
          [
            [
              'No.',
              'Número de opinión de pertinencia',
              'Instrumento jurídico opinado',
              'Área responsable operativa del instrumento',
            ],
          ],
          opinions.map((o) => [`${o.n}.`, o.number, o.instrument, o.areas]),
          { widths: [1, 3, 6, 4] },
        ),
      ];
    },
  };
}
