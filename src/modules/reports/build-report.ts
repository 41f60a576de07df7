import {
  formatDate,
  formatDateList,
  formatDateRange,
  formatLongDate,
  formatMonth,
  formatPeriod,
  joinWithY,
  monthAbbreviation,
  monthName,
} from '../../shared/spanish-dates';
import {
  capitalize,
  countText,
  numberInWords,
  ofName,
  ofPerson,
  ordinalInWords,
  toName,
  withArticle,
} from '../../shared/spanish-words';
import { formatDateSpec } from '../program/contract-date-spec';
import type { Block, Inline, ReportDocument } from './contract';
import {
  b,
  cell,
  heading,
  Ledger,
  list,
  paragraph,
  parseInline,
  superscript,
  t,
  table,
} from './document-kit';
import { isCalendarQuarter } from '../../shared/periods';
import { ordinalTitle } from './signature-block';
import type {
  ProgramActivity,
  ProgramCampaign,
  ProgramPlanReview,
  ProgramPublication,
  ProgramUnit,
  ReportData,
} from './report-data';

// The report as a document tree, section by section, from the period's records. Pure: the same
// data gives the same tree. Nothing here names an institution: names come from the records.

export type BuildOptions = {
  /** Narrative paragraphs rewritten by staff, by key; they replace the generated text. */
  narrative?: Record<string, string>;
};

type Ctx = { data: ReportData; ledger: Ledger };

/** "La Comisión", "El Comité", "El Consejo": how a sentence starting with the body names it. */
export function bodyNoun(name: string): string {
  const first = name.split(/\s+/)[0] ?? name;
  const feminine = /ión$|ía$|a$/i.test(first);
  return `${feminine ? 'La' : 'El'} ${first}`;
}

/** The same inside a sentence: "la Comisión". */
const bodyNounInText = (name: string) => bodyNoun(name).replace(/^(La|El) /, (m) => m.toLowerCase());

function isQuarter(from: string, to: string): boolean {
  const m = Number(from.slice(5, 7));
  return (
    from.slice(8) === '01' &&
    from.slice(0, 4) === to.slice(0, 4) &&
    (m - 1) % 3 === 0 &&
    Number(to.slice(5, 7)) === m + 2 &&
    to.slice(8) === String(new Date(Date.UTC(Number(to.slice(0, 4)), m + 2, 0)).getUTCDate())
  );
}

export function reportTitle(bodyName: string, from: string, to: string): string {
  const kind = isQuarter(from, to) ? 'Informe trimestral' : 'Informe';
  return `${kind} ${ofName(bodyName)} de ${formatPeriod(from, to)}`;
}

// ---- I. Presentación

