import type { LocalDate } from '../../shared/dates';
import { ordinalInWords, capitalize, countText, ofName } from '../../shared/spanish-words';
import {
  formatDateList,
  formatDatesByMonth,
  formatDateRange,
  formatLongDate,
  formatPeriod,
  joinWithY,
} from '../../shared/spanish-dates';
import { isCalendarQuarter } from '../../shared/periods';
import type { Block } from '../../shared/document-blocks';
import {
  b,
  list,
  paragraph,
  t,
  table,
  type PendingEntry,
  type ReportContext,
} from '../platform/documents/document-kit';
import type { Db } from '../platform/db/client';
import { positionTitleOn } from '../governance';
import type { Activity, DateSpec } from './contract';
import { formatDateSpec } from './contract-date-spec';
import { loadProgramTree } from './program-tree';
import { programReportData, targetsForPeriod, type ReportSeries, type ReportUnit } from './report-data';
import { findProgramByYear } from './repository';

// The work program's part of the quarterly report (ADR 0036): its records of a period by line and
// objective (activities, publications, plan reviews, the record sources each names), the next
// period's targets and scheduled activities, and how section IV and V write them.

export type ProgramActivity = {
  on: LocalDate | null;
  until: LocalDate | null;
  /** The activity's title. */
  text: string;
  columns?: Record<string, string>;
  /** The dates as recorded (day, range, list, month, within); absent for plain activities. */
  dates?: DateSpec;
  kindName?: string;
  purpose?: string | null;
  notes?: string | null;
  place?: string | null;
  /** "a distancia (Microsoft Teams)", "presencial". */
  modality?: string | null;
  /** Names of the institutions involved ("Universidad Insurgentes"). */
  institutions?: string[];
  /** People with their role and the title of their position on the day ("Consejera Electoral"). */
  people?: { name: string; role: string; title: string | null }[];
  /** Cities of a tour abroad. */
  route?: string[];
  country?: string | null;
  election?: string | null;
  invitingInstitution?: string | null;
};
export type ProgramPublication = {
  name: string;
  cadence: 'weekly' | 'monthly' | 'irregular';
  audience: string | null;
  distribution: string | null;
  /** The dates listed month by month. */
  datesByMonth?: boolean;
  /** Declared sent every week of the period without its issues recorded. */
  sentWeekly?: boolean;
  /** Issues in the period; `numbered` false for issues counted together (daily news…). */
  issues: { on: LocalDate; title: string; numbered: boolean }[];
};
export type ProgramPlanReview = { system: string; reviewedOn: LocalDate; informedTo: string | null };

/** A target of the period after the report's (section V). */
export type NextTarget = {
  line: string;
  objective: string | null;
  description: string;
  minimumCount: number;
  unit: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
};

/** A line or objective with the program's records of the period and the record sources it names. */
export type ProgramUnitRecords = {
  id: string;
  /** Record sources of other modules ("channel.folios"…): their blocks are shown here. */
  sources: string[];
  reason: string | null;
  activities: ProgramActivity[];
  publications: ProgramPublication[];
  planReviews: ProgramPlanReview[];
};
export type ProgramReport = {
  program: {
    name: string;
    approvedBy: string | null;
    lines: (ProgramUnitRecords & {
      number: string;
      title: string;
      objectives: (ProgramUnitRecords & { key: string; title: string })[];
    })[];
  } | null;
  nextTargets: NextTarget[];
  scheduled: (ProgramActivity & { line: string })[];
};

// ---- Collecting

const MODALITY: Record<string, string> = {
  in_person: 'presencial',
  remote: 'a distancia',
  hybrid: 'híbrida',
};

async function toActivity(db: Db, orgId: string, a: Activity): Promise<ProgramActivity> {
  const people = await Promise.all(
    a.participants.map(async (p) => ({
      name: p.fullName,
      role: p.role,
      title: (await positionTitleOn(db, orgId, p.personId, a.startsOn)) ?? null,
    })),
  );
  const modality = a.modality ? MODALITY[a.modality]! : null;
  return {
    on: a.startsOn,
    until: a.endsOn,
    text: a.title,
    dates: a.dates,
    kindName: a.kindName,
    purpose: a.purpose,
    notes: a.notes,
    place: a.place,
    modality: modality && a.tool ? `${modality} (${a.tool})` : (modality ?? a.tool ?? null),
    institutions: a.institutions.map((i) => i.name),
    people,
    route: a.route,
    country: a.country,
    election: a.election,
    invitingInstitution: a.invitingInstitution?.name ?? null,
  };
}

