import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_PASSWORD, seedDemo } from '../../cli/demo';
import {
  formatDate,
  formatDateList,
  formatDatesByMonth,
  formatDateRange,
  formatLongDate,
  formatMonth,
} from '../../shared/spanish-dates';
import { capitalize } from '../../shared/spanish-words';
import { findBodyByAcronym } from '../governance/repository';
import type { Activity, Reason } from '../program/contract';
import { buildReport } from './build-report';
import { collectReportData } from './collect-report-data';
import type { Block, CheckResult, ReportDetail, ReportDocument } from './contract';
import { DEMO_PENDING_ITEMS } from './demo';
import { findOrganizationByAcronym } from '../accounts';
import { renderReport } from './render/index';
import { renderMarkdown } from './render/markdown';
import { approvedOrDraftInputs } from './repository';

// The demo's quarterly report of the CVOE for January–March 2024, figure by figure, list by list
// and table by table against the reference report's facts (../shared/reference), and against a
// committed golden Markdown file (UPDATE_GOLDEN=1 rewrites it after review).

const GOLDEN = new URL('../../../tests/golden/informe-cvoe-2024-T1.md', import.meta.url);
type Item = Record<string, unknown> & {
  date?: string;
  month?: string;
  title?: string;
  topic?: string;
  counterpart?: string;
};
type Facts = {
  sessions: { number: number; date: string }[];
  attendance: { as: string; name: string; sessions: number[] }[];
  agreements: { number: string; session: number; title: string }[];
  work_program_structure: {
    lines: { n: string; title: string; objectives: { key: string; title: string }[] }[];
  };
  ine_follow_up: {
    weekly_session_calendars: { count: number; dates: string[] };
    electoral_bulletin: { count: number; dates: string[] };
    coordination_with_ine: {
      total_activities: number;
      meetings_with_jle_ine_cdmx: { count: number; dates: string[] };
    };
    sspelo_reviews: { count: number; dates: string[] };
    ssscg_updates: { count: number; dates: string[] };
  };
  sivople: {
    received_in_period: {
      seguimiento_de_actividades: { total: number; de_conocimiento: number; para_su_atencion: number };
      consulta_y_documentos: { total: number };
    };
    status_by_month_of_receipt: Record<string, Record<string, Record<string, number>>>;
    status_totals: Record<string, Record<string, number>>;
    fortnightly_statistics_sent: { n: number; period: { from: string; to: string }; sent: string }[];
    recurring_folios: { folio: string; due_rule: string }[];
    pending_at_period_end: { seguimiento_de_actividades: number };
  };
  instruments_signed: { title: string; kind: string; signed: string }[];
  instruments_mentioned_in_presentation: string[];
  negotiation_accompaniment: {
    activities: number;
    institutions: number;
    instruments: { title: string; object: string; responsible_area: string; status: string }[];
  };
  agreements_registry_siscoi: { updated: { total: number } };
  opinions_of_pertinence: { count: number; items: { number: string; areas: string[] }[] };
  institutional_events: { count: number; items: Item[] };
  observer_network_outreach: { count: number; items: Item[] };
  observer_network_training: { count: number; items: Item[] };
  university_activities: { count: number; items: Item[] };
  tours_abroad: { count: number; items: { route: string; from: string; to: string; lead: string }[] };
  diaspora_mailings: { count: number; items: Item[] };
  diaspora_meetings: { count: number; items: Item[] };
  diaspora_digital_materials: { rows: number; items: { dates: string[]; title: string }[] };
  program_lines_without_activity: { line: string; reason?: string }[];
  international_positioning: { items: Item[] };
  international_support: { items: Item[] };
  international_notes: { items: Item[] };
  observation_missions: {
    items: { from: string; to: string; inviting_institution: string; representatives: string[] }[];
  };
  accompaniment_program: { name: string; approved: { date: string } };
  pending_activities_next_period: { targets: { line: string; text: string; min: number }[] };
  report_slips: { printed: string; where: string }[];
};
const facts = JSON.parse(
  fs.readFileSync(
    new URL('../../../../shared/reference/informe-2024-T1.facts.json', import.meta.url),
    'utf8',
  ),
) as Facts;

