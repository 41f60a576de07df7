import { capitalize, countText } from '../../shared/spanish-words';
import { formatDate, formatPeriod, joinWithY, monthName } from '../../shared/spanish-dates';
import type { Block } from '../../shared/document-blocks';
import {
  b,
  paragraph,
  t,
  table,
  type ReportAnnex,
  type ReportContext,
} from '../platform/documents/document-kit';
import type { LocalDate } from '../../shared/dates';

// Outreach's part of the quarterly report (ADR 0036): the campaigns linked to a program objective,
// with their send days; topics known only by month are listed by month in an annex.

/** A campaign as the report writes it (outreachCampaignsInPeriod reads them). */
export type CampaignInReport = {
  topic: string;
  /** "YYYY-MM". */
  month: string;
  sentOn: LocalDate | null;
  channels: string[];
};

const CHANNEL_WORDS: Record<string, string> = {
  email: 'correo electrónico',
  whatsapp: 'mensajes de WhatsApp',
  phone: 'llamadas telefónicas',
};
const channelsText = (cs: CampaignInReport[]) =>
  joinWithY([...new Set(cs.flatMap((x) => x.channels))].map((ch) => CHANNEL_WORDS[ch] ?? ch));
const monthLabel = (month: string) =>
  `${capitalize(monthName(Number(month.slice(5, 7))))} ${month.slice(0, 4)}`;

/** The campaigns of a line or objective (by its code, "2.B"): each with its day, or the topics. */
export function campaignBlocks(c: ReportContext, cs: CampaignInReport[], code: string): Block[] {
  c.ledger.figure(`program.${code}.campaigns`, `Temas difundidos (${code})`, cs.length);
  const dated = cs.every((x) => x.sentOn);
  if (dated) {
    for (const x of cs) c.ledger.date(x.sentOn!, `Envío ${code}`);
    return [
      paragraph(
        [
          t('Durante el periodo se enviaron, por '),
          t(channelsText(cs)),
          t(', '),
          b(countText(cs.length, 'comunicación', 'comunicaciones', 'f')),
          t(', cuyos temas se describen a continuación:'),
        ],
        `program.${code}.campaigns`,
      ),
      table(
        `program.${code}.campaigns`,
        [['No.', 'Fecha de envío', 'Información']],
        cs.map((x, n) => [`${n + 1}.`, formatDate(x.sentOn!), x.topic]),
        { widths: [1, 3, 7] },
      ),
    ];
  }
  return [
    paragraph(
      [
        t(`Se difundió información por ${channelsText(cs)}. La difusión versó sobre `),
        b(countText(cs.length, 'tema diferente', 'temas diferentes', 'm')),
        t(' (por mes, en los anexos):'),
      ],
      `program.${code}.campaigns`,
    ),
    table(
      `program.${code}.campaigns`,
      [['No.', 'Información']],
      cs.map((x, n) => [`${n + 1}.`, x.topic]),
      { widths: [1, 9] },
    ),
  ];
}

/** Section VI: an objective's topics known only by month, by month; none when all have a day. */
export function campaignsAnnex(c: ReportContext, cs: CampaignInReport[], code: string): ReportAnnex | null {
  if (!cs.length || cs.every((x) => x.sentOn)) return null;
  return {
    key: `campaigns.${code}`,
    title: 'Temas difundidos por mes',
    near: null,
    objective: code,
    write: () => [
      paragraph(`De ${formatPeriod(c.from, c.to)}`),
      table(
        `annex.campaigns.${code}`,
        [['No.', 'Fecha de envío', 'Información']],
        cs.map((x, n) => [`${n + 1}.`, monthLabel(x.month), x.topic]),
        { widths: [1, 2, 8] },
      ),
    ],
  };
}