const publication = (s: ReportSeries): ProgramPublication => ({
  name: s.name,
  cadence: s.cadence,
  audience: s.audience,
  distribution: s.distribution,
  datesByMonth: s.datesByMonth,
  sentWeekly: s.sentWeekly,
  issues: s.issues
    .map((i) => ({ on: i.publishedOn, title: i.title, numbered: i.number !== null }))
    .sort((x, y) => x.on.localeCompare(y.on)),
});

async function toUnit(
  db: Db,
  orgId: string,
  u: ReportUnit & { id: string },
  sources: string[],
  period: { from: LocalDate; to: LocalDate },
): Promise<ProgramUnitRecords> {
  // A series declared sent every week is reported while its dates reach into the period.
  const declared = (s: ReportSeries) =>
    s.sentWeekly && (!s.startsOn || s.startsOn <= period.to) && (!s.endsOn || s.endsOn >= period.from);
  return {
    id: u.id,
    sources,
    reason: u.reason?.reason ?? null,
    activities: await Promise.all(u.activities.map((a) => toActivity(db, orgId, a))),
    publications: u.publications.filter((s) => s.issues.length || declared(s)).map(publication),
    planReviews: u.planReviews
      .map((r) => ({ system: r.system, reviewedOn: r.reviewedOn, informedTo: r.informedTo }))
      .sort((x, y) => x.reviewedOn.localeCompare(y.reviewedOn)),
  };
}

/** The program of the period with its records, the next period's targets and scheduled activities. */
export async function collectProgramReport(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
  next: { from: LocalDate; to: LocalDate },
): Promise<ProgramReport> {
  const [data, targets, upcoming, sources] = await Promise.all([
    programReportData(db, orgId, period),
    targetsForPeriod(db, orgId, next),
    programReportData(db, orgId, next),
    recordSourcesOf(db, orgId, period),
  ]);
  const program: ProgramReport['program'] = data.program
    ? {
        name: data.program.name,
        approvedBy: data.program.approvedBy,
        lines: await Promise.all(
          data.lines.map(async (l) => ({
            number: String(l.number),
            title: l.title,
            ...(await toUnit(db, orgId, l, sources.get(l.id) ?? [], period)),
            objectives: await Promise.all(
              l.objectives.map(async (o) => ({
                key: o.key,
                title: o.title,
                ...(await toUnit(db, orgId, o, sources.get(o.id) ?? [], period)),
              })),
            ),
          })),
        ),
      }
    : null;
  const scheduled: (ProgramActivity & { line: string })[] = [];
  for (const l of upcoming.lines)
    for (const a of [...l.activities, ...l.objectives.flatMap((o) => o.activities)])
      if (a.startsOn > period.to)
        scheduled.push({ ...(await toActivity(db, orgId, a)), line: String(l.number) });
  scheduled.sort((x, y) => (x.on ?? '').localeCompare(y.on ?? ''));
  return {
    program,
    nextTargets: targets.map((t) => ({
      line: String(t.lineNumber),
      objective: t.objectiveKey,
      description: t.description,
      minimumCount: t.minimumCount,
      unit: t.unit,
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
    })),
    scheduled,
  };
}

/** The record sources each line and objective of the period's program names, by id. */
async function recordSourcesOf(
  db: Db,
  orgId: string,
  period: { from: LocalDate; to: LocalDate },
): Promise<Map<string, string[]>> {
  const program = await findProgramByYear(db, orgId, Number(period.from.slice(0, 4)));
  const out = new Map<string, string[]>();
  if (!program) return out;
  const tree = await loadProgramTree(db, orgId, program.id);
  for (const l of tree?.lines ?? []) {
    out.set(l.id, l.recordSources);
    for (const o of l.objectives) out.set(o.id, o.recordSources);
  }
  return out;
}