let t: TestApp;
let doc: ReportDocument;
let md: string;
let bodyId: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx);
  const db = t.ctx.database.db;
  const org = (await findOrganizationByAcronym(db, 'IECM'))!;
  const body = (await findBodyByAcronym(db, org.id, 'CVOE'))!;
  bodyId = body.id;
  // As the CLI renders it: the demo's draft with the pending items its staff added (section V).
  const saved = await approvedOrDraftInputs(db, org.id, body.id, '2024-01-01', '2024-03-31');
  expect(saved?.pendingItems).toHaveLength(DEMO_PENDING_ITEMS.length);
  const data = await collectReportData(db, {
    orgId: org.id,
    bodyId: body.id,
    from: '2024-01-01',
    to: '2024-03-31',
    pendingItems: saved!.pendingItems,
  });
  doc = buildReport(data, { narrative: saved!.narrative, layout: saved!.presentation });
  md = renderMarkdown(doc);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, md);
}, 600_000);
afterAll(() => t?.close());

const figure = (key: string) => doc.figures.find((f) => f.key === key)?.value;
const text = (c: { runs: { text: string }[] }) => c.runs.map((r) => r.text).join('');
/** The rows (cells as text) of the table with this key. */
function rows(key: string): string[][] {
  const tables = doc.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
  const found = tables.find((b) => b.key === key);
  expect(found, `table ${key}`).toBeDefined();
  return found!.rows.map((r) => r.map(text));
}
const longDay = (d: string) => capitalize(formatLongDate(d));
/** Without accents: the reference spells "Ruiz" and "Ruíz". */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const column = (key: string, k: number) => rows(key).map((r) => r[k]!);

