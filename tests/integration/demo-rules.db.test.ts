import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionInputSchema } from '../../src/modules/governance/contract';
import { routingPlanProblems } from '../../src/modules/channel/routing-state';
import { addDays, todayInMexicoCity } from '../../src/shared/dates';
import { startTestApp, type TestApp } from '../support/test-app';

// The demo obeys the rules a person's records obey: the modules' own validation rules run over every
// demo record, and no demo text gives away that it is made up or names a rule.

let t: TestApp;
let rows: <T>(query: ReturnType<typeof sql>) => Promise<T[]>;

beforeAll(async () => {
  t = await startTestApp({}, { demo: true });
  const db = t.ctx.database.db;
  rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}, 600_000);
afterAll(() => t?.close());

describe('the demo', () => {
  it("routes no folio with an internal term before the routing or after the folio's due date", async () => {
    const slips = await rows<{
      folio: string;
      area_id: string;
      role: 'responsible' | 'informed';
      routed_on: string;
      internal_due_on: string | null;
      due_on: string | null;
    }>(sql`
      select f.year || '/' || f.number as folio, r.area_id, r.role,
             to_char(r.assigned_at at time zone 'America/Mexico_City', 'YYYY-MM-DD') as routed_on,
             r.internal_due_on::text, f.due_on::text
      from channel_routing r join channel_folio f on f.id = r.folio_id`);
    expect(slips.length).toBeGreaterThan(20);
    const problems = slips.flatMap((s) =>
      routingPlanProblems({
        // The folio's due date binds the plan as it did when the folio was routed (pending).
        folioStatus: 'pending_local',
        responsibleAreaId: s.role === 'responsible' ? s.area_id : null,
        informedAreaIds: s.role === 'informed' ? [s.area_id] : [],
        openSlips: [],
        routedOn: s.routed_on,
        internalDueOn: s.internal_due_on,
        folioDueOn: s.due_on,
      }).map((p) => `${s.folio} (${s.internal_due_on} / vence ${s.due_on}): ${p.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('holds sessions that pass the session form’s rules, convened before they are held', async () => {
    const sessions = await rows<{
      kind: string;
      held_on: string;
      start_time: string | null;
      end_time: string | null;
      modality: string;
      convoked_on: string | null;
      place: string | null;
    }>(sql`select kind, held_on::text, start_time, end_time, modality, convoked_on::text, place
           from body_session`);
    expect(sessions.length).toBeGreaterThan(3);
    for (const s of sessions) {
      const parsed = SessionInputSchema.safeParse({
        kind: s.kind,
        heldOn: s.held_on,
        startTime: s.start_time,
        endTime: s.end_time,
        modality: s.modality,
        convokedOn: s.convoked_on,
        place: s.place,
      });
      expect(parsed.error?.issues ?? [], s.held_on).toEqual([]);
      if (s.convoked_on) expect(s.convoked_on <= s.held_on, s.held_on).toBe(true);
    }
  });

  it('keeps the order of every period and of every folio’s days', async () => {
    const wrong = await rows<{ what: string }>(sql`
      select 'folio ' || year || '/' || number || ' vence antes de recibirse' as what
        from channel_folio where due_on < received_on
      union all select 'folio ' || year || '/' || number || ' se cierra antes de recibirse'
        from channel_folio where closed_on < received_on
      union all select 'evento ' || e.event || ' antes de recibir el folio ' || f.year || '/' || f.number
        from channel_folio_event e join channel_folio f on f.id = e.folio_id where e.occurred_on < f.received_on
      union all select 'actividad que termina antes de empezar: ' || title
        from activity where ends_on < starts_on
      union all select 'meta que termina antes de empezar: ' || description
        from program_target where period_end < period_start
      union all select 'instrumento vigente hasta antes de su inicio: ' || coalesce(subject, id::text)
        from instrument where valid_until < valid_from`);
    expect(wrong.map((w) => w.what)).toEqual([]);
  });

  it('dates every record within 1990–2100, and nothing received or answered after today', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'date'`);
    expect(columns.length).toBeGreaterThan(20);
    const outside: string[] = [];
    for (const c of columns) {
      const [r] = await rows<{ n: number }>(
        sql.raw(`select count(*)::int as n from "${c.table_name}"
                 where "${c.column_name}" < '1990-01-01' or "${c.column_name}" > '2100-12-31'`),
      );
      if (r!.n > 0) outside.push(`${c.table_name}.${c.column_name}: ${r!.n}`);
    }
    expect(outside).toEqual([]);
    const tomorrow = addDays(todayInMexicoCity(), 1);
    const [future] = await rows<{ n: number }>(sql`
      select (select count(*) from channel_folio where received_on >= ${tomorrow}::date)
           + (select count(*) from channel_folio_event where occurred_on >= ${tomorrow}::date) as n`);
    expect(Number(future!.n)).toBe(0);
  });

  it('says nowhere that a record is made up, nor names a rule for a name', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb')`);
    expect(columns.length).toBeGreaterThan(50);
    const words = [
      'sintétic',
      'sin consentimiento',
      'ficticia',
      'ficticio',
      'inventad',
      'de ejemplo',
      'de muestra',
    ];
    const found: string[] = [];
    for (const c of columns) {
      const hits = await rows<{ v: string }>(
        sql.raw(`select left("${c.column_name}"::text, 120) as v from "${c.table_name}"
                 where ${words.map((w) => `"${c.column_name}"::text ilike '%${w}%'`).join(' or ')} limit 3`),
      );
      for (const h of hits) found.push(`${c.table_name}.${c.column_name}: ${h.v}`);
    }
    expect(found).toEqual([]);
  });
});