function presentation(c: Ctx): Block[] {
  const { data, ledger } = c;
  const noun = bodyNoun(data.body.name);
  const fem = noun.startsWith('La ') ? 'a' : 'o';
  const blocks: Block[] = [heading(1, 'I. Presentación')];
  if (data.legalBasis) blocks.push(paragraph(data.legalBasis, 'presentation.legal-basis'));
  // Below the ordinal title the intro no longer repeats the title.
  const opening = data.ordinal ? '' : `${reportTitle(data.body.name, data.from, data.to)}. `;
  blocks.push(
    paragraph(
      `${opening}El presente documento da cuenta de las actividades realizadas de ${formatPeriod(data.from, data.to)}.`,
      'presentation.intro',
    ),
  );
  if (data.members.length) {
    const created: Inline[] = data.body.createdByAgreement
      ? [
          t(`${noun} (${data.body.acronym}) fue cread${fem} mediante el Acuerdo `),
          b(data.body.createdByAgreement),
          t(
            ` del ${formatDate(data.body.createdOn)}. En el periodo que se reporta estuvo conformad${fem} de la siguiente manera:`,
          ),
        ]
      : [
          t(
            `En el periodo que se reporta, ${bodyNounInText(data.body.name)} (${data.body.acronym}) estuvo conformad${fem} de la siguiente manera:`,
          ),
        ];
    blocks.push(paragraph(created, 'presentation.composition'));
    blocks.push(
      table(
        'members',
        [],
        data.members.map((m) => [
          [m.title, m.name].filter(Boolean).join(' '),
          m.role === 'president' ? (m.gender === 'female' ? 'Presidenta' : 'Presidente') : 'Integrante',
        ]),
        { widths: [3, 1] },
      ),
    );
    ledger.figure('members', 'Integrantes con voto', data.members.length);
  }
  data.secretaries.forEach((s, k) => {
    const role = s.gender === 'female' ? 'secretaria técnica' : 'secretario técnico';
    const who = s.title ? `${ofPerson(s)}, ${s.title},` : ofPerson(s);
    blocks.push(
      paragraph(
        s.agreementNumber
          ? [
              t(`El ${formatDate(s.startsOn)}, mediante el Acuerdo `),
              b(s.agreementNumber),
              t(`, se aprobó la designación ${who} como ${role}${k > 0 ? ' en sustitución' : ''}.`),
            ]
          : [t(`Desde el ${formatDate(s.startsOn)} funge como ${role} ${s.name}.`)],
        `presentation.secretary.${k + 1}`,
      ),
    );
  });

  // The period's figures, in words where the institution writes them in words.
  const sessions = data.agreements.sessions.length;
  const agreements = data.agreements.total;
  blocks.push(
    paragraph(
      `En el periodo, ${bodyNounInText(data.body.name)} celebró ${countText(sessions, 'sesión', 'sesiones', 'f')} y adoptó ${countText(agreements, 'acuerdo', 'acuerdos', 'm')}.`,
      'presentation.sessions',
    ),
  );
  const ch = data.channel;
  if (ch) {
    const nat = ch.national?.acronym ?? 'la autoridad nacional';
    blocks.push(
      paragraph(
        `En el sistema de vinculación con el ${nat} se dio atención y gestionaron ${countText(ch.followUp.totals.total, 'folio', 'folios', 'm')} en el apartado de “seguimiento” y ${countText(ch.consultation.totals.total, 'folio', 'folios', 'm')} en el apartado de “consultas”.`,
        'presentation.channel',
      ),
    );
  }
  const ins = data.instruments;
  if (ins) {
    const parts: string[] = [];
    if (ins.opinions.length)
      parts.push(
        `se emitieron ${countText(ins.opinions.length, 'opinión de pertinencia', 'opiniones de pertinencia', 'f')}`,
      );
    if (ins.negotiation.activities)
      parts.push(
        `se dio acompañamiento para la negociación y suscripción de convenios en ${countText(ins.negotiation.activities, 'ocasión', 'ocasiones', 'f')}`,
      );
    if (ins.signed.length)
      parts.push(
        `se suscribieron ${countText(ins.signed.length, 'instrumento jurídico', 'instrumentos jurídicos', 'm')}`,
      );
    if (parts.length)
      blocks.push(
        paragraph(
          `Respecto de las tareas de la vinculación nacional, ${joinWithY(parts)}.`,
          'presentation.instruments',
        ),
      );
  }
  if (data.mandateUpdates.length)
    blocks.push(
      paragraph(
        `Se registraron ${countText(data.mandateUpdates.length, 'actualización', 'actualizaciones', 'f')} en el seguimiento de los acuerdos del Consejo General.`,
        'presentation.mandates',
      ),
    );
  blocks.push(...programHighlights(c));
  return blocks;
}

/** Every unit of the program (lines without objectives and objectives) with its code. */
function programUnits(data: ReportData): { code: string; line: string; unit: ProgramUnit }[] {
  return (data.program?.lines ?? []).flatMap((l) => [
    ...(l.activities?.length || l.publications?.length || l.planReviews?.length || l.campaigns?.length
      ? [
          {
            code: l.number,
            line: l.number,
            unit: {
              blocks: [],
              reason: null,
              activities: l.activities ?? [],
              publications: l.publications ?? [],
              planReviews: l.planReviews ?? [],
              campaigns: l.campaigns ?? [],
            },
          },
        ]
      : []),
    ...l.objectives.map((o) => ({ code: `${l.number}.${o.key}`, line: l.number, unit: o as ProgramUnit })),
  ]);
}