describe('the demo quarterly report against the reference report', () => {
  it('matches the committed golden Markdown', () => {
    expect(md).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('II. holds the three sessions with their dates and every attendance cell', () => {
    expect(figure('sessions')).toBe(facts.sessions.length);
    for (const s of facts.sessions) expect(doc.dates.map((d) => d.date)).toContain(s.date);
    const attendance = rows('attendance');
    expect(attendance).toHaveLength(facts.attendance.length);
    facts.attendance.forEach((a, k) => {
      const row = attendance[k]!;
      expect(row[0], a.name).toContain(a.name);
      expect(row.slice(1), a.name).toEqual([1, 2, 3].map((n) => (a.sessions.includes(n) ? '✓' : '')));
    });
  });

  it('III. lists the 11 agreements under their sessions', () => {
    expect(figure('agreements')).toBe(facts.agreements.length);
    expect(md).toContain('Primera sesión ordinaria, jueves 25 de enero de 2024:');
    expect(md).toContain('Segunda sesión ordinaria, jueves 22 de febrero de 2024:');
    expect(md).toContain('Tercera sesión ordinaria, martes 26 de marzo de 2024:');
    for (const a of facts.agreements) {
      expect(md).toContain(`**${a.number}.**`);
      expect(figure(`agreements.session.${a.session}`)).toBe(
        facts.agreements.filter((x) => x.session === a.session).length,
      );
    }
  });

  it('IV. follows the program: every line and objective, in order, with its title', () => {
    let at = md.indexOf('## IV. Actividades realizadas');
    for (const l of facts.work_program_structure.lines) {
      const h = `### ${l.n}. ${l.title}`;
      expect(md.indexOf(h, at), h).toBeGreaterThan(at);
      at = md.indexOf(h, at);
      for (const o of l.objectives) {
        const oh = `#### ${o.key}) ${o.title}`;
        expect(md.indexOf(oh, at), oh).toBeGreaterThan(at);
        at = md.indexOf(oh, at);
      }
    }
    expect(at).toBeLessThan(md.indexOf('## V. Actividades pendientes'));
  });

  it('IV.1.A: the 12 weekly calendars and the 12 bulletins with their dates', () => {
    const { weekly_session_calendars: cal, electoral_bulletin: bul } = facts.ine_follow_up;
    const tables = [column('program.1.A.series.1', 1), column('program.1.A.series.2', 1)];
    expect(tables).toContainEqual(cal.dates.map(longDay));
    expect(figure('program.1.A.issues.Calendario semanal de sesiones del INE')).toBe(cal.count);
    // The bulletin's dates month by month, as the reference lists them.
    expect(tables).toContainEqual(formatDatesByMonth(bul.dates));
    expect(tables).toContainEqual([
      '5, 12, 19 y 26 de enero de 2024',
      '2, 9, 16 y 23 de febrero de 2024',
      '1, 15, 22 y 29 de marzo de 2024',
    ]);
    expect(figure('program.1.A.issues.Boletín Electoral')).toBe(bul.count);
  });

  it('IV.1.B: the 10 coordination activities, seven of them meetings on their dates', () => {
    const c = facts.ine_follow_up.coordination_with_ine;
    expect(figure('program.1.B.activities')).toBe(c.total_activities);
    const dates = column('program.1.B.general', 1);
    for (const d of c.meetings_with_jle_ine_cdmx.dates) expect(dates).toContain(longDay(d));
  });

  it('IV.1.C: the 11 SSPELO review dates', () => {
    expect(figure('program.1.C.reviews')).toBe(facts.ine_follow_up.sspelo_reviews.count);
    expect(column('program.1.C.reviews.1', 1)).toEqual(facts.ine_follow_up.sspelo_reviews.dates.map(longDay));
  });

  it('IV.1.D and VI.1: the SIVOPLE figures, status tables by month and fortnightly reports', () => {
    const s = facts.sivople;
    expect(figure('channel.follow_up.total')).toBe(s.received_in_period.seguimiento_de_actividades.total);
    expect(figure('channel.follow_up.for_information')).toBe(
      s.received_in_period.seguimiento_de_actividades.de_conocimiento,
    );
    expect(figure('channel.follow_up.for_attention')).toBe(
      s.received_in_period.seguimiento_de_actividades.para_su_atencion,
    );
    expect(figure('channel.consultation.total')).toBe(s.received_in_period.consulta_y_documentos.total);
    const STATUS: Record<string, string> = {
      'Pendientes de atender por el IECM': 'pending_local',
      'En proceso del INE': 'in_process_national',
      Cancelados: 'cancelled',
      Concluidos: 'concluded',
    };
    for (const [mod, key] of [
      ['seguimiento_de_actividades', 'follow_up'],
      ['consulta_y_documentos', 'consultation'],
    ] as const) {
      for (const [label, n] of Object.entries(s.status_totals[mod]!))
        expect(figure(`channel.${key}.${STATUS[label]}`), `${mod} ${label}`).toBe(n);
      for (const [month, byStatus] of Object.entries(s.status_by_month_of_receipt[mod]!))
        for (const [label, n] of Object.entries(byStatus))
          expect(figure(`annex.${key}.${month}.${STATUS[label]}`), `${mod} ${month} ${label}`).toBe(n);
    }
    const sent = rows('annex.fortnightly');
    expect(figure('channel.fortnightly.sent')).toBe(s.fortnightly_statistics_sent.length);
    expect(sent).toEqual(
      s.fortnightly_statistics_sent.map((f) => {
        const y = Number(f.period.from.slice(0, 4));
        const m = Number(f.period.from.slice(5, 7));
        const half = f.period.from.endsWith('-01') ? 'Primera' : 'Segunda';
        return [`${f.n}.`, `${half} quincena de ${formatMonth(y, m)}`, longDay(f.sent)];
      }),
    );
  });

  it('IV.1.D: the 20 SSSCG updates, by month with repeated days counted', () => {
    const days = facts.ine_follow_up.ssscg_updates.dates;
    expect(figure('mandates.updates')).toBe(facts.ine_follow_up.ssscg_updates.count);
    const months = [...new Set(days.map((d) => d.slice(0, 7)))];
    expect(column('mandates.updates', 1)).toEqual(
      months.map((m) => formatDateList(days.filter((d) => d.startsWith(m)))),
    );
    expect(md).toContain('5, 15 (en dos ocasiones), 30 y 31 de enero de 2024');
  });

  it('IV.1.F–H: 3 instruments signed, 3 in negotiation, 173 reviewed, 14 opinions', () => {
    const signed = rows('instruments.signed');
    expect(figure('instruments.signed')).toBe(facts.instruments_signed.length);
    facts.instruments_signed.forEach((f, k) => {
      expect(signed[k]![1]!.startsWith(f.kind)).toBe(true);
      expect(signed[k]![2]).toBe(longDay(f.signed));
    });
    const n = facts.negotiation_accompaniment;
    expect(figure('instruments.accompaniment.activities')).toBe(n.activities);
    expect(figure('instruments.accompaniment.institutions')).toBe(n.institutions);
    const negotiation = rows('instruments.negotiation');
    expect(negotiation).toHaveLength(n.instruments.length);
    n.instruments.forEach((f, k) => {
      const [, instrument, object, areas, status] = negotiation[k]!;
      // Row 3 is the accompaniment itself (the instrument with the SAT has no object yet).
      expect(instrument).toBe(f.title);
      expect(object).toBe(f.object);
      // Areas by their current names ("DVOE" spelled out, the councillor's office by its full name).
      expect(areas!.split(' / ')).toHaveLength(f.responsible_area.split(' / ').length);
      expect(areas).toContain(f.responsible_area.split(' / ').pop()!.split(' ').pop()!);
      // "En proceso" / "En proceso de negociación", as the reference prints them.
      expect(status!.startsWith(f.status)).toBe(true);
      expect(status).toBe('En proceso de negociación');
    });
    expect(figure('instruments.review.updated')).toBe(facts.agreements_registry_siscoi.updated.total);
    const o = facts.opinions_of_pertinence;
    expect(figure('instruments.opinions')).toBe(o.count);
    const opinions = rows('annex.opinions');
    expect(opinions.map((r) => r[1])).toEqual(o.items.map((x) => x.number));
    // Areas by their current name (the reference prints one by an old name): as many as it gives.
    o.items.forEach((x, k) => expect(opinions[k]![3]!.split(' / ')).toHaveLength(x.areas.length));
  });

  it('IV.2.A: the 13 institutional events with dates and places (Tlalpan, not Tlapan)', () => {
    const ev = facts.institutional_events;
    expect(figure('program.2.A.activities')).toBe(ev.count);
    const table = rows('program.2.A.general');
    expect(table.map((r) => r[1])).toEqual(ev.items.map((i) => longDay(i.date!)));
    ev.items.forEach((i, k) => {
      const place = i.counterpart?.split(', ').pop();
      if (place && i.kind === 'conferencia') expect(table[k]!.join(' | ')).toContain(place);
      if (i.kind === 'conferencia') expect(table[k]![3]!.startsWith(i.title!)).toBe(true);
    });
  });

  it('IV.2.B and VI.2: the 35 topics sent to the observer network, by month', () => {
    const out = facts.observer_network_outreach;
    expect(figure('program.2.B.campaigns')).toBe(out.count);
    expect(column('program.2.B.campaigns', 1)).toEqual(out.items.map((i) => i.topic));
    expect(rows('annex.campaigns.2.B').map((r) => r.slice(1))).toEqual(
      out.items.map((i) => [
        `${capitalize(formatMonth(2024, Number(i.month!.slice(5))).replace(' de ', ' '))}`,
        i.topic,
      ]),
    );
  });

  it('IV.2.C and 2.D: the 5 trainings and the 7 university activities', () => {
    expect(figure('program.2.C.activities')).toBe(facts.observer_network_training.count);
    const trainings = rows('program.2.C.general');
    facts.observer_network_training.items.forEach((i, k) => {
      expect(trainings[k]![1]).toBe(longDay(i.date!));
      expect(trainings[k]![3]).toContain(i.title!.slice(0, 40));
    });
    expect(figure('program.2.D.activities')).toBe(facts.university_activities.count);
    const uni = rows('program.2.D.general');
    facts.university_activities.items.forEach((i, k) => {
      expect(uni[k]![1]).toBe(
        i.date ? longDay(i.date) : `Durante ${formatMonth(2024, Number(i.month!.slice(5)))}`,
      );
      if (i.counterpart) expect(uni[k]![4]).toContain(i.counterpart.split(', ').pop()!);
    });
  });

  it('IV.3: 4 tours, 12 mailings, 3 meetings and the digital materials (no skipped row number)', () => {
    expect(md).toContain('Durante el periodo se realizaron **cuatro giras de trabajo**');
    expect(md).toContain('Durante el periodo se realizaron **dos misiones de observación electoral**');
    const tours = rows('program.3.A.tour');
    expect(figure('program.3.A.activities')).toBe(facts.tours_abroad.count);
    facts.tours_abroad.items.forEach((x, k) => {
      expect(tours[k]![1]).toBe(x.route);
      expect(tours[k]![2]).toBe(formatDateRange(x.from, x.to));
      expect(tours[k]![2]).toContain(formatDateRange(x.from, x.to).replace(/ de \d{4}$/, ''));
      // "C.E. Ernesto Ramos Mega": the lead's surnames.
      expect(plain(tours[k]![3]!)).toContain(plain(x.lead.split(' ').slice(-2).join(' ')));
    });
    // Every lead with the title of her or his position (C.P.: Consejera Presidenta).
    expect(tours[0]![3]).toBe('Consejera Presidenta Patricia Avendaño Durán');
    expect(tours.every((r) => /^Consejer[ao] /.test(r[3]!))).toBe(true);
    const mailings = rows('program.3.B.campaigns');
    expect(figure('program.3.B.campaigns')).toBe(facts.diaspora_mailings.count);
    expect(mailings.map((r) => r.slice(1))).toEqual(
      facts.diaspora_mailings.items.map((i) => [formatDate(i.date!), i.topic]),
    );
    expect(figure('program.3.C.activities')).toBe(facts.diaspora_meetings.count);
    expect(column('program.3.C.general', 1)).toEqual(
      facts.diaspora_meetings.items.map((i) => longDay(i.date!)),
    );
    const materials = rows('program.3.D.materials');
    expect(materials).toHaveLength(facts.diaspora_digital_materials.rows);
    expect(materials.map((r) => r[0])).toEqual(materials.map((_, k) => `${k + 1}.`));
    for (const item of facts.diaspora_digital_materials.items) {
      const row = materials.find((r) => r[1] === formatDateList(item.dates));
      expect(row, item.title).toBeDefined();
      expect(row![2]!.replace('Podcast "', 'Podcasts "')).toContain(
        item.title.replace('Podcast "', 'Podcasts "').slice(0, 30),
      );
    }
  });

  it('IV.3.E–F and 4.D–F: objectives without activity print their stated reason', () => {
    for (const l of facts.program_lines_without_activity) {
      const o = doc.objectives.find((x) => x.code === l.line)!;
      expect(o.activities, l.line).toBe(0);
      expect(o.reason, l.line).toBeTruthy();
      if (l.reason) expect(o.reason!.toLowerCase()).toContain(l.reason.slice(0, 60).toLowerCase());
      expect(md).toContain(o.reason!);
    }
    for (const o of doc.objectives) expect(o.activities > 0 || Boolean(o.reason), o.code).toBe(true);
  });

  it('IV.4 and 5: the international activities, 2 missions and the accompaniment program', () => {
    for (const [key, items] of [
      ['program.4.A.general', facts.international_positioning.items],
      ['program.4.B.general', facts.international_support.items],
    ] as const) {
      const table = rows(key);
      items.forEach((i, k) => {
        expect(table[k]![1]).toBe(longDay(i.date!));
        expect(table[k]!.join(' ')).toContain(i.title!.slice(0, 40));
        expect(table[k]![table[k]!.length - 1]).toBe(i.objective);
      });
    }
    expect(rows('program.4.C.materials').map((r) => r.slice(1))).toEqual(
      facts.international_notes.items.map((i) => [formatDate(i.date!), i.title]),
    );
    const missions = rows('program.4.E.mission');
    facts.observation_missions.items.forEach((m, k) => {
      expect(missions[k]![1]).toBe(formatDateRange(m.from, m.to));
      expect(missions[k]![2]).toBe(m.inviting_institution);
      for (const r of m.representatives)
        expect(plain(missions[k]![4]!)).toContain(plain(r.split(' ').slice(-2).join(' ')));
    });
    const line5 = rows('program.5.general');
    expect(line5.some((r) => r[1] === longDay(facts.accompaniment_program.approved.date))).toBe(true);
    expect(line5.map((r) => r[2]).join(' ')).toContain(facts.accompaniment_program.name);
  });

  it('V. pending: the three recurring folios with their rules, next-quarter targets, open instruments', () => {
    const s = facts.sivople;
    expect(figure('channel.follow_up.pending_local')).toBe(
      s.pending_at_period_end.seguimiento_de_actividades,
    );
    expect(figure('channel.recurring')).toBe(s.recurring_folios.length);
    expect(md).toContain('se tienen tres folios que se actualizan');
    for (const f of s.recurring_folios) {
      expect(md).toContain(`**Folio ${f.folio}.**`);
      expect(md.slice(md.indexOf(`**Folio ${f.folio}.**`)).split('\n')[0]).toContain(f.due_rule);
    }
    const pending = md.slice(md.indexOf('## V. Actividades pendientes'), md.indexOf('## VI. Anexos'));
    for (const x of facts.pending_activities_next_period.targets) {
      const line = pending.split('\n').find((l) => l.includes(x.text.slice(0, 35)));
      expect(line, x.text).toBeDefined();
      expect(line).toContain('durante el segundo trimestre de 2024');
    }
    expect(pending).toContain('Unidad Técnica de Comunicación Social y Difusión');
    // V.1.D: the instruments in signature by name, "En proceso de suscripción"; those in
    // negotiation in one sentence with their count: the instruments IV.G lists (not every
    // instrument the register holds as in negotiation), the same figure in both sections.
    expect(pending).toContain('Instrumentos en proceso de suscripción:');
    for (const party of ['la Universidad de Santiago de Chile (USACH)', 'World Vision'])
      expect(pending).toContain(
        `- Convenio General de Apoyo y Colaboración entre el IECM y ${party}. En proceso de suscripción.`,
      );
    expect(pending).not.toContain('En proceso de negociación.');
    expect(pending).toContain(
      'Se continuará dando seguimiento a los tres instrumentos en proceso de negociación (apartado IV).',
    );
    const stated = doc.figures.filter((f) => f.key === 'instruments.open.negotiation');
    expect(stated.map((f) => [f.section, f.value])).toEqual([
      ['IV', rows('instruments.negotiation').length],
      ['V', rows('instruments.negotiation').length],
    ]);
  });

  it('V. every other bullet of the reference: staff items under their lines, the mission on election day', () => {
    const reference = fs.readFileSync(
      new URL('../../../../shared/reference/informe-trimestral-cvoe-2024-T1.txt', import.meta.url),
      'utf8',
    );
    const unbold = (x: string) => x.replace(/\*\*/g, '').trim();
    // The section itself, not its entry in the table of contents.
    const refV = reference.slice(
      reference.indexOf('\nV. Actividades pendientes\n'),
      reference.indexOf('\nVI. Anexos\n'),
    );
    const bullets = refV
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => unbold(l.slice(2)))
      // Asserted above: the recurring folios, the instruments in signature, the next quarter's targets.
      .filter(
        (l) =>
          !/^Folio |En proceso de suscripción\.$|al menos|boletines mensuales|dos notas informativas/.test(l),
      );
    expect(bullets).toHaveLength(20);
    const pending = md.slice(md.indexOf('## V. Actividades pendientes'), md.indexOf('## VI. Anexos'));
    const items = pending
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => unbold(l.slice(2)));
    // The line each bullet is printed under: the last "**n. Title**" header before it.
    const lineOf = (item: string) => {
      const at = pending.split('\n').findIndex((l) => unbold(l.slice(2)) === item);
      const header = pending
        .split('\n')
        .slice(0, at)
        .reverse()
        .find((l) => /^\*\*\d\. /.test(l));
      return header?.slice(2, 3);
    };
    const expectedLine = (b: string) =>
      /INE|Convenio General de Coordinación/.test(b)
        ? '1'
        : /Voto Chilango|podcasts|sedes consulares/.test(b)
          ? '3'
          : /PELO 2024\.|autoridades del IECM en misiones|USACH|organismos internacionales que forman parte/.test(
                b,
              )
            ? '4'
            : /Misión de Acompañamiento 2024/.test(b)
              ? '5'
              : '2';
    for (const bullet of bullets) {
      if (/^Desarrollo de la Misión de Acompañamiento 2024 y organización/.test(bullet)) continue;
      const item = items.find((i) => i === bullet || i.endsWith(`: ${bullet}`));
      expect(item, bullet).toBeDefined();
      expect(lineOf(item!), bullet).toBe(expectedLine(bullet));
    }
    // The mission (reference V.3 and V.5) is a program activity scheduled on election day.
    const mission = items.filter((i) => i.includes('Misión de Acompañamiento 2024'));
    expect(mission).toEqual([
      expect.stringMatching(/^Domingo 2 de junio de 2024: Desarrollo de la Misión de Acompañamiento 2024, /),
    ]);
    expect(pending).toContain('Actividades calendarizadas:');
  });

  it('I. the presentation gives the figures and the INE instruments from the records', () => {
    const intro = md.slice(md.indexOf('## I. Presentación'), md.indexOf('## II.'));
    expect(intro).toContain('celebró tres sesiones y adoptó 11 acuerdos');
    expect(intro).toContain('272 folios');
    expect(intro).toContain('14 opiniones de pertinencia');
    expect(intro).toContain('seis informes estadísticos');
    expect(intro).toContain('cuatro giras de trabajo');
    expect(intro).toContain('dos misiones de observación electoral');
    expect(intro).toContain('12 números de «Boletín Electoral»');
    for (const name of facts.instruments_mentioned_in_presentation.filter((x) => !x.startsWith('(')))
      expect(intro, name).toContain(name);
  });

  it('contains none of the reference report slips, and numbers every table row without gaps', () => {
    for (const slip of facts.report_slips) {
      if (/^rows numbered/.test(slip.printed)) continue;
      const printed = slip.printed.replace(/^Al /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // The member's full name contains the short one the reference printed.
      expect(md, slip.printed).not.toMatch(new RegExp(`(?<!César )${printed}`, 'i'));
    }
    expect(md).not.toMatch(/\b3[01] de febrero/);
    for (const b of doc.blocks)
      if (b.type === 'table' && b.header[0]?.[0] && text(b.header[0][0]) === 'No.')
        b.rows.forEach((r, k) => expect(text(r[0]!), b.key).toBe(`${k + 1}.`));
  });

  it('renders to HTML and DOCX with every table', async () => {
    const tables = doc.blocks.filter((b) => b.type === 'table').length;
    const html = (await renderReport(doc, 'html')).toString();
    expect(html.match(/<table/g)).toHaveLength(tables);
    expect(html).toContain('Washington DC');
    const docx = await renderReport(doc, 'docx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('cites no event date outside the period', () => {
    for (const d of doc.dates) expect(d.date >= '2024-01-01' && d.date <= '2024-03-31', d.where).toBe(true);
  });
});

describe('regenerating the demo report after a record changes', () => {
  let c: HttpClient;
  let report: ReportDetail;
  const figures = (d: ReportDetail) => Object.fromEntries(d.document.figures.map((f) => [f.key, f.value]));

  beforeAll(async () => {
    c = new HttpClient(t.url);
    await c.signIn('enlace@iecm.demo', DEMO_PASSWORD);
    const res = await c.post<ReportDetail>('/api/reports', { bodyId, from: '2024-01-01', to: '2024-03-31' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    report = res.body;
  }, 300_000);

  it('changes exactly the figures that depend on the record', async () => {
    expect((await c.get<CheckResult>(`/api/reports/${report.id}/check`)).body.ok).toBe(true);
    // The Vota Film Fest ceremony (IV.2.A) moves to April: out of the quarter.
    const list = await c.get<{ items: Activity[] }>(
      '/api/program/activities?from=2024-03-27&to=2024-03-27&pageSize=50',
    );
    const ceremony = list.body.items.find((a) => a.kind === 'ceremony')!;
    const { id, lineId, objectiveId, kind, title, purpose, modality, tool, place, notes } = ceremony;
    const moved = await c.put(`/api/program/activities/${id}`, {
      lineId,
      objectiveId,
      kind,
      title,
      purpose,
      modality,
      tool,
      place,
      notes,
      dates: { mode: 'day', day: '2024-04-03' },
      institutionIds: ceremony.institutions.map((i) => i.id),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const check = (await c.get<CheckResult>(`/api/reports/${report.id}/check`)).body;
    expect(check.problems.map((p) => p.where)).toEqual(['Actividades del objetivo 2.A']);
    const after = (await c.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {})).body;
    const a = figures(report);
    const b = figures(after);
    const changed = Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
    expect(changed).toEqual(['program.2.A.activities']);
    expect(b['program.2.A.activities']).toBe(a['program.2.A.activities']! - 1);
    // It is now scheduled for the next period (section V).
    expect(
      after.document.blocks.some(
        (x) =>
          x.type === 'list' &&
          x.items.some((i) =>
            i
              .map((r) => r.text)
              .join('')
              .startsWith('Miércoles 3 de abril de 2024: Ceremonia'),
          ),
      ),
    ).toBe(true);
    report = after;
  });

  it('keeps a staff edit of a narrative paragraph across regenerations', async () => {
    const edited = 'Se realizaron **cuatro giras de trabajo** al extranjero (texto editado).';
    const put = await c.put(`/api/reports/${report.id}/narrative`, {
      paragraphs: { 'presentation.tours': edited },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const again = (await c.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {})).body;
    const md2 = renderMarkdown(again.document);
    expect(md2).toContain(edited);
    expect(md2).not.toContain('al extranjero: Chicago');
    report = again;
  });

  it('flags an edited paragraph whose records changed, and arranges the highlights as staff ask', async () => {
    const edited = 'En el periodo se registraron **51 actividades** del Programa (texto editado).';
    expect(
      (await c.put(`/api/reports/${report.id}/narrative`, { paragraphs: { 'presentation.program': edited } }))
        .status,
    ).toBe(200);
    const at = (d: ReportDetail, key: string) =>
      d.document.blocks.find((b) => b.type === 'paragraph' && b.key === key);
    // The ceremony moved out of the quarter comes back: the records under the edit change.
    const list = await c.get<{ items: Activity[] }>(
      '/api/program/activities?from=2024-04-03&to=2024-04-03&pageSize=50',
    );
    const ceremony = list.body.items.find((a) => a.kind === 'ceremony')!;
    const { id, lineId, objectiveId, kind, title, purpose, modality, tool, place, notes } = ceremony;
    const back = await c.put(`/api/program/activities/${id}`, {
      ...{ lineId, objectiveId, kind, title, purpose, modality, tool, place, notes },
      dates: { mode: 'day', day: '2024-03-27' },
      institutionIds: ceremony.institutions.map((i) => i.id),
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const again = (await c.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {})).body;
    expect(at(again, 'presentation.program')).toMatchObject({ edited: true, stale: true });
    expect(renderMarkdown(again.document)).toContain(edited);
    const check = (await c.get<CheckResult>(`/api/reports/${report.id}/check`)).body;
    expect(check.problems.filter((p) => p.kind === 'narrative').map((p) => p.where)).toEqual([
      'presentation.program',
    ]);
    // Saved again over the new records, the flag goes.
    const reviewed = await c.put<ReportDetail>(`/api/reports/${report.id}/narrative`, {
      paragraphs: { 'presentation.program': edited.replace('51', '52') },
    });
    expect(at(reviewed.body, 'presentation.program')).not.toHaveProperty('stale');
    // Staff's own paragraph first, the campaigns' paragraph removed.
    const own = 'Destaca, además, la **colaboración** con las universidades de la ciudad.';
    const arranged = await c.put<ReportDetail>(`/api/reports/${report.id}/narrative`, {
      paragraphs: { 'presentation.added.1': own },
      order: ['presentation.added.1', 'presentation.tours'],
      removed: ['presentation.campaigns'],
    });
    expect(arranged.status, JSON.stringify(arranged.body)).toBe(200);
    const highlights = (d: ReportDetail) =>
      d.document.blocks.flatMap((b) => (b.type === 'paragraph' && b.highlight ? [b.key] : []));
    const regenerated = (await c.post<ReportDetail>(`/api/reports/${report.id}/regenerate`, {})).body;
    expect(highlights(regenerated).slice(0, 2)).toEqual(['presentation.added.1', 'presentation.tours']);
    expect(highlights(regenerated)).not.toContain('presentation.campaigns');
    expect(renderMarkdown(regenerated.document)).toContain(own);
    // Only highlights are reordered or removed: the legal basis is not.
    const refused = await c.put<{ fields: { path: string }[] }>(`/api/reports/${report.id}/narrative`, {
      paragraphs: {},
      removed: ['presentation.legal-basis'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.fields.map((f) => f.path)).toEqual(['removed']);
    // Back as generated, for the approval below.
    const restored = await c.put<ReportDetail>(`/api/reports/${report.id}/narrative`, {
      paragraphs: { 'presentation.added.1': null, 'presentation.program': null },
      order: [],
      removed: [],
    });
    expect(highlights(restored.body)).toContain('presentation.campaigns');
    expect((await c.get<CheckResult>(`/api/reports/${report.id}/check`)).body.problems).toEqual([]);
    report = restored.body;
  });

  it('blocks approval while an objective has neither activity nor a stated reason', async () => {
    const reasons = await c.get<Reason[]>('/api/program/reasons?from=2024-01-01&to=2024-03-31');
    expect(reasons.status, JSON.stringify(reasons.body)).toBe(200);
    const programs = (await c.get<{ id: string; year: number }[]>('/api/program/programs')).body.filter(
      (p) => p.year === 2024,
    );
    const full = await c.get<{ lines: { number: number; objectives: { id: string; key: string }[] }[] }>(
      `/api/program/programs/${programs[0]!.id}`,
    );
    const objective3E = full.body.lines.find((l) => l.number === 3)!.objectives.find((o) => o.key === 'E')!;
    const reason = reasons.body.find((r) => r.objectiveId === objective3E.id)!;
    expect((await c.delete(`/api/program/reasons/${reason.id}`)).status).toBe(204);
    const check = (await c.get<CheckResult>(`/api/reports/${report.id}/check`)).body;
    expect(check.ok).toBe(false);
    expect(check.problems.filter((p) => p.kind === 'objective').map((p) => p.where.slice(0, 4))).toEqual([
      '3.E ',
    ]);
    // An agreement of the Commission adopted after the quarter.
    const session = await c.post<{ id: string }>(`/api/governance/bodies/${bodyId}/sessions`, {
      kind: 'ordinaria',
      heldOn: '2024-04-25',
      modality: 'a_distancia',
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const agreement = await c.post<{ id: string }>(`/api/governance/sessions/${session.body.id}/agreements`, {
      title: 'Aprobación del informe trimestral de enero a marzo de 2024',
    });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    const refused = await c.post<{ code: string; fields: { message: string }[] }>(
      `/api/reports/${report.id}/approve`,
      { agreementId: agreement.body.id },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.fields.map((f) => f.message).join('\n')).toContain('3.E');
    // Stating the reason again unblocks it.
    const restated = await c.put('/api/program/reasons', {
      objectiveId: objective3E.id,
      periodStart: reason.periodStart,
      periodEnd: reason.periodEnd,
      reason: reason.reason,
    });
    expect(restated.status, JSON.stringify(restated.body)).toBe(200);
    const ok = await c.post<ReportDetail>(`/api/reports/${report.id}/approve`, {
      agreementId: agreement.body.id,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('approved');
  });
});