// ---- Writing

/** A sentence from staff text: trimmed, ending in one period. */
export const sentence = (s: string) => s.trim().replace(/[.;,:]?\s*$/, '.');
const personLabel = (p: { name: string; title: string | null }) =>
  [p.title, p.name].filter(Boolean).join(' ');

/** The date cell of an activity: "Jueves 8 de febrero de 2024", "6 al 9 de marzo de 2024"… */
export function activityDate(a: ProgramActivity): string {
  if (a.dates)
    return capitalize(a.dates.mode === 'day' ? formatLongDate(a.dates.day) : formatDateSpec(a.dates));
  if (!a.on) return '';
  return capitalize(a.until && a.until !== a.on ? formatDateRange(a.on, a.until) : formatLongDate(a.on));
}

type Layout = 'general' | 'tour' | 'mission';
const layoutOf = (a: ProgramActivity): Layout =>
  a.route?.length ? 'tour' : a.election || a.invitingInstitution ? 'mission' : 'general';

function activityTables(c: ReportContext, acts: ProgramActivity[], code: string): Block[] {
  const out: Block[] = [];
  const layouts = [...new Set(acts.map(layoutOf))];
  for (const layout of layouts) {
    const group = acts.filter((a) => layoutOf(a) === layout);
    const key = `program.${code}.${layout}`;
    if (layout === 'tour') {
      out.push(
        table(
          key,
          [['No.', 'Ruta', 'Fechas', 'Persona a cargo']],
          group.map((a, k) => [
            `${k + 1}.`,
            a.route!.join('-'),
            a.dates ? formatDateSpec(a.dates) : activityDate(a),
            joinWithY((a.people ?? []).filter((p) => p.role === 'lead').map(personLabel)),
          ]),
          { widths: [1, 3, 3, 4] },
        ),
      );
      continue;
    }
    if (layout === 'mission') {
      out.push(
        table(
          key,
          [
            [
              'No.',
              'Fecha',
              'Institución que extendió la invitación',
              'Elección',
              `Representantes ${ofName(c.organization.acronym || c.organization.name).replace(/^de la /, 'del ')}`,
            ],
          ],
          group.map((a, k) => [
            `${k + 1}.`,
            a.dates ? formatDateSpec(a.dates) : activityDate(a),
            a.invitingInstitution ?? '',
            [a.election, a.country].filter(Boolean).join(', '),
            joinWithY((a.people ?? []).filter((p) => p.role !== 'guest').map(personLabel)),
          ]),
          { widths: [1, 3, 4, 3, 4] },
        ),
      );
      continue;
    }
    const withPurpose = group.every((a) => a.purpose);
    const kinds = new Set(group.map((a) => a.kindName ?? ''));
    const withKind = kinds.size > 1;
    const withPlace = group.some((a) => a.place || a.modality || a.institutions?.length);
    const header = [
      'No.',
      'Fecha',
      ...(withKind ? ['Tipo'] : []),
      'Actividad',
      ...(withPlace ? ['Lugar o modalidad'] : []),
      ...(withPurpose ? ['Objetivo'] : []),
    ];
    out.push(
      table(
        key,
        [header],
        group.map((a, k) => [
          `${k + 1}.`,
          activityDate(a),
          ...(withKind ? [a.kindName ?? ''] : []),
          [a.text, withPurpose ? null : a.purpose, a.notes]
            .filter((s): s is string => Boolean(s))
            .map((s, i) => (i === 0 && !a.purpose && !a.notes ? s : sentence(s)))
            .join(' '),
          ...(withPlace ? [[...(a.institutions ?? []), a.place, a.modality].filter(Boolean).join(', ')] : []),
          ...(withPurpose ? [a.purpose ?? ''] : []),
        ]),
        {
          widths: [1, 3, ...(withKind ? [2] : []), 6, ...(withPlace ? [4] : []), ...(withPurpose ? [5] : [])],
        },
      ),
    );
  }
  return out;
}