/** The presentation's account of the program's records: activities, tours, missions, publications. */
function programHighlights(c: Ctx): Block[] {
  const { data } = c;
  const program = data.program;
  const out: Block[] = [];
  const nat = data.channel?.national;
  const reports = data.channel?.fortnightly ?? [];
  if (reports.length)
    out.push(
      paragraph(
        `Asimismo, se enviaron a las personas integrantes ${ofName(data.body.name)} ${countText(reports.length, 'informe estadístico', 'informes estadísticos', 'm')} del sistema de vinculación.`,
        'presentation.fortnightly',
      ),
    );
  const national = data.nationalInstruments ?? [];
  if (nat && national.length) {
    const state = (i: (typeof national)[number]) =>
      i.status === 'signature'
        ? 'en proceso de firma'
        : i.signedOn
          ? `suscripción: ${formatDate(i.signedOn)}`
          : i.status;
    out.push(
      paragraph(
        `Respecto de la colaboración con el ${nat.acronym}, destacan los siguientes instrumentos jurídicos: ${joinWithY(national.map((i) => `${i.title.replace(/\.\s*$/, '')} (${state(i)})`))}.`,
        'presentation.national_instruments',
      ),
    );
  }
  if (!program) return out;
  const units = programUnits(data);
  const all = units.flatMap((u) => u.unit.activities);
  if (all.length) {
    const byLine = program.lines
      .map((l) => ({
        l,
        n: units.filter((u) => u.line === l.number).reduce((s, u) => s + u.unit.activities.length, 0),
      }))
      .filter((x) => x.n);
    out.push(
      paragraph(
        `En el marco del ${program.name}, se registraron ${countText(all.length, 'actividad', 'actividades', 'f')} en el periodo: ${joinWithY(byLine.map((x) => `${x.n < 10 ? numberInWords(x.n, 'f') : x.n} en la línea ${x.l.number}`))}.`,
        'presentation.program',
      ),
    );
  }
  const tours = all.filter((a) => a.route?.length);
  if (tours.length)
    out.push(
      paragraph(
        `${tours.length === 1 ? 'Se realizó' : 'Se realizaron'} ${countText(tours.length, 'gira de trabajo', 'giras de trabajo', 'f')} en el extranjero: ${joinWithY(tours.map((a) => `${a.route!.join('-')} (${a.dates ? formatDateSpec(a.dates) : activityDate(a)})`))}.`,
        'presentation.tours',
      ),
    );
  const missions = all.filter((a) => !a.route?.length && (a.election || a.invitingInstitution));
  if (missions.length)
    out.push(
      paragraph(
        `${data.organization.acronym ? `El ${data.organization.acronym}` : 'La institución'} formó parte de ${countText(missions.length, 'misión de observación electoral', 'misiones de observación electoral', 'f')}: ${joinWithY(missions.map((a) => [a.election, a.country].filter(Boolean).join(' de ') || a.text))}.`,
        'presentation.missions',
      ),
    );
  const pubs = units.flatMap((u) => u.unit.publications ?? []);
  if (pubs.length)
    out.push(
      paragraph(
        `Se elaboraron y difundieron ${joinWithY(pubs.map((p) => `${countText(p.issues.length, 'número', 'números', 'm')} de «${p.name}»`))}.`,
        'presentation.publications',
      ),
    );
  const reviews = units.flatMap((u) => u.unit.planReviews ?? []);
  if (reviews.length)
    out.push(
      paragraph(
        `Se informó en ${countText(reviews.length, 'ocasión', 'ocasiones', 'f')} sobre las actualizaciones del ${joinWithY([...new Set(reviews.map((r) => r.system))])}.`,
        'presentation.reviews',
      ),
    );
  const campaigns = units.flatMap((u) => u.unit.campaigns ?? []);
  if (campaigns.length)
    out.push(
      paragraph(
        `${campaigns.length === 1 ? 'Se difundió' : 'Se difundieron'} ${countText(campaigns.length, 'comunicación', 'comunicaciones', 'f')} a los grupos de contacto de la institución.`,
        'presentation.campaigns',
      ),
    );
  return out;
}

// ---- II. Sesiones y asistencia

