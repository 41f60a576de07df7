import { formatDate, formatPeriod, joinWithY } from '../../shared/spanish-dates';
import {
  bodyNoun,
  bodyNounInText,
  countText,
  numberInWords,
  ofName,
  ofPerson,
} from '../../shared/spanish-words';
import { agreementsPending, opinionsAnnex } from '../agreements';
import { channelAnnex, channelPending } from '../channel';
import { agreementsSection, sessionsSection } from '../governance';
import { campaignBlocks, campaignsAnnex } from '../outreach';
import {
  activityBlocks,
  activityDate,
  planReviewBlocks,
  programPending,
  publicationBlocks,
} from '../program';
import { formatDateSpec } from '../program/contract-date-spec';
import {
  ADDED_PARAGRAPH_PREFIX,
  type Block,
  type Inline,
  type PresentationLayout,
  type ReportDocument,
} from './contract';
import {
  b,
  heading,
  Ledger,
  list,
  paragraph,
  parseInline,
  t,
  table,
  type PendingEntry,
  type ReportAnnex,
  type ReportContext,
} from '../platform/documents/document-kit';
import { ordinalTitle } from './signature-block';
import { agreementsOf, governanceOf, MODULE_BLOCKS } from './module-blocks';
import type { ProgramUnit, ReportData } from './report-data';

// The report as a document tree, section by section, from the period's records. Pure: the same
// data gives the same tree. Nothing here names an institution: names come from the records. Each
// module writes its own sections and blocks (its report-section.ts, ADR 0036); here they are put
// in order: the Presentación, which speaks of every module, section IV by the program's lines and
// objectives, V and VI by line.

export type BuildOptions = {
  /** Narrative paragraphs rewritten (or added) by staff, by key; they replace the generated text. */
  narrative?: Record<string, string>;
  /** The Presentación's highlights as staff arranged them. */
  layout?: PresentationLayout;
};

/** A paragraph's text as plain words (what an edit's basis records). */
export function plainText(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * Staff's hand on the generated document: edited paragraphs take their text (flagged stale when the
 * records now write another text than the one edited over); the Presentación's highlights are
 * put in staff's order, without the removed ones, with staff's own paragraphs among them.
 */
export function applyEdits(blocks: Block[], options: BuildOptions): Block[] {
  const narrative = options.narrative ?? {};
  const layout = options.layout ?? {};
  const edited = blocks.map((block): Block => {
    if (block.type !== 'paragraph' || !block.key || narrative[block.key] === undefined) return block;
    const basis = layout.basis?.[block.key];
    const stale = basis !== undefined && basis !== plainText(block.runs);
    return { ...block, runs: parseInline(narrative[block.key]!), edited: true, ...(stale ? { stale } : {}) };
  });
  const isHighlight = (b: Block) => b.type === 'paragraph' && b.highlight;
  let first = edited.findIndex(isHighlight);
  if (first < 0) {
    // No generated highlight: staff's own go at the end of the Presentación.
    const opening = edited.findIndex((b) => b.type === 'heading' && b.text === 'I. Presentación');
    if (opening < 0) return edited;
    const next = edited.findIndex((b, k) => k > opening && b.type === 'heading' && b.level === 1);
    first = next < 0 ? edited.length : next;
  }
  let end = first;
  while (end < edited.length && isHighlight(edited[end]!)) end++;
  const removed = new Set(layout.removed ?? []);
  const added = Object.keys(narrative)
    .filter((k) => k.startsWith(ADDED_PARAGRAPH_PREFIX))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((key): Block => ({
      type: 'paragraph',
      key,
      runs: parseInline(narrative[key]!),
      edited: true,
      highlight: true,
    }));
  const pool = [...edited.slice(first, end), ...added].filter(
    (b) => b.type === 'paragraph' && !removed.has(b.key!),
  );
  // Staff's order first; highlights the order does not name (new records) keep their place after.
  const order = layout.order ?? [];
  const rank = (b: Block) => {
    const k = order.indexOf(b.type === 'paragraph' ? b.key! : '');
    return k < 0 ? order.length : k;
  };
  const arranged = pool
    .map((b, k) => ({ b, k }))
    .sort((x, y) => rank(x.b) - rank(y.b) || x.k - y.k)
    .map((x) => x.b);
  return [...edited.slice(0, first), ...arranged, ...edited.slice(end)];
}

