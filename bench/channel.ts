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
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createOrganization } from '../src/modules/accounts/create-organization';
import { createUser } from '../src/modules/accounts/create-user';
import { existingAreaIds } from '../src/modules/directory';
import { loadConfig } from '../src/modules/platform/config/config';
import { withInstallationSecret } from '../src/modules/platform/config/installation-secret';
import { migrateDatabase, openDatabase, type Db } from '../src/modules/platform/db/client';
import { buildApp } from '../src/server/app';
import { createContext } from '../src/server/runtime';
import { COUNT_CAP, SEARCH_COUNT_CAP, SEARCH_WALK } from '../src/modules/channel/repository';
import { HttpClient } from '../tests/support/http-client';
import { loadFolios, STATES, startPostgres } from './channel-data';
import { writeSection } from './report';

const FOLIOS = Number(process.env.BENCH_FOLIOS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const PASSWORD = 'contraseña-de-bench-1';

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
  await createUser(
    db,
    { ...system, organizationId: ine.id },
    ine.id,
    {
      name: 'Enlace INE',
      email: 'enlace@ine.bench',
      password: PASSWORD,
      roles: ['national_authority_staff'],
      areaIds: [],
    },
    existingAreaIds,
  );

  const loadSeconds = await loadFolios(db, { nationalId: ine.id, localIds: locals, n: FOLIOS });
  return { ine, loadSeconds };
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
      // Statistics for columns a newer migration may have added since the load.
      for (const table of ['channel_communication', 'channel_folio', 'channel_folio_event'])
        await db.execute(sql.raw(`vacuum analyze ${table}`));
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
    const fromEnv = loadConfig({
      // As the test suite runs it: plain HTTP on loopback, no login throttling.
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: server.url,
      VINCULA_DATA_DIR: '.tmp/unused',
      VINCULA_LOGIN_MAX_FAILURES: '1000',
    });
    const ctx = createContext(await withInstallationSecret(fromEnv, database), database);
    const app = await buildApp(ctx, { logger: { level: process.env.BENCH_LOG_LEVEL ?? 'silent' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const client = new HttpClient(url);
    await client.signIn('enlace@ine.bench', PASSWORD);
    const raw = new pg.Pool({ connectionString: server.url, max: 4 });

    const org = ine.id;
    // As the API reads it for a national authority: its side of the folios only (visibleFrom).
    const listWhere = `f.national_org_id = $1 and f.module = $2 and f.status = $3
      and f.received_on >= $4::date and f.received_on <= $5::date`;
    // The API counts up to COUNT_CAP matches on the first pages (SEARCH_COUNT_CAP for a text
    // search): a count over a LIMITed subquery.
    const capped = (from: string, where: string, cap = COUNT_CAP) =>
      `select count(*) from (select 1 from ${from} where ${where} limit ${cap + 1}) matches`;
    // The page's columns with its routed areas (one JSON column, as the API reads them).
    const folioSelect = `select f.id, f.communication_id, f.module, f.number, f.year, c.document_type, c.nature,
      c.subject, c.body, c.origin_label, c.origin_org_id, f.local_org_id, o.acronym, o.name, f.national_org_id,
      f.status, c.sent_on, f.received_on, f.due_rule, f.due_on, f.closed_on,
      coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name, 'role', x.role)
          order by x.role = 'responsible' desc, x.name)
        from (select a.id, a.name,
            case when bool_or(r.role = 'responsible') then 'responsible' else 'informed' end as role
          from channel_routing r join area a on a.id = r.area_id
          where r.folio_id = f.id and r.organization_id = $1 and r.state <> 'withdrawn'
          group by a.id, a.name) x), '[]'::json) as areas
      from channel_folio f join channel_communication c on c.id = f.communication_id
      join organization o on o.id = f.local_org_id`;
    // As the list writes it: the folio's copy of the stemmed document; only when that matches
    // nothing, one LIKE per word over its folded subject. The count needs no join.
    const searchWhere = (q: string, text: 'words' | 'contains') =>
      text === 'words'
        ? `f.national_org_id = $1 and f.search_vector @@ websearch_to_tsquery('vincula_es'::regconfig, $2)`
        : `f.national_org_id = $1 and ${q
            .split(' ')
            .map((_, i) => `f.subject_folded like '%' || vincula_fold($${i + 2}) || '%'`)
            .join(' and ')}`;
    const order = 'order by f.received_on desc, f.year desc, f.number desc, f.id asc';
    // As the API reads a page: the folios chosen on their own table, then only those joined.
    const page = (where: string, offset: number) =>
      `${folioSelect} where f.id in (select f.id from channel_folio f where ${where} ${order}
        limit 25 offset ${offset}) ${order}`;

    type Case = { name: string; api: (i: number) => string; sql: (i: number) => Promise<unknown> };
    const months = ['2021-03', '2022-07', '2023-02', '2023-10', '2024-05'];
    const monthEnd = (m: string) =>
      new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10);
    const selective = ['voto anticipado Zacatecas', 'conteo rápido Jalisco', 'urna electrónica Sonora'];
    const broad = ['padrón electoral', 'casillas especiales', 'firma electrónica'];
    const search = (qs: string[]): Pick<Case, 'api' | 'sql'> => ({
      api: (i) => `/api/channel/folios?q=${encodeURIComponent(qs[i % qs.length]!)}&page=1&pageSize=25`,
      sql: async (i) => {
        const q = qs[i % qs.length]!;
        const pageAndCount = (
          text: 'words' | 'contains',
          args = text === 'words' ? [org, q] : [org, ...q.split(' ')],
        ) =>
          Promise.all([
            raw.query(page(searchWhere(q, text), 0), args),
            raw.query(capped('channel_folio f', searchWhere(q, text), SEARCH_COUNT_CAP), args),
          ]);
        // As the API does it: the page looked for among the newest SEARCH_WALK folios while the
        // count runs; PostgreSQL's page only when those hold no full page.
        const walked = raw.query(
          `${folioSelect} where f.id in (with newest as materialized (select f.id from channel_folio f
            where f.national_org_id = $1 ${order} limit ${SEARCH_WALK})
            select f.id from newest n join channel_folio f on f.id = n.id
            where coalesce(f.search_vector @@ websearch_to_tsquery('vincula_es'::regconfig, $2), false)
            ${order} limit 25) ${order}`,
          [org, q],
        );
        const [fromNewest, count] = await Promise.all([
          walked,
          raw.query(capped('channel_folio f', searchWhere(q, 'words'), SEARCH_COUNT_CAP), [org, q]),
        ]);
        if (fromNewest.rowCount === 25) return [fromNewest, count];
        const found = await pageAndCount('words');
        return Number(found[1].rows[0].count) > 0 ? found : pageAndCount('contains');
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
            raw.query(page(listWhere, 25), args),
            raw.query(capped('channel_folio f', listWhere), args),
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
            `with g as (
              select date_trunc('month', f.received_on) as month, f.nature,
                case when f.last_event_on <= $4::date then f.status end as status,
                case when f.last_event_on <= $4::date then null else f.id end as late_id,
                count(*)::int as n
              from (
                select f.id, f.received_on, f.nature, f.status, f.last_event_on from channel_folio f
                where f.local_org_id = $1 and f.module = $2 and f.received_on between $3::date and $4::date
                union all
                select f.id, f.received_on, f.nature, f.status, f.last_event_on from channel_folio f
                where f.national_org_id = $1 and f.local_org_id <> $1
                  and f.module = $2 and f.received_on between $3::date and $4::date) f
              group by 1, 2, 3, 4)
            select to_char(g.month, 'YYYY-MM') as month, g.nature,
              coalesce(g.status, (select e.to_status from channel_folio_event e
                where e.folio_id = g.late_id and e.occurred_on <= $4::date
                order by e.occurred_on desc, e.id desc limit 1)) as status,
              sum(g.n)::int as n
            from g group by 1, 2, 3 order by 1`,
            [org, 'follow_up', '2023-01-01', '2023-12-31'],
          ),
      },
    ];

    const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const loadAtStart = loadAverage();
    const results: { name: string; api: number[]; sql: number[]; hits: string }[] = [];
    for (const c of cases) {
      const first = await client.get<{
        total?: number;
        totalIsLowerBound?: boolean;
        totals?: { total: number };
      }>(c.api(0));
      if (first.status !== 200) throw new Error(`${c.api(0)} answered ${first.status}`);
      const n = (first.body.total ?? first.body.totals?.total ?? 0).toLocaleString('en-US');
      const hits = first.body.totalIsLowerBound ? `more than ${n}` : n;
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
      return `| ${r.name} | ${r.hits} | ${f(a50)} | ${f(a95)} | ${f(s50)} | ${f(s95)} | ${(a95 / s95).toFixed(2)}× |`;
    });
    const body = [
      `${counts!.folios.toLocaleString('en-US')} folios (${counts!.events.toLocaleString('en-US')} status events) over`,
      '2020–2024 in PostgreSQL, half follow-up and half consultations, for 32 local bodies; read as the',
      'national authority, which sees every folio. Loaded with `generate_series` in',
      `${Number.isNaN(loadSeconds) ? 'an earlier run' : `${loadSeconds.toFixed(0)} s`} (indexes rebuilt after the load). ${RUNS} timed runs per case (20 for the`,
      'table) after 5 warm-up runs, API and raw SQL alternating; the API time is a full HTTP request',
      '(session, validation, JSON; the calendar only when a listed folio may be due soon); raw SQL is the',
      'same query (page and capped count together) on a pooled connection. Times in ms.',
      `Load average (1, 5, 15 min) when the timed runs started: ${loadAtStart}; when they ended: ${loadAverage()}.`,
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