/** How the intro names the activities: tours and missions by their own noun when all are of one. */
const ACTIVITY_NOUNS: Record<Layout, [string, string]> = {
  general: ['actividad', 'actividades'],
  tour: ['gira de trabajo', 'giras de trabajo'],
  mission: ['misión de observación electoral', 'misiones de observación electoral'],
};
const sameLayout = (acts: ProgramActivity[]): Layout => {
  const layouts = new Set(acts.map(layoutOf));
  return layouts.size === 1 ? [...layouts][0]! : 'general';
};

/** The activities of a line or objective (by its code, "4.B"): an intro and a table per layout. */
export function activityBlocks(c: ReportContext, acts: ProgramActivity[], code: string): Block[] {
  if (!acts.length) return [];
  c.ledger.figure(`program.${code}.activities`, `Actividades del objetivo ${code}`, acts.length);
  for (const a of acts) if (a.on) c.ledger.date(a.on, `Actividad ${code}`);
  return [
    paragraph(
      [
        t(acts.length === 1 ? 'Durante el periodo se realizó ' : 'Durante el periodo se realizaron '),
        b(countText(acts.length, ...ACTIVITY_NOUNS[sameLayout(acts)], 'f')),
        t(acts.length === 1 ? ', que se describe a continuación:' : ', que se describen a continuación:'),
      ],
      `program.${code}.intro`,
    ),
    ...activityTables(c, acts, code),
  ];
}

/** Rows of a publications table: numbered issues one by one, the others by title and month. */
function publicationRows(pubs: ProgramPublication[]): { days: string[]; title: string }[] {
  const rows: { days: string[]; title: string; group: string | null }[] = [];
  for (const p of pubs)
    for (const i of p.issues) {
      const group = i.numbered ? null : `${p.name}\u0000${i.title}\u0000${i.on.slice(0, 7)}`;
      const row = group ? rows.find((r) => r.group === group) : undefined;
      if (row) row.days.push(i.on);
      else rows.push({ days: [i.on], title: i.title, group });
    }
  return rows.sort((a, b) => a.days[0]!.localeCompare(b.days[0]!));
}