function sessionsAndAttendance(c: Ctx): Block[] {
  const { data, ledger } = c;
  const noun = bodyNoun(data.body.name);
  const groups = data.agreements.sessions;
  const a = data.attendance;
  const blocks: Block[] = [heading(1, `II. Sesiones ${ofName(data.body.name)} y Asistencia`)];
  const n = ledger.figure('sessions', 'Sesiones celebradas', groups.length);
  if (!n) {
    blocks.push(paragraph(`${noun} no celebró sesiones en el periodo que se reporta.`, 'sessions.none'));
    return blocks;
  }
  const modalities = [...new Set(groups.map((g) => g.session.modality))];
  const MODALITY: Record<string, string> = {
    presencial: 'presencial',
    a_distancia: 'a distancia',
    hibrida: 'híbrida',
  };
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

// ---- III. Acuerdos

function agreementsSection(c: Ctx): Block[] {
  const { data, ledger } = c;
  const noun = bodyNoun(data.body.name);
  const blocks: Block[] = [
    heading(1, `III. Acuerdos y puntos presentados ${toName(data.body.name.split(/\s+/)[0]!)}`),
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

// ---- blocks of the other modules, placed under program objectives (or on their own)

type ModuleBlock = {
  key: string;
  title: string;
  /** How many records of the period the block reports (an objective with none needs a reason). */
  count: (data: ReportData) => number;
  build: (c: Ctx) => Block[] | null;
};

function statusRowsLabels(data: ReportData) {
  const org = data.organization.acronym;
  const nat = data.channel?.national?.acronym ?? 'la autoridad nacional';
  return {
    pending_local: `Pendientes de atender por el ${org}`,
    in_process_national: `En proceso del ${nat}`,
    cancelled: 'Cancelados',
    concluded: 'Concluidos',
  } as const;
}
const STATUS_KEYS = ['pending_local', 'in_process_national', 'cancelled', 'concluded'] as const;

const MODULE_BLOCKS: ModuleBlock[] = [
  {
    key: 'channel.status',
    title: 'Gestiones en el sistema de vinculación con la autoridad nacional',
    count: (data) =>
      data.channel ? data.channel.followUp.totals.total + data.channel.consultation.totals.total : 0,
    build: ({ data, ledger }) => {
      const ch = data.channel;
      if (!ch) return null;
      const org = data.organization.acronym;
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
      const labels = statusRowsLabels(data);
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
    title: 'Informes estadísticos del sistema de vinculación',
    count: (data) => data.channel?.fortnightly?.length ?? 0,
    build: ({ data, ledger }) => {
      const reports = data.channel?.fortnightly ?? [];
      const n = ledger.figure('channel.fortnightly.sent', 'Informes estadísticos enviados', reports.length);
      if (!n) return null;
      return [
        paragraph(
          `En el mismo periodo se enviaron ${countText(n, 'informe estadístico', 'informes estadísticos', 'm')} a las personas integrantes ${ofName(data.body.name)}, que se detallan en los anexos.`,
          'channel.fortnightly',
        ),
      ];
    },
  },
  {
    key: 'governance.mandates',
    title: 'Seguimiento de los acuerdos del Consejo General',
    count: (data) => data.mandateUpdates.length,
    build: ({ data, ledger }) => {
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
  {
    key: 'agreements.signed',
    title: 'Instrumentos suscritos',
    count: (data) => data.instruments?.signed.length ?? 0,
    build: ({ data, ledger }) => {
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
    title: 'Acompañamiento en la negociación de instrumentos',
    count: (data) =>
      (data.instruments?.negotiation.activities ?? 0) +
      (data.instruments?.reviewUpdates ?? []).reduce((s, u) => s + u.count, 0),
    build: ({ data, ledger }) => {
      const n = data.instruments?.negotiation;
      if (!n) return null;
      const out: Block[] = [];
      ledger.figure('instruments.accompaniment.activities', 'Actividades de acompañamiento', n.activities);
      ledger.figure('instruments.accompaniment.institutions', 'Instituciones en negociación', n.institutions);
      if (n.activities) {
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
    title: 'Opiniones de pertinencia',
    count: (data) => data.instruments?.opinions.length ?? 0,
    build: ({ data, ledger }) => {
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

// ---- IV. Actividades realizadas, by the organization's program

const sentence = (s: string) => s.trim().replace(/[.;,:]?\s*$/, '.');
const personLabel = (p: { name: string; title: string | null }) =>
  [p.title, p.name].filter(Boolean).join(' ');

/** The date cell of an activity: "Jueves 8 de febrero de 2024", "6 al 9 de marzo de 2024"… */
function activityDate(a: ProgramActivity): string {
  if (a.dates)
    return capitalize(a.dates.mode === 'day' ? formatLongDate(a.dates.day) : formatDateSpec(a.dates));
  if (!a.on) return '';
  return capitalize(a.until && a.until !== a.on ? formatDateRange(a.on, a.until) : formatLongDate(a.on));
}

type Layout = 'general' | 'tour' | 'mission';
const layoutOf = (a: ProgramActivity): Layout =>
  a.route?.length ? 'tour' : a.election || a.invitingInstitution ? 'mission' : 'general';

function activityTables(c: Ctx, acts: ProgramActivity[], code: string): Block[] {
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
              `Representantes ${ofName(c.data.organization.acronym || c.data.organization.name).replace(/^de la /, 'del ')}`,
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

function publicationBlocks(c: Ctx, pubs: ProgramPublication[], code: string): Block[] {
  const out: Block[] = [];
  const { ledger } = c;
  for (const p of pubs) {
    ledger.figure(`program.${code}.issues.${p.name}`, `Números de «${p.name}»`, p.issues.length);
    for (const i of p.issues) ledger.date(i.on, `${p.name} ${code}`);
  }
  const weekly = pubs.filter((p) => p.cadence === 'weekly');
  const others = pubs.filter((p) => p.cadence !== 'weekly');
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
      table(
        `program.${code}.series.${k + 1}`,
        [one ? ['No.', 'Fecha'] : ['No.', 'Fecha', 'Contenido']],
        p.issues.map((i, n) => [`${n + 1}.`, capitalize(formatLongDate(i.on)), ...(one ? [] : [i.title])]),
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
  return out;
}

function planReviewBlocks(c: Ctx, reviews: ProgramPlanReview[], code: string): Block[] {
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

const CHANNEL_WORDS: Record<string, string> = {
  email: 'correo electrónico',
  whatsapp: 'mensajes de WhatsApp',
  phone: 'llamadas telefónicas',
};
const channelsText = (cs: ProgramCampaign[]) =>
  joinWithY([...new Set(cs.flatMap((x) => x.channels))].map((ch) => CHANNEL_WORDS[ch] ?? ch));
const monthLabel = (month: string) =>
  `${capitalize(monthName(Number(month.slice(5, 7))))} ${month.slice(0, 4)}`;

function campaignBlocks(c: Ctx, cs: ProgramCampaign[], code: string): Block[] {
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

function unitBlocks(c: Ctx, unit: ProgramUnit, code: string, title: string): Block[] {
  const out: Block[] = [];
  const acts = unit.activities;
  let count = 0;
  if (acts.length) {
    count += c.ledger.figure(`program.${code}.activities`, `Actividades del objetivo ${code}`, acts.length);
    for (const a of acts) if (a.on) c.ledger.date(a.on, `Actividad ${code}`);
    out.push(
      paragraph(
        [
          t(acts.length === 1 ? 'Durante el periodo se realizó ' : 'Durante el periodo se realizaron '),
          b(countText(acts.length, ...ACTIVITY_NOUNS[sameLayout(acts)], 'f')),
          t(acts.length === 1 ? ', que se describe a continuación:' : ', que se describen a continuación:'),
        ],
        `program.${code}.intro`,
      ),
      ...activityTables(c, acts, code),
    );
  }
  const pubs = unit.publications ?? [];
  if (pubs.length) {
    count += pubs.reduce((s, p) => s + p.issues.length, 0);
    out.push(...publicationBlocks(c, pubs, code));
  }
  const reviews = unit.planReviews ?? [];
  if (reviews.length) {
    count += reviews.length;
    out.push(...planReviewBlocks(c, reviews, code));
  }
  const cs = unit.campaigns ?? [];
  if (cs.length) {
    count += cs.length;
    out.push(...campaignBlocks(c, cs, code));
  }
  for (const key of unit.blocks) {
    const mb = MODULE_BLOCKS.find((m) => m.key === key);
    if (!mb) continue;
    count += mb.count(c.data);
    const built = mb.build(c);
    if (built) out.push(...built);
  }
  c.ledger.objectives.push({ code, title, activities: count, reason: unit.reason });
  if (!count)
    out.push(
      paragraph(
        unit.reason ?? 'No se reportan actividades en este rubro durante el periodo de referencia.',
        `program.${code}.reason`,
      ),
    );
  return out;
}

function activities(c: Ctx): Block[] {
  const blocks: Block[] = [heading(1, 'IV. Actividades realizadas')];
  const program = c.data.program;
  if (program) {
    for (const line of program.lines) {
      blocks.push(heading(2, `${line.number}. ${line.title}`));
      const own: ProgramUnit = {
        blocks: line.blocks ?? [],
        reason: line.reason ?? null,
        activities: line.activities ?? [],
        publications: line.publications ?? [],
        planReviews: line.planReviews ?? [],
        campaigns: line.campaigns ?? [],
      };
      const hasOwn =
        own.blocks.length ||
        own.activities.length ||
        own.publications!.length ||
        own.planReviews!.length ||
        own.campaigns!.length;
      if (!line.objectives.length || hasOwn) blocks.push(...unitBlocks(c, own, line.number, line.title));
      for (const o of line.objectives) {
        blocks.push(heading(3, `${o.key}) ${o.title}`, false));
        blocks.push(...unitBlocks(c, o, `${line.number}.${o.key}`, o.title));
      }
    }
    return blocks;
  }
  // Without a program for the period, each kind of record is reported under its own heading.
  let n = 0;
  for (const mb of MODULE_BLOCKS) {
    const built = mb.build(c);
    if (!built) continue;
    blocks.push(heading(2, `${++n}. ${mb.title}`), ...built);
  }
  if (!n) blocks.push(paragraph('No se reportan actividades durante el periodo de referencia.'));
  return blocks;
}

/** The program line whose objective (or the line itself) shows a module block, when there is a program. */
function lineOfBlock(data: ReportData, key: string): string | null {
  for (const l of data.program?.lines ?? [])
    if ((l.blocks ?? []).includes(key) || l.objectives.some((o) => o.blocks.includes(key))) return l.number;
  return null;
}

/** "el segundo trimestre de 2024", or "el periodo del 1 al 15 de abril de 2024". */
function periodInText(from: string, to: string): string {
  const q = isCalendarQuarter(from, to);
  if (q) return `el ${ordinalInWords(q, 'm')} trimestre de ${from.slice(0, 4)}`;
  return `el periodo ${/^\d/.test(formatPeriod(from, to)) ? 'del' : 'de'} ${formatPeriod(from, to)}`;
}

// ---- V. Actividades pendientes

function pending(c: Ctx): Block[] {
  const { data, ledger } = c;
  const blocks: Block[] = [heading(1, 'V. Actividades pendientes')];
  const items: { line: string | null; blocks: Block[] }[] = [];
  const add = (line: string | null, ...bs: Block[]) => items.push({ line, blocks: bs });
  const ch = data.channel;
  if (ch) {
    const line = lineOfBlock(data, 'channel.status');
    const pendingNow = ledger.figure(
      'channel.follow_up.pending_local',
      'Folios pendientes de atender al cierre',
      ch.followUp.totals.pending_local,
    );
    add(
      line,
      paragraph(
        pendingNow
          ? `Al ${formatLongDate(data.to)}, en el módulo de Seguimiento de actividades existían ${countText(pendingNow, 'folio', 'folios', 'm')} de respuesta pendientes.`
          : `Al ${formatLongDate(data.to)}, en el módulo de Seguimiento de actividades no existían folios de respuesta pendientes.`,
        'pending.channel',
      ),
    );
    if (ch.recurring.length) {
      ledger.figure('channel.recurring', 'Folios con obligación periódica', ch.recurring.length);
      add(
        line,
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
      );
    }
  }
  const instrumentsLine =
    lineOfBlock(data, 'agreements.signed') ?? lineOfBlock(data, 'agreements.negotiation');
  // Instruments in signature are named (the office manages their signing); those in negotiation
  // are counted in one sentence (section IV details them).
  const inSignature = data.openInstruments.filter((o) => o.status === 'signature');
  const inNegotiation = data.openInstruments.filter((o) => o.status === 'negotiation');
  if (inSignature.length) {
    ledger.figure('instruments.open.signature', 'Instrumentos en proceso de suscripción', inSignature.length);
    add(
      instrumentsLine,
      paragraph('Instrumentos en proceso de suscripción:'),
      list(inSignature.map((o) => `${o.title.replace(/\.\s*$/, '')}. En proceso de suscripción.`)),
    );
  }
  if (inNegotiation.length) {
    const n = ledger.figure(
      'instruments.open.negotiation',
      'Instrumentos en proceso de negociación',
      inNegotiation.length,
    );
    add(
      instrumentsLine,
      paragraph(
        n === 1
          ? 'Se continuará dando seguimiento al instrumento en proceso de negociación (apartado IV).'
          : `Se continuará dando seguimiento a los ${countText(n, 'instrumento', 'instrumentos', 'm')} en proceso de negociación (apartado IV).`,
        'pending.negotiation',
      ),
    );
  }
  if (data.instruments) {
    add(
      lineOfBlock(data, 'agreements.opinions'),
      paragraph(
        data.pendingOpinions
          ? `Al ${formatLongDate(data.to)} se tienen ${countText(data.pendingOpinions, 'opinión de pertinencia pendiente', 'opiniones de pertinencia pendientes', 'f')} de emitir.`
          : `Al ${formatLongDate(data.to)} no se tienen opiniones de pertinencia pendientes de emitir.`,
        'pending.opinions',
      ),
    );
  }
  const targets = data.nextTargets ?? [];
  for (const line of [...new Set(targets.map((x) => x.line))]) {
    const ts = targets.filter((x) => x.line === line);
    add(
      line,
      paragraph('Se tienen programadas las siguientes metas:', `pending.targets.${line}`),
      list(
        ts.map(
          (x) =>
            `${x.description.replace(/\.\s*$/, '')} durante ${periodInText(x.periodStart, x.periodEnd)} (meta: ${countText(x.minimumCount, x.unit, x.unit, /as?$/.test(x.unit.split(' ')[0]!) ? 'f' : 'm')}).`,
        ),
      ),
    );
  }
  const scheduled = data.scheduled ?? [];
  for (const line of [...new Set(scheduled.map((x) => x.line))])
    add(
      line,
      paragraph('Actividades calendarizadas:', `pending.scheduled.${line}`),
      list(scheduled.filter((x) => x.line === line).map((x) => `${activityDate(x)}: ${sentence(x.text)}`)),
    );
  for (const p of data.pendingItems) add(p.line, list([parseInline(p.text)]));
  if (!items.length) {
    blocks.push(paragraph('No se registran actividades pendientes.'));
    return blocks;
  }
  const order = [
    null,
    ...(data.program?.lines.map((l) => l.number) ?? []),
    ...items.map((x) => x.line),
  ].filter((l, k, all) => all.indexOf(l) === k);
  for (const line of order) {
    const mine = items.filter((x) => x.line === line);
    if (!mine.length) continue;
    if (line) {
      const title = data.program?.lines.find((l) => l.number === line)?.title;
      blocks.push(paragraph([b(`${line}. ${title ?? ''}`.trim())]));
    }
    // Consecutive one-item lists (staff items) are merged into one list.
    for (const block of mine.flatMap((x) => x.blocks)) {
      const last = blocks[blocks.length - 1];
      if (block.type === 'list' && last?.type === 'list' && !block.ordered && !last.ordered)
        blocks[blocks.length - 1] = { ...last, items: [...last.items, ...block.items] };
      else blocks.push(block);
    }
  }
  return blocks;
}

// ---- VI. Anexos

/** "Primera quincena de enero de 2024" for days 1–15 and 16–end; any other range as a range. */
function fortnightLabel(from: string, to: string): string {
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

type Annex = { key: string; title: string; build: (c: Ctx) => Block[] };

function annexItems(c: Ctx): { block: string | null; objective: string | null; annex: Annex }[] {
  const { data } = c;
  const out: { block: string | null; objective: string | null; annex: Annex }[] = [];
  const ch = data.channel;
  if (ch) {
    out.push({
      block: 'channel.status',
      objective: null,
      annex: {
        key: 'channel',
        title: 'Gestiones en el sistema de vinculación por mes de recepción',
        build: () => {
          const blocks: Block[] = [];
          const labels = statusRowsLabels(data);
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
      },
    });
  }
  const opinions = data.instruments?.opinions ?? [];
  if (opinions.length)
    out.push({
      block: 'agreements.opinions',
      objective: null,
      annex: {
        key: 'opinions',
        title: 'Opiniones de pertinencia emitidas',
        build: () => [
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
        ],
      },
    });
  // Outreach topics known only by month: their table by month.
  for (const l of data.program?.lines ?? [])
    for (const o of l.objectives) {
      const cs = o.campaigns ?? [];
      if (!cs.length || cs.every((x) => x.sentOn)) continue;
      const code = `${l.number}.${o.key}`;
      out.push({
        block: null,
        objective: code,
        annex: {
          key: `campaigns.${code}`,
          title: 'Temas difundidos por mes',
          build: () => [
            paragraph(`De ${formatPeriod(data.from, data.to)}`),
            table(
              `annex.campaigns.${code}`,
              [['No.', 'Fecha de envío', 'Información']],
              cs.map((x, n) => [`${n + 1}.`, monthLabel(x.month), x.topic]),
              { widths: [1, 2, 8] },
            ),
          ],
        },
      });
    }
  return out;
}

function annexes(c: Ctx): Block[] {
  const { data } = c;
  const blocks: Block[] = [heading(1, 'VI. Anexos')];
  const items = annexItems(c);
  if (!items.length) {
    blocks.push(paragraph('No se presentan anexos en este periodo.'));
    return blocks;
  }
  const program = data.program;
  // Where each annex belongs in the program: the objective showing its block, or its own objective.
  const placeOf = (it: (typeof items)[number]) => {
    for (const l of program?.lines ?? []) {
      if (it.block && (l.blocks ?? []).includes(it.block)) return { line: l, objective: null };
      for (const o of l.objectives)
        if ((it.block && o.blocks.includes(it.block)) || it.objective === `${l.number}.${o.key}`)
          return { line: l, objective: o };
    }
    return null;
  };
  const placed = items.map((it) => ({ it, place: placeOf(it) }));
  let n = 0;
  for (const { it } of placed.filter((p) => !p.place)) {
    blocks.push(heading(2, `${++n}. ${it.annex.title}`), ...it.annex.build(c));
  }
  for (const line of program?.lines ?? []) {
    const here = placed.filter((p) => p.place?.line === line);
    if (!here.length) continue;
    blocks.push(heading(2, `${line.number}. ${line.title}`));
    let letter = 0;
    for (const { it, place } of here) {
      const title = place!.objective?.title ?? it.annex.title;
      blocks.push(heading(3, `${String.fromCharCode(65 + letter++)}) ${title}`, false), ...it.annex.build(c));
    }
  }
  return blocks;
}

/** The whole report of the period, section by section. */
export function buildReport(data: ReportData, options: BuildOptions = {}): ReportDocument {
  const ledger = new Ledger();
  const c: Ctx = { data, ledger };
  const title = reportTitle(data.body.name, data.from, data.to);
  const blocks: Block[] = [
    { type: 'title', kicker: data.body.name.toUpperCase(), text: `${title.toUpperCase()}.` },
    { type: 'toc', title: 'Contenido' },
    { type: 'pageBreak' },
    // "Segundo informe trimestral de …": the reference's opening line, counted from the body's reports.
    ...(data.ordinal ? [paragraph([b(`${ordinalTitle(data.ordinal, title)}.`)])] : []),
    ...presentation(c),
    ...sessionsAndAttendance(c),
    ...agreementsSection(c),
    ...activities(c),
    ...pending(c),
    // Who signs closes the report's text; the annexes follow it.
    ...(data.signers?.length ? [{ type: 'signatures' as const, signers: data.signers }] : []),
    ...annexes(c),
  ];
  const narrative = options.narrative ?? {};
  const edited = blocks.map((block) =>
    block.type === 'paragraph' && block.key && narrative[block.key] !== undefined
      ? { ...block, runs: parseInline(narrative[block.key]!), edited: true }
      : block,
  );
  return {
    title,
    organization: data.organization,
    ...(data.letterhead ? { letterhead: data.letterhead } : {}),
    body: { id: data.body.id, name: data.body.name, acronym: data.body.acronym },
    from: data.from,
    to: data.to,
    blocks: edited,
    figures: ledger.figures,
    dates: ledger.dates,
    objectives: ledger.objectives,
  };
}