type Ctx = ReportContext & { data: ReportData };

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

  // From here on, the highlights: what stood out in the period, each paragraph by a stated rule
  // over the records; staff may reorder or remove them and add their own (applyLayout).
  const firstHighlight = blocks.length;
  // The period's figures, in words where the institution writes them in words. Each is recorded
  // under the key of the section that details it: the check compares the two.
  const sessions = ledger.figure('sessions', 'Sesiones celebradas', data.agreements.sessions.length);
  const agreements = ledger.figure('agreements', 'Acuerdos adoptados', data.agreements.total);
  blocks.push(
    paragraph(
      `En el periodo, ${bodyNounInText(data.body.name)} celebró ${countText(sessions, 'sesión', 'sesiones', 'f')} y adoptó ${countText(agreements, 'acuerdo', 'acuerdos', 'm')}.`,
      'presentation.sessions',
    ),
  );
  const ch = data.channel;
  if (ch) {
    const nat = ch.national?.acronym ?? 'la autoridad nacional';
    const followUp = ledger.figure(
      'channel.follow_up.total',
      'Folios de seguimiento de actividades',
      ch.followUp.totals.total,
    );
    const consultation = ledger.figure(
      'channel.consultation.total',
      'Folios de consulta y documentos',
      ch.consultation.totals.total,
    );
    blocks.push(
      paragraph(
        `En el sistema de vinculación con el ${nat} se dio atención y gestionaron ${countText(followUp, 'folio', 'folios', 'm')} en el apartado de “seguimiento” y ${countText(consultation, 'folio', 'folios', 'm')} en el apartado de “consultas”.`,
        'presentation.channel',
      ),
    );
  }
  const ins = data.instruments;
  if (ins) {
    const parts: string[] = [];
    if (ins.opinions.length) {
      const n = ledger.figure(
        'instruments.opinions',
        'Opiniones de pertinencia emitidas',
        ins.opinions.length,
      );
      parts.push(`se emitieron ${countText(n, 'opinión de pertinencia', 'opiniones de pertinencia', 'f')}`);
    }
    if (ins.negotiation.activities) {
      const n = ledger.figure(
        'instruments.accompaniment.activities',
        'Actividades de acompañamiento',
        ins.negotiation.activities,
      );
      parts.push(
        `se dio acompañamiento para la negociación y suscripción de convenios en ${countText(n, 'ocasión', 'ocasiones', 'f')}`,
      );
    }
    if (ins.signed.length) {
      const n = ledger.figure('instruments.signed', 'Instrumentos suscritos', ins.signed.length);
      parts.push(`se suscribieron ${countText(n, 'instrumento jurídico', 'instrumentos jurídicos', 'm')}`);
    }
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
        `Se registraron ${countText(ledger.figure('mandates.updates', 'Actualizaciones del seguimiento de acuerdos', data.mandateUpdates.length), 'actualización', 'actualizaciones', 'f')} en el seguimiento de los acuerdos del Consejo General.`,
        'presentation.mandates',
      ),
    );
  blocks.push(...programHighlights(c));
  return blocks.map((block, k) =>
    k >= firstHighlight && block.type === 'paragraph' ? { ...block, highlight: true } : block,
  );
}

