import {
  formatDate,
  formatDateList,
  formatLongDate,
  formatPeriod,
  joinWithY,
  monthAbbreviation,
  monthName,
} from '../../shared/spanish-dates';
import { countText, ofName, ofPerson, toName, withArticle } from '../../shared/spanish-words';
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
import type { ProgramObjective, ReportData } from './report-data';

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
  blocks.push(
    paragraph(
      `${reportTitle(data.body.name, data.from, data.to)}. El presente documento da cuenta de las actividades realizadas de ${formatPeriod(data.from, data.to)}.`,
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
  return blocks;
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

type ModuleBlock = { key: string; title: string; build: (c: Ctx) => Block[] | null };

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
    key: 'governance.mandates',
    title: 'Seguimiento de los acuerdos del Consejo General',
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

function objectiveBlocks(c: Ctx, objective: ProgramObjective, code: string): Block[] {
  const out: Block[] = [];
  let count = objective.activities.length;
  for (const key of objective.blocks) {
    const mb = MODULE_BLOCKS.find((m) => m.key === key);
    const built = mb?.build(c);
    if (built) {
      out.push(...built);
      count++;
    }
  }
  if (objective.activities.length) {
    out.push(
      table(
        `program.${code}`,
        [['No.', 'Actividad']],
        objective.activities.map((a, k) => {
          if (a.on) c.ledger.date(a.on, `Actividad ${code}`);
          return [`${k + 1}.`, a.text];
        }),
        { widths: [1, 9] },
      ),
    );
    c.ledger.figure(
      `program.${code}.activities`,
      `Actividades del objetivo ${code}`,
      objective.activities.length,
    );
  }
  c.ledger.objectives.push({ code, title: objective.title, activities: count, reason: objective.reason });
  if (!count)
    out.push(
      paragraph(
        objective.reason ?? 'No se reportan actividades en este rubro durante el periodo de referencia.',
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
      for (const o of line.objectives) {
        blocks.push(heading(3, `${o.key}) ${o.title}`, false));
        blocks.push(...objectiveBlocks(c, o, `${line.number}.${o.key}`));
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

// ---- V. Actividades pendientes

function pending(c: Ctx): Block[] {
  const { data, ledger } = c;
  const blocks: Block[] = [heading(1, 'V. Actividades pendientes')];
  const ch = data.channel;
  let any = false;
  if (ch) {
    const pendingNow = ledger.figure(
      'channel.follow_up.pending_local',
      'Folios pendientes de atender al cierre',
      ch.followUp.totals.pending_local,
    );
    blocks.push(
      paragraph(
        pendingNow
          ? `Al ${formatLongDate(data.to)}, en el módulo de Seguimiento de actividades existían ${countText(pendingNow, 'folio', 'folios', 'm')} de respuesta pendientes.`
          : `Al ${formatLongDate(data.to)}, en el módulo de Seguimiento de actividades no existían folios de respuesta pendientes.`,
        'pending.channel',
      ),
    );
    any = true;
    if (ch.recurring.length) {
      ledger.figure('channel.recurring', 'Folios con obligación mensual', ch.recurring.length);
      blocks.push(
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
  if (data.openInstruments.length) {
    any = true;
    blocks.push(
      paragraph('Instrumentos en proceso de suscripción:'),
      list(data.openInstruments.map((o) => `${o.title}. En proceso de suscripción.`)),
    );
  }
  if (data.instruments) {
    any = true;
    blocks.push(
      paragraph(
        data.pendingOpinions
          ? `Al ${formatLongDate(data.to)} se tienen ${countText(data.pendingOpinions, 'opinión de pertinencia pendiente', 'opiniones de pertinencia pendientes', 'f')} de emitir.`
          : `Al ${formatLongDate(data.to)} no se tienen opiniones de pertinencia pendientes de emitir.`,
        'pending.opinions',
      ),
    );
  }
  const lines = [...new Set(data.pendingItems.map((p) => p.line))];
  for (const line of lines) {
    any = true;
    const title = data.program?.lines.find((l) => l.number === line)?.title;
    if (line) blocks.push(paragraph([b(`${line}. ${title ?? ''}`.trim())]));
    blocks.push(list(data.pendingItems.filter((p) => p.line === line).map((p) => parseInline(p.text))));
  }
  if (!any) blocks.push(paragraph('No se registran actividades pendientes.'));
  return blocks;
}

// ---- VI. Anexos

function annexes(c: Ctx): Block[] {
  const { data } = c;
  const blocks: Block[] = [heading(1, 'VI. Anexos')];
  let n = 0;
  const ch = data.channel;
  if (ch) {
    blocks.push(heading(2, `${++n}. Gestiones en el sistema de vinculación por mes de recepción`));
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
  }
  const opinions = data.instruments?.opinions ?? [];
  if (opinions.length) {
    blocks.push(heading(2, `${++n}. Opiniones de pertinencia emitidas`));
    blocks.push(
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
    );
  }
  if (!n) blocks.push(paragraph('No se presentan anexos en este periodo.'));
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
    ...presentation(c),
    ...sessionsAndAttendance(c),
    ...agreementsSection(c),
    ...activities(c),
    ...pending(c),
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
    body: { id: data.body.id, name: data.body.name, acronym: data.body.acronym },
    from: data.from,
    to: data.to,
    blocks: edited,
    figures: ledger.figures,
    dates: ledger.dates,
    objectives: ledger.objectives,
  };
}
