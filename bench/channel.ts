/**
 * The channel at scale: 1,000,000 folios in PostgreSQL, and three reads measured side by side
 * through the HTTP API (authentication, validation, calendar, presentation included) and as the
 * same query in raw SQL over one connection of a pool:
 *   1. a filtered, paged list (module, status and a month of receipt; page 2 of 25);
 *   2. a full-text search (a selective phrase, and a broad two-word one);
 *   3. the monthly status table of a year (the report's annex table).
 * Uses DATABASE_URL when set; otherwise starts a throwaway server with
 * scripts/start-test-postgres.sh on VINCULA_TEST_PG_PORT (54344 by default) and stops it after.
 * Writes its figures into docs/PERFORMANCE.md between markers.
 */
import { execFileSync, execSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createOrganization } from '../src/modules/accounts/create-organization';
import { createUser } from '../src/modules/accounts/create-user';
import { loadConfig } from '../src/modules/platform/config/config';
import { migrateDatabase, openDatabase, type Db } from '../src/modules/platform/db/client';
import { buildApp } from '../src/modules/platform/http/app';
import { createContext } from '../src/modules/platform/runtime';
import { HttpClient } from '../tests/support/http-client';
import { writeSection } from './report';

const FOLIOS = Number(process.env.BENCH_FOLIOS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const PASSWORD = 'contraseña-de-bench-1';

const STATES = [
  'Aguascalientes', 'Baja California', 'Baja California Sur', 'Campeche', 'Coahuila', 'Colima',
  'Chiapas', 'Chihuahua', 'Ciudad de México', 'Durango', 'Guanajuato', 'Guerrero', 'Hidalgo',
  'Jalisco', 'Estado de México', 'Michoacán', 'Morelos', 'Nayarit', 'Nuevo León', 'Oaxaca', 'Puebla',
  'Querétaro', 'Quintana Roo', 'San Luis Potosí', 'Sinaloa', 'Sonora', 'Tabasco', 'Tamaulipas',
  'Tlaxcala', 'Veracruz', 'Yucatán', 'Zacatecas',
]; // prettier-ignore
const TOPICS = [
  'Solicitud de información sobre', 'Consulta sobre', 'Remisión de documentos sobre', 'Seguimiento a',
  'Invitación a la reunión sobre', 'Informe de', 'Acuerdo relativo a', 'Circular sobre',
  'Requerimiento de datos de', 'Observaciones a', 'Calendario de actividades de', 'Lineamientos para',
]; // prettier-ignore
const OBJECTS = [
  'la capacitación electoral', 'el padrón electoral', 'la lista nominal', 'las casillas especiales',
  'el voto anticipado', 'el voto en prisión preventiva', 'la fiscalización de precampañas',
  'el conteo rápido', 'el programa de resultados preliminares', 'la documentación electoral',
  'los materiales electorales', 'la observación electoral', 'el registro de candidaturas',
  'la paridad de género', 'la violencia política', 'los debates', 'la propaganda electoral',
  'el cómputo distrital', 'las mesas directivas', 'la credencial para votar',
  'el voto desde el extranjero', 'la consulta popular', 'el presupuesto participativo',
  'las coaliciones', 'los partidos locales', 'las candidaturas independientes', 'la urna electrónica',
  'el sistema de cómputos', 'la bodega electoral', 'los simulacros', 'la jornada electoral',
  'las sesiones de consejo', 'la transparencia', 'los datos personales', 'la firma electrónica',
  'el servicio profesional', 'la geografía electoral', 'la distritación',
  'los tiempos en radio y televisión', 'las encuestas',
]; // prettier-ignore

const arr = (xs: string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`);

function startPostgres(): { url: string; stop: () => void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const out = execFileSync('scripts/start-test-postgres.sh', {
    env: { ...process.env, VINCULA_TEST_PG_PORT: process.env.VINCULA_TEST_PG_PORT ?? '54344' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = /DATABASE_URL=(\S+)/.exec(out)![1]!;
  const dir = /VINCULA_TEST_PG_DIR=(\S+)/.exec(out)![1]!;
  const bin = execSync('ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1', { encoding: 'utf8' }).trim();
  return {
    url,
    stop: () => {
      const stopCmd = `${bin}/pg_ctl -D ${dir}/data -m fast stop`;
      execSync(process.getuid?.() === 0 ? `su postgres -s /bin/bash -c "${stopCmd}"` : stopCmd, {
        stdio: 'ignore',
      });
      execSync(`rm -rf ${dir}`);
    },
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Organizations (the INE, which sees every folio — the worst case — and 32 local bodies) and the folios. */
async function load(db: Db): Promise<{ ine: { id: string }; loadSeconds: number }> {
  const system = { userId: null, label: 'bench', organizationId: null };
  const ine = await createOrganization(db, system, {
    name: 'Instituto Nacional Electoral',
    acronym: 'INE',
    kind: 'national_authority',
  });
  const locals: string[] = [];
  for (const [i, state] of STATES.entries()) {
    const org = await createOrganization(db, system, {
      name: `Organismo Público Local Electoral de ${state}`,
      acronym: `OPLE${String(i + 1).padStart(2, '0')}`,
      kind: 'local_body',
    });
    locals.push(org.id);
  }
  await createUser(db, { ...system, organizationId: ine.id }, ine.id, {
    name: 'Enlace INE',
    email: 'enlace@ine.bench',
    password: PASSWORD,
    roles: ['national_authority_staff'],
    areaIds: [],
  });

  // ---- load
  const loadStart = performance.now();
  const indexes = (
    (await db.execute(sql`select indexname, indexdef from pg_indexes
        where tablename in ('channel_communication', 'channel_folio', 'channel_folio_event')
          and indexname not like '%_pkey'`)) as unknown as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
  const localsArr = sql.raw(`ARRAY[${locals.map((l) => `'${l}'::uuid`).join(',')}]`);
  const n = FOLIOS;
  // Deterministic ids (version-4 shaped UUIDs from md5) join the three tables without lookups.
  // Sent day: spread evenly over 2020-01-01 … 2024-12-31 (1,827 days) in folio order.
  await db.execute(sql`
      insert into channel_communication (id, module, year, number, numbering_org_id, origin_org_id,
        origin_label, document_type, nature, subject, body, sent_on)
      select overlay(overlay(md5('c' || g) placing '4' from 13) placing '8' from 17)::uuid, m.module, extract(year from d.day)::int, g, ${ine.id}::uuid,
        case when m.module = 'follow_up' then ${ine.id}::uuid else (${localsArr})[1 + g % 32] end,
        case when m.module = 'follow_up' then 'Instituto Nacional Electoral' else 'Organismo local' end,
        case when m.module = 'follow_up'
          then (ARRAY['circular','correo','informativo','invitacion','oficio'])[1 + (g / 2) % 5]
          else (ARRAY['acuerdo','consulta','informativo','oficio','otro'])[1 + (g / 2) % 5] end,
        case when m.module = 'follow_up' and (g / 2) % 2 = 0 then 'for_information' else 'for_attention' end,
        (${arr(TOPICS)})[1 + g % 12] || ' ' || (${arr(OBJECTS)})[1 + (g / 12) % 40] || ' en '
          || (${arr(STATES)})[1 + (g / 480) % 32],
        'Comunicación sobre ' || (${arr(OBJECTS)})[1 + (g / 12) % 40]
          || '. Se solicita dar atención en el plazo señalado.',
        d.day
      from generate_series(1, ${n}) g,
        lateral (select case when g % 2 = 0 then 'follow_up' else 'consultation' end as module) m,
        lateral (select (date '2020-01-01' + ((g::bigint - 1) * 1827 / ${n})::int) as day) d`);
  await db.execute(sql`
      insert into channel_folio (id, communication_id, local_org_id, national_org_id, module, year,
        number, status, received_on, due_on, closed_on, nature)
      select overlay(overlay(md5('f' || g) placing '4' from 13) placing '8' from 17)::uuid, c.id, (${localsArr})[1 + g % 32], ${ine.id}::uuid, c.module, c.year, c.number,
        s.status, c.sent_on,
        case when c.module = 'follow_up' and c.nature = 'for_attention' then c.sent_on + 7 end,
        case when s.status in ('concluded', 'cancelled') then c.sent_on + 1 + g % 9 end, c.nature
      from generate_series(1, ${n}) g
        join channel_communication c on c.id = overlay(overlay(md5('c' || g) placing '4' from 13) placing '8' from 17)::uuid,
        lateral (select case when g % 50 = 0 then 'cancelled' when g % 10 < 6 then 'concluded'
          when g % 10 < 8 then 'in_process_national'
          else (case when c.module = 'follow_up' then 'pending_local' else 'in_process_national' end) end
          as status) s`);
  // Its history: the initial status on receipt, and the current one some days later. The trigger
  // that keeps each folio's event days is off during the load; one update sets them after.
  await db.execute(sql`alter table channel_folio_event disable trigger channel_folio_event_dates`);
  await db.execute(sql`
      insert into channel_folio_event (folio_id, organization_id, actor_label, event, from_status,
        to_status, occurred_on)
      select f.id, ${ine.id}::uuid, 'bench', 'sent', null,
        case when f.module = 'follow_up' then 'pending_local' else 'in_process_national' end, f.received_on
      from channel_folio f`);
  await db.execute(sql`
      insert into channel_folio_event (folio_id, organization_id, actor_label, event, from_status,
        to_status, occurred_on)
      select f.id, ${ine.id}::uuid, 'bench', 'moved',
        case when f.module = 'follow_up' then 'pending_local' else 'in_process_national' end,
        f.status, f.received_on + 1 + f.number % 9
      from channel_folio f
      where f.status <> case when f.module = 'follow_up' then 'pending_local' else 'in_process_national' end`);
  await db.execute(sql`alter table channel_folio_event enable trigger channel_folio_event_dates`);
  await db.execute(sql`
    update channel_folio f set last_event_on = e.last_on, first_answer_on = e.first_answer
    from (select folio_id, max(occurred_on) as last_on, min(occurred_on) filter (
        where from_status is not null and to_status <> 'cancelled') as first_answer
      from channel_folio_event group by folio_id) e
    where e.folio_id = f.id`);
  await db.execute(sql`set maintenance_work_mem = '512MB'`);
  for (const i of indexes) await db.execute(sql.raw(i.indexdef));
  await db.execute(sql`vacuum analyze channel_communication`);
  await db.execute(sql`vacuum analyze channel_folio`);
  await db.execute(sql`vacuum analyze channel_folio_event`);
  return { ine, loadSeconds: (performance.now() - loadStart) / 1000 };
}

async function main() {
  const server = startPostgres();
  const database = await openDatabase({ databaseUrl: server.url });
  try {
    await migrateDatabase(database);
    const { db } = database;

    // With DATABASE_URL pointing at a database this benchmark already loaded, the load is skipped
    // (for measuring again after a change of query or index).
    const [loaded] = (
      (await db.execute(sql`select o.id, (select count(*) from channel_folio)::int as n
        from organization o where o.acronym = 'INE'`)) as unknown as { rows: { id: string; n: number }[] }
    ).rows;
    let ine: { id: string };
    let loadSeconds = NaN;
    if (loaded && loaded.n >= FOLIOS) {
      ine = { id: loaded.id };
      console.log(`reusing ${loaded.n} folios already loaded`);
    } else {
      ({ ine, loadSeconds } = await load(db));
    }
    const [counts] = (
      (await db.execute(sql`select (select count(*) from channel_folio)::int as folios,
        (select count(*) from channel_folio_event)::int as events`)) as unknown as {
        rows: { folios: number; events: number }[];
      }
    ).rows;
    console.log(`loaded ${counts!.folios} folios, ${counts!.events} events in ${loadSeconds.toFixed(0)} s`);

    // ---- the API, on this database
    const config = loadConfig({
      // As the test suite runs it: plain HTTP on loopback, no login throttling.
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: server.url,
      VINCULA_DATA_DIR: '.tmp/unused',
      VINCULA_LOGIN_MAX_FAILURES: '1000',
    });
    const ctx = createContext(config, database);
    const app = await buildApp(ctx, { logger: { level: process.env.BENCH_LOG_LEVEL ?? 'silent' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const client = new HttpClient(url);
    await client.signIn('enlace@ine.bench', PASSWORD);
    const raw = new pg.Pool({ connectionString: server.url, max: 4 });

    const org = ine.id;
    const listWhere = `(f.local_org_id = $1 or f.national_org_id = $1) and f.module = $2 and f.status = $3
      and f.received_on >= $4::date and f.received_on <= $5::date`;
    const folioSelect = `select f.id, f.communication_id, f.module, f.number, f.year, c.document_type, c.nature,
      c.subject, c.body, c.origin_label, c.origin_org_id, f.local_org_id, o.acronym, o.name, f.national_org_id,
      f.status, c.sent_on, f.received_on, f.due_rule, f.due_on, f.closed_on
      from channel_folio f join channel_communication c on c.id = f.communication_id
      join organization o on o.id = f.local_org_id`;
    // As foldedContains writes it: one LIKE per word, each served by the subject's trigram index.
    const searchWhere = (q: string) => `(f.local_org_id = $1 or f.national_org_id = $1) and (
      to_tsvector('vincula_es'::regconfig, c.subject || ' ' || c.body) @@ websearch_to_tsquery('vincula_es'::regconfig, $2)
      or (${q
        .split(' ')
        .map((_, i) => `vincula_fold(c.subject) like '%' || vincula_fold($${i + 3}) || '%'`)
        .join(' and ')}))`;
    const order = 'order by f.received_on desc, f.year desc, f.number desc, f.id asc';

    type Case = { name: string; api: (i: number) => string; sql: (i: number) => Promise<unknown> };
    const months = ['2021-03', '2022-07', '2023-02', '2023-10', '2024-05'];
    const monthEnd = (m: string) =>
      new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10);
    const selective = ['voto anticipado Zacatecas', 'conteo rápido Jalisco', 'urna electrónica Sonora'];
    const broad = ['padrón electoral', 'casillas especiales', 'firma electrónica'];
    const search = (qs: string[]): Pick<Case, 'api' | 'sql'> => ({
      api: (i) => `/api/channel/folios?q=${encodeURIComponent(qs[i % qs.length]!)}&page=1&pageSize=25`,
      sql: (i) => {
        const q = qs[i % qs.length]!;
        const args = [org, q, ...q.split(' ')];
        return Promise.all([
          raw.query(`${folioSelect} where ${searchWhere(q)} ${order} limit 25 offset 0`, args),
          raw.query(
            `select count(*) from channel_folio f join channel_communication c on c.id = f.communication_id where ${searchWhere(q)}`,
            args,
          ),
        ]);
      },
    });
    const cases: Case[] = [
      {
        name: 'Filtered, paged list (follow-up, in process, one month, page 2 of 25)',
        api: (i) => {
          const m = months[i % months.length]!;
          return `/api/channel/folios?module=follow_up&status=in_process_national&receivedFrom=${m}-01&receivedTo=${monthEnd(m)}&page=2&pageSize=25`;
        },
        sql: (i) => {
          const m = months[i % months.length]!;
          const args = [org, 'follow_up', 'in_process_national', `${m}-01`, monthEnd(m)];
          return Promise.all([
            raw.query(`${folioSelect} where ${listWhere} ${order} limit 25 offset 25`, args),
            raw.query(
              `select count(*) from channel_folio f join channel_communication c on c.id = f.communication_id where ${listWhere}`,
              args,
            ),
          ]);
        },
      },
      { name: `Full-text search, selective phrase (e.g. "${selective[0]}")`, ...search(selective) },
      { name: `Full-text search, broad two words (e.g. "${broad[0]}")`, ...search(broad) },
      {
        name: 'Monthly status table of a year (follow-up, 2023, as of 31 Dec)',
        api: () =>
          '/api/channel/statistics/monthly?module=follow_up&from=2023-01-01&to=2023-12-31&asOf=2023-12-31',
        sql: () =>
          raw.query(
            `select to_char(f.received_on, 'YYYY-MM') as month, f.nature,
              case when f.last_event_on <= $4::date then f.status else
                (select e.to_status from channel_folio_event e
                  where e.folio_id = f.id and e.occurred_on <= $4::date
                  order by e.occurred_on desc, e.id desc limit 1) end as status,
              count(*)::int as n
            from channel_folio f
            where (f.local_org_id = $1 or f.national_org_id = $1)
              and f.module = $2 and f.received_on between $3::date and $4::date
            group by 1, 2, 3 order by 1`,
            [org, 'follow_up', '2023-01-01', '2023-12-31'],
          ),
      },
    ];

    const results: { name: string; api: number[]; sql: number[]; hits: number }[] = [];
    for (const c of cases) {
      const first = await client.get<{ total?: number; totals?: { total: number } }>(c.api(0));
      if (first.status !== 200) throw new Error(`${c.api(0)} answered ${first.status}`);
      const hits = first.body.total ?? first.body.totals?.total ?? 0;
      const runs = c.name.startsWith('Monthly') ? Math.min(RUNS, 20) : RUNS;
      for (let i = 0; i < 5; i++) {
        await client.get(c.api(i));
        await c.sql(i);
      }
      const api: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate, so both see the same state of the machine.
        api.push(await time(() => client.get(c.api(i))));
        rawTimes.push(await time(() => c.sql(i)));
      }
      results.push({ name: c.name, api, sql: rawTimes, hits });
      console.log(
        `${c.name}: API p50 ${percentile(api, 50).toFixed(1)} p95 ${percentile(api, 95).toFixed(1)} · SQL p50 ${percentile(rawTimes, 50).toFixed(1)} p95 ${percentile(rawTimes, 95).toFixed(1)} ms (${hits} matches)`,
      );
    }
    await raw.end();
    await app.close();

    const f = (x: number) => x.toFixed(1);
    const rows = results.map((r) => {
      const [a50, a95, s50, s95] = [
        percentile(r.api, 50),
        percentile(r.api, 95),
        percentile(r.sql, 50),
        percentile(r.sql, 95),
      ];
      return `| ${r.name} | ${r.hits.toLocaleString('en-US')} | ${f(a50)} | ${f(a95)} | ${f(s50)} | ${f(s95)} | ${(a95 / s95).toFixed(2)}× |`;
    });
    const body = [
      `${counts!.folios.toLocaleString('en-US')} folios (${counts!.events.toLocaleString('en-US')} status events) over`,
      '2020–2024 in PostgreSQL, half follow-up and half consultations, for 32 local bodies; read as the',
      'national authority, which sees every folio. Loaded with `generate_series` in',
      `${Number.isNaN(loadSeconds) ? 'an earlier run' : `${loadSeconds.toFixed(0)} s`} (indexes rebuilt after the load). ${RUNS} timed runs per case (20 for the`,
      'table) after 5 warm-up runs, API and raw SQL alternating; the API time is a full HTTP request',
      '(session, validation, calendar, JSON); raw SQL is the same query (page and count together) on a',
      'pooled connection. Times in ms.',
      '',
      '| Case | Matches | API p50 | API p95 | SQL p50 | SQL p95 | API/SQL p95 |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n');
    writeSection('channel', body);
    console.log(body);
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP_DATABASE) server.stop();
    else console.log(`database kept at ${server.url}`);
  }
}

await main();