/** "Promover…" → "promover…", for a clause inside a sentence; an acronym ("INE…") stays. */
function lowerFirst(text: string): string {
  return /^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
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
        `Asimismo, se enviaron a las personas integrantes ${ofName(data.body.name)} ${countText(c.ledger.figure('channel.fortnightly.sent', 'Informes estadísticos enviados', reports.length), 'informe estadístico', 'informes estadísticos', 'm')} del sistema de vinculación.`,
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
  // The summary adds up each line's and objective's records: each count is recorded under the key
  // section IV states it with, so the check compares the two.
  for (const { code, unit } of units) {
    const { ledger } = c;
    if (unit.activities.length)
      ledger.figure(`program.${code}.activities`, `Actividades del objetivo ${code}`, unit.activities.length);
    for (const p of (unit.publications ?? []).filter((p) => p.issues.length))
      ledger.figure(`program.${code}.issues.${p.name}`, `Números de «${p.name}»`, p.issues.length);
    if (unit.planReviews?.length)
      ledger.figure(`program.${code}.reviews`, `Revisiones informadas (${code})`, unit.planReviews.length);
    if (unit.campaigns?.length)
      ledger.figure(`program.${code}.campaigns`, `Temas difundidos (${code})`, unit.campaigns.length);
  }
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
  // Rule: every tour abroad (an activity with a route), with the purpose they share.
  const tours = all.filter((a) => a.route?.length);
  if (tours.length) {
    const purposes = [...new Set(tours.map((a) => a.purpose?.trim()).filter(Boolean))];
    const purpose =
      purposes.length === 1
        ? ` ${tours.length === 1 ? 'Dicha gira buscó' : 'Dichas giras buscaron'} ${lowerFirst(purposes[0]!.replace(/\.\s*$/, ''))}.`
        : '';
    out.push(
      paragraph(
        `Entre los resultados más destacables del periodo se encuentra la organización de ${countText(tours.length, 'gira de trabajo', 'giras de trabajo', 'f')} al extranjero: ${joinWithY(tours.map((a) => `${a.route!.join('-')} (${a.dates ? formatDateSpec(a.dates) : activityDate(a)})`))}.${purpose}`,
        'presentation.tours',
      ),
    );
  }
  // Rule: events with external guests (people taking part as guests), with who took part. Records
  // of one day sharing guests are one event (an event and a guest's part in it): the one naming
  // most guests stands for it, with every guest of the day.
  const withGuests = all.filter((a) => !a.route?.length && (a.people ?? []).some((p) => p.role === 'guest'));
  const guestsOf = (a: (typeof all)[number]) =>
    (a.people ?? [])
      .filter((p) => p.role === 'guest')
      .map((p) => (p.title ? `${p.title} ${p.name}` : p.name));
  const events: { a: (typeof all)[number]; guests: string[] }[] = [];
  for (const a of withGuests) {
    const same = events.find((e) => e.a.on === a.on && guestsOf(a).some((g) => e.guests.includes(g)));
    if (!same) events.push({ a, guests: guestsOf(a) });
    else {
      const first = guestsOf(a).length > guestsOf(same.a).length;
      if (first) same.a = a;
      same.guests = [...new Set(first ? [...guestsOf(a), ...same.guests] : [...same.guests, ...guestsOf(a)])];
    }
  }
  if (events.length) {
    const one = ({ a, guests }: (typeof events)[number]) =>
      `${a.text.replace(/\.\s*$/, '')} (${a.dates ? formatDateSpec(a.dates) : activityDate(a)}), en el que se contó con la participación de ${joinWithY(guests)}`;
    out.push(
      paragraph(
        events.length === 1
          ? `Entre las actividades con personas invitadas destaca: ${one(events[0]!)}.`
          : `Entre las actividades con personas invitadas destacan: ${events.map(one).join('; ')}.`,
        'presentation.guests',
      ),
    );
  }
  const missions = all.filter((a) => !a.route?.length && (a.election || a.invitingInstitution));
  if (missions.length)
    out.push(
      paragraph(
        `${data.organization.acronym ? `El ${data.organization.acronym}` : 'La institución'} formó parte de ${countText(missions.length, 'misión de observación electoral', 'misiones de observación electoral', 'f')}: ${joinWithY(missions.map((a) => [a.election, a.country].filter(Boolean).join(' de ') || a.text))}.`,
        'presentation.missions',
      ),
    );
  const pubs = units.flatMap((u) => (u.unit.publications ?? []).filter((p) => p.issues.length));
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

// ---- IV. Actividades realizadas, by the organization's program

/** A line's or objective's records: the program's, outreach's and the blocks its sources name. */
function unitBlocks(c: Ctx, unit: ProgramUnit, code: string, title: string): Block[] {
  const out: Block[] = [];
  let count = unit.activities.length;
  out.push(...activityBlocks(c, unit.activities, code));
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
    const built = mb.write(c);
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
    const built = mb.write(c);
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

// ---- V. Actividades pendientes

function pending(c: Ctx): Block[] {
  const { data } = c;
  const blocks: Block[] = [heading(1, 'V. Actividades pendientes')];
  const items: { line: string | null; blocks: Block[] }[] = [];
  const add = (line: string | null, ...bs: Block[]) => items.push({ line, blocks: bs });
  // A module's entry goes under the line given, or under the line showing the first of its blocks.
  const place = (e: PendingEntry) =>
    add(
      e.line ?? (e.near ?? []).reduce<string | null>((line, key) => line ?? lineOfBlock(data, key), null),
      ...e.blocks,
    );
  if (data.channel) channelPending(c, data.channel).forEach(place);
  agreementsPending(c, agreementsOf(data)).forEach(place);
  programPending(data.nextTargets ?? [], data.scheduled ?? []).forEach(place);
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

/** The annexes the modules contribute, in order: the channel's, the opinions, campaigns by month. */
function annexItems(c: Ctx): ReportAnnex[] {
  const { data } = c;
  const out: ReportAnnex[] = [];
  if (data.channel) out.push(channelAnnex(c, data.channel));
  const opinions = opinionsAnnex(c, agreementsOf(data));
  if (opinions) out.push(opinions);
  // Outreach topics known only by month: their table by month.
  for (const l of data.program?.lines ?? [])
    for (const o of l.objectives) {
      const annex = campaignsAnnex(c, o.campaigns ?? [], `${l.number}.${o.key}`);
      if (annex) out.push(annex);
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
      if (it.near && (l.blocks ?? []).includes(it.near)) return { line: l, objective: null };
      for (const o of l.objectives)
        if ((it.near && o.blocks.includes(it.near)) || it.objective === `${l.number}.${o.key}`)
          return { line: l, objective: o };
    }
    return null;
  };
  const placed = items.map((it) => ({ it, place: placeOf(it) }));
  let n = 0;
  for (const { it } of placed.filter((p) => !p.place)) {
    blocks.push(heading(2, `${++n}. ${it.title}`), ...it.write());
  }
  for (const line of program?.lines ?? []) {
    const here = placed.filter((p) => p.place?.line === line);
    if (!here.length) continue;
    blocks.push(heading(2, `${line.number}. ${line.title}`));
    let letter = 0;
    for (const { it, place } of here) {
      const title = place!.objective?.title ?? it.title;
      blocks.push(heading(3, `${String.fromCharCode(65 + letter++)}) ${title}`, false), ...it.write());
    }
  }
  return blocks;
}

/** The whole report of the period, section by section. */
export function buildReport(data: ReportData, options: BuildOptions = {}): ReportDocument {
  const c: Ctx = {
    data,
    ledger: new Ledger(),
    organization: data.organization,
    body: data.body,
    from: data.from,
    to: data.to,
  };
  const { ledger } = c;
  // Each figure is recorded with the section stating it (the check compares the sections).
  const inSection = (section: string, write: () => Block[]) => {
    ledger.section = section;
    return write();
  };
  const title = reportTitle(data.body.name, data.from, data.to);
  const blocks: Block[] = [
    { type: 'title', kicker: data.body.name.toUpperCase(), text: `${title.toUpperCase()}.` },
    { type: 'toc', title: 'Contenido' },
    { type: 'pageBreak' },
    // "Segundo informe trimestral de …": the reference's opening line, counted from the body's reports.
    ...(data.ordinal ? [paragraph([b(`${ordinalTitle(data.ordinal, title)}.`)])] : []),
    ...inSection('I', () => presentation(c)),
    ...inSection('II', () => sessionsSection(c, governanceOf(data))),
    ...inSection('III', () => agreementsSection(c, governanceOf(data))),
    ...inSection('IV', () => activities(c)),
    ...inSection('V', () => pending(c)),
    // Who signs closes the report's text; the annexes follow it.
    ...(data.signers?.length ? [{ type: 'signatures' as const, signers: data.signers }] : []),
    ...inSection('VI', () => annexes(c)),
  ];
  const edited = applyEdits(blocks, options);
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
