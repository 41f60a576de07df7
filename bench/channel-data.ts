/**
 * The channel's bench data, shared by bench/channel.ts and bench/quarterly-report.ts: a throwaway
 * PostgreSQL server (scripts/start-test-postgres.sh), and a bulk load of folios, their
 * communications and status histories with `generate_series` (indexes dropped during the load and
 * rebuilt after).
 */
import { execFileSync, execSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/modules/platform/db/client';

export const STATES = [
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

/** A PostgreSQL server: DATABASE_URL when set, otherwise a throwaway one on VINCULA_TEST_PG_PORT. */
export function startPostgres(defaultPort = '54344'): { url: string; stop: () => void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const out = execFileSync('scripts/start-test-postgres.sh', {
    env: { ...process.env, VINCULA_TEST_PG_PORT: process.env.VINCULA_TEST_PG_PORT ?? defaultPort },
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

/**
 * Loads `n` folios (with their communications and status events) between the national authority
 * and the local bodies (round robin), received over 2020-01-01 … 2024-12-31 in folio order: half
 * follow-up (from the national authority), half consultations (from the local body). Returns the
 * load's seconds.
 */
export async function loadFolios(
  db: Db,
  { nationalId, localIds, n }: { nationalId: string; localIds: string[]; n: number },
): Promise<number> {
  const loadStart = performance.now();
  const indexes = (
    (await db.execute(sql`select indexname, indexdef from pg_indexes
        where tablename in ('channel_communication', 'channel_folio', 'channel_folio_event')
          and indexname not like '%_pkey'`)) as unknown as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
  const localsArr = sql.raw(`ARRAY[${localIds.map((l) => `'${l}'::uuid`).join(',')}]`);
  // Deterministic ids (version-4 shaped UUIDs from md5) join the three tables without lookups.
  // Sent day: spread evenly over 2020-01-01 … 2024-12-31 (1,827 days) in folio order.
  await db.execute(sql`
      insert into channel_communication (id, module, year, number, numbering_org_id, origin_org_id,
        origin_label, document_type, nature, subject, body, sent_on)
      select overlay(overlay(md5('c' || g) placing '4' from 13) placing '8' from 17)::uuid, m.module, extract(year from d.day)::int, g, ${nationalId}::uuid,
        case when m.module = 'follow_up' then ${nationalId}::uuid else (${localsArr})[1 + g % ${localIds.length}] end,
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
      select overlay(overlay(md5('f' || g) placing '4' from 13) placing '8' from 17)::uuid, c.id, (${localsArr})[1 + g % ${localIds.length}], ${nationalId}::uuid, c.module, c.year, c.number,
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
      select f.id, ${nationalId}::uuid, 'bench', 'sent', null,
        case when f.module = 'follow_up' then 'pending_local' else 'in_process_national' end, f.received_on
      from channel_folio f`);
  await db.execute(sql`
      insert into channel_folio_event (folio_id, organization_id, actor_label, event, from_status,
        to_status, occurred_on)
      select f.id, ${nationalId}::uuid, 'bench', 'moved',
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
  return (performance.now() - loadStart) / 1000;
}
