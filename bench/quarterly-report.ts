/**
 * Quarterly report generation, two cases:
 *   1. ten times the reference's volume: the document tree built from ReportData scaled ×10
 *      (sessions and their attendance columns, agreements, SSSCG updates, months of channel
 *      statistics, instruments, opinions, program activities), then rendered to HTML, DOCX,
 *      Markdown and PDF;
 *   2. the demo's report (IECM, CVOE, January–March 2024) read from PostgreSQL with 1,000,000
 *      folios in the channel (bench/channel-data.ts's loader; every folio the IECM's, the worst
 *      case), from the records to the DOCX and HTML. BENCH_REPORT_FOLIOS=0 skips it. Uses
 *      DATABASE_URL when set (a database this bench loaded is reused), otherwise a throwaway server
 *      on VINCULA_TEST_PG_PORT (54345 by default).
 * Median of 5 runs after one warm-up. Writes docs/PERFORMANCE.md (quarterly-report).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/cli/demo';
import { findBodyByAcronym } from '../src/modules/governance/repository';
import { loadConfig } from '../src/modules/platform/config/config';
import { withInstallationSecret } from '../src/modules/platform/config/installation-secret';
import { migrateDatabase, openDatabase } from '../src/modules/platform/db/client';
import { createContext } from '../src/server/runtime';
import { monthlyStatusTable } from '../src/modules/channel/monthly-status-table';
import { buildReport } from '../src/modules/reports/build-report';
import { collectReportData } from '../src/modules/reports/collect-report-data';
import { findOrganizationByAcronym } from '../src/modules/accounts';
import { loadFolios, startPostgres } from './channel-data';
import type { ReportData } from '../src/modules/reports/report-data';
import { renderReport } from '../src/modules/reports/render';
import { secondOrganization } from '../src/modules/reports/sample-data';
import { writeSection } from './report';

const SCALE = 10;

function scaled(): ReportData {
  const base = secondOrganization();
  const sessions = Array.from({ length: 3 * SCALE }, (_, k) => ({
    id: `s${k}`,
    heading: `${k + 1}° Ord`,
    name: `sesión ${k + 1}`,
    heldOn: `2025-0${4 + (k % 3)}-${String(1 + (k % 28)).padStart(2, '0')}`,
  }));
  const rows = Array.from({ length: 25 * SCALE }, (_, r) => ({
    ...base.attendance.rows[0]!,
    line: `Integrante ${r + 1}: Persona de prueba ${r + 1}`,
    attended: sessions.map((_, k) => (r + k) % 4 !== 0),
    count: sessions.length,
    held: sessions.length,
  }));
  const template = base.agreements.sessions[0]!;
  const agreementGroups = sessions.map((s, k) => ({
    session: { ...template.session, id: s.id, heldOn: s.heldOn, name: s.name },
    heading: `Sesión ${k + 1}`,
    agreements: Array.from({ length: 4 }, (_, j) => ({
      ...template.agreements[0]!,
      id: `a${k}-${j}`,
      number: `CEI/${String(k * 4 + j + 1).padStart(3, '0')}/2025`,
      adoptedOn: s.heldOn,
      title: 'Aprobación de un punto del orden del día con un título de longitud realista para el informe',
    })),
  }));
  const months = ['2025-04', '2025-05', '2025-06'].map((month) => ({
    month,
    pending_local: 40,
    in_process_national: 300,
    cancelled: 3,
    concluded: 600,
    total: 943,
  }));
  const table = {
    module: 'follow_up' as const,
    asOf: '2025-06-30',
    months,
    totals: { pending_local: 120, in_process_national: 900, cancelled: 9, concluded: 1800, total: 2829 },
    byNature: { for_information: 1400, for_attention: 1429 },
  };
  return {
    ...base,
    attendance: { sessions, rows, footnotes: [] },
    agreements: { sessions: agreementGroups, total: agreementGroups.length * 4 },
    mandateUpdates: Array.from(
      { length: 20 * SCALE },
      (_, k) => `2025-0${4 + (k % 3)}-${String(1 + (k % 28)).padStart(2, '0')}`,
    ),
    channel: {
      national: { name: 'Autoridad Nacional', acronym: 'AN' },
      followUp: table,
      consultation: { ...table, module: 'consultation' },
      recurring: Array.from({ length: 3 * SCALE }, (_, k) => ({
        folio: `${k + 1}/2025`,
        subject: 'Se solicita información mensual sobre un asunto',
        description: 'Informe mensual (primeros cinco días de cada mes)',
        rule: 'dentro de los primeros 5 días hábiles de cada mes',
      })),
    },
    instruments: {
      from: base.from,
      to: base.to,
      signed: Array.from({ length: 3 * SCALE }, (_, k) => ({
        n: k + 1,
        instrument: `Convenio de prueba número ${k + 1}.`,
        signedOn: 'Jueves 1 de mayo de 2025',
      })),
      negotiation: {
        activities: 7 * SCALE,
        institutions: 3 * SCALE,
        areasAccompanied: ['Secretaría Ejecutiva'],
        rows: Array.from({ length: 3 * SCALE }, (_, k) => ({
          n: k + 1,
          instrument: `Convenio ${k + 1}`,
          object: 'Establecer las bases de colaboración entre las partes. '.repeat(4),
          areas: 'Secretaría Ejecutiva',
          status: 'En negociación',
        })),
      },
      opinions: Array.from({ length: 14 * SCALE }, (_, k) => ({
        n: k + 1,
        number: `OP/${k + 1}/2025`,
        instrument: 'Opinión de pertinencia respecto del Convenio de prueba',
        areas: 'Secretaría Ejecutiva',
      })),
      reviewUpdates: [{ month: '2025-05', count: 1730 }],
    },
    program: {
      name: 'Programa',
      lines: Array.from({ length: 5 }, (_, l) => ({
        number: String(l + 1),
        title: `Línea ${l + 1}`,
        objectives: Array.from({ length: 6 }, (_, o) => ({
          key: String.fromCharCode(65 + o),
          title: `Objetivo ${o + 1}`,
          blocks:
            l === 0 && o === 0
              ? [
                  'channel.status',
                  'governance.mandates',
                  'agreements.signed',
                  'agreements.negotiation',
                  'agreements.opinions',
                ]
              : [],
          reason: null,
          activities: Array.from({ length: 8 * SCALE }, (_, a) => ({
            on: '2025-05-14',
            until: null,
            text: `Actividad ${a + 1} realizada con una descripción de longitud realista.`,
          })),
        })),
      })),
    },
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

async function tenTimes(): Promise<string[]> {
  const data = scaled();
  const doc = buildReport(data);
  const tables = doc.blocks.filter((b) => b.type === 'table').length;
  const rowsTotal = doc.blocks.reduce((s, b) => s + (b.type === 'table' ? b.rows.length : 0), 0);
  const before = load();
  const results: [string, number][] = [
    ['Build the document tree', await time(async () => buildReport(data))],
    ['Build + HTML', await time(async () => renderReport(buildReport(data), 'html'))],
    ['Build + DOCX', await time(async () => renderReport(buildReport(data), 'docx'))],
    ['Build + Markdown', await time(async () => renderReport(buildReport(data), 'md'))],
    ['Build + PDF', await time(async () => renderReport(buildReport(data), 'pdf'))],
  ];
  return [
    `**${SCALE}× the reference volume** (document tree from scaled data): ${doc.blocks.length} blocks, ${tables} tables, ${rowsTotal} table rows, ${doc.figures.length} figures. Median of 5 runs (target < 2 s for DOCX and HTML). Load average (1 / 5 / 15 min) ${before} before, ${load()} after.`,
    '',
    '| Step | Median (ms) |',
    '| --- | --- |',
    ...results.map(([name, ms]) => `| ${name} | ${ms.toFixed(0)} |`),
  ];
}

const FOLIOS = Number(process.env.BENCH_REPORT_FOLIOS ?? 1_000_000);

async function millionFolios(): Promise<string[]> {
  const server = startPostgres('54345');
  const database = await openDatabase({ databaseUrl: server.url });
  try {
    await migrateDatabase(database);
    const { db } = database;
    const fromEnv = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: server.url,
      VINCULA_DATA_DIR: '.tmp/unused',
    });
    await seedDemo(createContext(await withInstallationSecret(fromEnv, database), database));
    const iecm = (await findOrganizationByAcronym(db, 'IECM'))!;
    const ine = (await findOrganizationByAcronym(db, 'INE'))!;
    const body = (await findBodyByAcronym(db, iecm.id, 'CVOE'))!;
    const count = async () =>
      (
        (await db.execute(sql`select count(*)::int as n from channel_folio`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    let loadSeconds = NaN;
    if ((await count()) < FOLIOS)
      loadSeconds = await loadFolios(db, { nationalId: ine.id, localIds: [iecm.id], n: FOLIOS });
    const folios = await count();
    const scope = { orgId: iecm.id, bodyId: body.id, from: '2024-01-01', to: '2024-03-31' };
    const quarter = (
      (await db.execute(sql`select count(*)::int as n from channel_folio
        where local_org_id = ${iecm.id} and received_on between ${scope.from}::date and ${scope.to}::date`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;
    console.log(`${folios} folios (${quarter} in the quarter); load ${loadSeconds.toFixed(0)} s`);
    const before = load();
    const results: [string, number][] = [
      [
        'Monthly status tables (follow-up and consultations; SQL aggregate)',
        await time(() =>
          Promise.all(
            (['follow_up', 'consultation'] as const).map((module) =>
              monthlyStatusTable(db, iecm.id, { module, from: scope.from, to: scope.to }),
            ),
          ),
        ),
      ],
      ['Read the records (collectReportData)', await time(() => collectReportData(db, scope))],
      [
        'Records → HTML',
        await time(async () => renderReport(buildReport(await collectReportData(db, scope)), 'html')),
      ],
      [
        'Records → DOCX',
        await time(async () => renderReport(buildReport(await collectReportData(db, scope)), 'docx')),
      ],
    ];
    return [
      `**${folios.toLocaleString('en-US')} folios in the channel** (PostgreSQL): the demo's report (IECM, CVOE, January–March 2024) from the records, every loaded folio the IECM's (the worst case: ${quarter.toLocaleString('en-US')} folios received in the quarter). Loaded with bench/channel-data.ts in ${Number.isNaN(loadSeconds) ? 'an earlier run' : `${loadSeconds.toFixed(0)} s`}. Median of 5 runs. Load average ${before} before, ${load()} after.`,
      '',
      '| Step | Median (ms) |',
      '| --- | --- |',
      ...results.map(([name, ms]) => `| ${name} | ${ms.toFixed(0)} |`),
    ];
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP_DATABASE) server.stop();
    else console.log(`database kept at ${server.url}`);
  }
}

const body = [...(await tenTimes()), ...(FOLIOS > 0 ? ['', ...(await millionFolios())] : [])].join('\n');
console.log(body);
writeSection('quarterly-report', body);