/** The publications of a line or objective: weekly series each with its dates, the rest together. */
export function publicationBlocks(c: ReportContext, pubs: ProgramPublication[], code: string): Block[] {
  const out: Block[] = [];
  const { ledger } = c;
  // A series declared sent every week, without issues recorded, is said to continue: no count.
  const declared = pubs.filter((p) => p.sentWeekly && !p.issues.length);
  const counted = pubs.filter((p) => !declared.includes(p));
  for (const p of counted) {
    ledger.figure(`program.${code}.issues.${p.name}`, `Números de «${p.name}»`, p.issues.length);
    for (const i of p.issues) ledger.date(i.on, `${p.name} ${code}`);
  }
  const weekly = counted.filter((p) => p.cadence === 'weekly');
  const others = counted.filter((p) => p.cadence !== 'weekly');
  weekly.forEach((p, k) => {
    const titles = [...new Set(p.issues.map((i) => i.title))];
    const one = titles.length === 1 ? titles[0]! : null;
    out.push(
      paragraph(
        [
          t('Se elaboraron y enviaron '),
          b(countText(p.issues.length, 'número', 'números', 'm')),
          t(` de «${p.name}»`),
          t(
            p.distribution
              ? `, a través de ${p.distribution.charAt(0).toLowerCase()}${p.distribution.slice(1)}`
              : '',
          ),
          t(p.audience ? `, dirigidos a ${p.audience.charAt(0).toLowerCase()}${p.audience.slice(1)}` : ''),
          t(one ? ` (${one}), en las siguientes fechas:` : ', en las siguientes fechas:'),
        ],
        `program.${code}.series.${k + 1}`,
      ),
      // A series listed by month: one row per month ("5, 12, 19 y 26 de enero de 2024").
      p.datesByMonth && one
        ? table(
            `program.${code}.series.${k + 1}`,
            [['No.', 'Fechas']],
            formatDatesByMonth(p.issues.map((i) => i.on)).map((dates, n) => [`${n + 1}.`, dates]),
            { widths: [1, 8] },
          )
        : table(
            `program.${code}.series.${k + 1}`,
            [one ? ['No.', 'Fecha'] : ['No.', 'Fecha', 'Contenido']],
            p.issues.map((i, n) => [
              `${n + 1}.`,
              capitalize(formatLongDate(i.on)),
              ...(one ? [] : [i.title]),
            ]),
            { widths: one ? [1, 8] : [1, 3, 6] },
          ),
    );
  });
  if (others.length) {
    const rows = publicationRows(others);
    out.push(
      paragraph(
        `Se elaboraron y difundieron los siguientes materiales (${joinWithY(others.map((p) => `«${p.name}»`))}):`,
        `program.${code}.materials`,
      ),
      table(
        `program.${code}.materials`,
        [['No.', rows.some((r) => r.days.length > 1) ? 'Fechas' : 'Fecha', 'Información']],
        rows.map((r, n) => [`${n + 1}.`, formatDateList(r.days), r.title]),
        { widths: [1, 4, 6] },
      ),
    );
  }
  for (const p of declared)
    out.push(
      paragraph(
        `Además, durante el periodo reportado se continuó con el envío semanal del «${p.name}»${p.audience ? `, dirigido a ${p.audience.charAt(0).toLowerCase()}${p.audience.slice(1)}` : ''}.`,
        `program.${code}.weekly.${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      ),
    );
  return out;
}

/** The reviews of a plan or calendar system informed in the period, one table per system. */
export function planReviewBlocks(c: ReportContext, reviews: ProgramPlanReview[], code: string): Block[] {
  const out: Block[] = [];
  const systems = [...new Set(reviews.map((r) => r.system))];
  c.ledger.figure(`program.${code}.reviews`, `Revisiones informadas (${code})`, reviews.length);
  systems.forEach((system, k) => {
    const rs = reviews.filter((r) => r.system === system);
    const to = rs.find((r) => r.informedTo)?.informedTo;
    for (const r of rs) c.ledger.date(r.reviewedOn, `Revisión ${code}`);
    out.push(
      paragraph(
        `Se realizó la revisión de las actualizaciones del ${system}, informando de ello en ${countText(rs.length, 'ocasión', 'ocasiones', 'f')}${to ? ` a ${to.charAt(0).toLowerCase()}${to.slice(1)}` : ''}, en las siguientes fechas:`,
        `program.${code}.reviews.${k + 1}`,
      ),
      table(
        `program.${code}.reviews.${k + 1}`,
        [['No.', 'Fecha', 'Actualización']],
        rs.map((r, n) => [`${n + 1}.`, capitalize(formatLongDate(r.reviewedOn)), system]),
        { widths: [1, 3, 6] },
      ),
    );
  });
  return out;
}

/** "el segundo trimestre de 2024", or "el periodo del 1 al 15 de abril de 2024". */
function periodInText(from: string, to: string): string {
  const q = isCalendarQuarter(from, to);
  if (q) return `el ${ordinalInWords(q, 'm')} trimestre de ${from.slice(0, 4)}`;
  return `el periodo ${/^\d/.test(formatPeriod(from, to)) ? 'del' : 'de'} ${formatPeriod(from, to)}`;
}

/** Section V: the next period's targets and scheduled activities, by program line. */
export function programPending(
  targets: NextTarget[],
  scheduled: (ProgramActivity & { line: string })[],
): PendingEntry[] {
  const out: PendingEntry[] = [];
  for (const line of [...new Set(targets.map((x) => x.line))]) {
    const ts = targets.filter((x) => x.line === line);
    out.push({
      line,
      blocks: [
        paragraph('Se tienen programadas las siguientes metas:', `pending.targets.${line}`),
        list(
          ts.map(
            (x) =>
              `${x.description.replace(/\.\s*$/, '')} durante ${periodInText(x.periodStart, x.periodEnd)} (meta: ${countText(x.minimumCount, x.unit, x.unit, /as?$/.test(x.unit.split(' ')[0]!) ? 'f' : 'm')}).`,
          ),
        ),
      ],
    });
  }
  for (const line of [...new Set(scheduled.map((x) => x.line))])
    out.push({
      line,
      blocks: [
        paragraph('Actividades calendarizadas:', `pending.scheduled.${line}`),
        list(scheduled.filter((x) => x.line === line).map((x) => `${activityDate(x)}: ${sentence(x.text)}`)),
      ],
    });
  return out;
}
