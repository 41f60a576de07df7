import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Database } from '../db/client';

/**
 * A backup is one gzip file of JSON lines: a header, then every row of every application table as
 * PostgreSQL's own JSON rendering (row_to_json). Stored files live in a table, so they travel with
 * it. Restoring inserts the rows back with json_populate_recordset, which reverses row_to_json
 * for every column type; the same file restores into PGlite or PostgreSQL.
 */
export const BACKUP_FORMAT = 'vincula-backup/1';
const BATCH = 2000;

type Header = { format: string; createdAt: string; migrations: string[]; tables: string[] };

/** Application tables, parents before children where the references allow an order. */
async function tablesInDependencyOrder(database: Database): Promise<string[]> {
  const tables = await database.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const deps = await database.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const pending = new Set(tables.map((t) => t.name));
  const ordered: string[] = [];
  while (pending.size) {
    let ready = [...pending].filter((t) => !deps.some((d) => d.child === t && pending.has(d.parent)));
    // Tables that reference each other: any order will do, the restore defers the checks.
    if (!ready.length) ready = [[...pending].sort()[0]!];
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

async function appliedMigrations(database: Database): Promise<string[]> {
  const rows = await database.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by id',
  );
  return rows.map((r) => r.hash);
}

/** The one table an installation writes by merely starting (its generated secret): not data. */
const STARTED_ONLY = 'installation_secret';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function backupTo(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const tables = await tablesInDependencyOrder(database);
  const header: Header = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(database),
    tables,
  };
  let rows = 0;
  async function* lines() {
    yield `${JSON.stringify(header)}\n`;
    for (const table of tables) {
      // ctid pages through the heap without needing to know each table's key.
      for (let offset = 0; ; offset += BATCH) {
        const batch = await database.query<{ r: unknown }>(
          `select row_to_json(t) as r from ${ident(table)} t order by t.ctid limit ${BATCH} offset ${offset}`,
        );
        for (const { r } of batch) yield `${JSON.stringify({ t: table, r })}\n`;
        rows += batch.length;
        if (batch.length < BATCH) break;
      }
    }
  }
  await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(file));
  return { tables: tables.length, rows };
}

export async function restoreFrom(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const reader = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const lines = reader[Symbol.asyncIterator]();
  const first = await lines.next().catch(() => ({ done: true, value: undefined }));
  const header = first.done ? undefined : (JSON.parse(first.value as string) as Header);
  if (header?.format !== BACKUP_FORMAT) {
    throw new AppError('IMPORT_UNREADABLE', 400, [], 'El archivo no es un respaldo de Vincula.');
  }
  await assertEmptyAndCompatible(database, header);
  // Every sequence a restored column draws from, whatever its kind: identity columns (deptype
  // 'i') and serial columns (bigserial, deptype 'a'). Left behind, they would hand out keys the
  // restored rows already hold (409 DUPLICATE on the first campaign or communication).
  const sequences = await database.query<{ sequence: string; table_name: string; column_name: string }>(
    `select format('%I.%I', sn.nspname, s.relname) as sequence, t.relname as table_name, a.attname as column_name
       from pg_class s
       join pg_namespace sn on sn.oid = s.relnamespace
       join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid
        and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       join pg_class t on t.oid = d.refobjid
       join pg_namespace n on n.oid = t.relnamespace
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where s.relkind = 'S' and n.nspname = 'public'`,
  );
  // Generated columns are computed again by the database; they cannot be written.
  const written = new Map<string, SQL>();
  for (const c of await database.query<{ table_name: string; columns: string[] }>(
    `select table_name, array_agg(column_name::text order by ordinal_position) as columns
       from information_schema.columns where table_schema = 'public' and is_generated = 'NEVER'
       group by table_name`,
  ))
    written.set(
      c.table_name,
      sql.join(
        c.columns.map((name) => sql.identifier(name)),
        sql`, `,
      ),
    );

  let rows = 0;
  const tablesSeen = new Set<string>();
  // One transaction: a backup is restored whole or not at all.
  await database.db.transaction(async (tx) => {
    // Foreign keys are deferrable (migration 0006): rows may arrive before the rows they point at.
    await tx.execute(sql`set constraints all deferred`);
    // The backup's secrets replace those the target generated when it was started, so that the
    // links and sessions they signed still hold.
    if (header.tables.includes(STARTED_ONLY))
      await tx.execute(sql`delete from ${sql.identifier(STARTED_ONLY)}`);
    let table: string | undefined;
    let pending: unknown[] = [];
    const flush = async () => {
      if (!table || !pending.length) return;
      const columns = written.get(table)!;
      await tx.execute(
        sql`insert into ${sql.identifier(table)} (${columns}) overriding system value
            select ${columns} from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(pending)}::json)`,
      );
      rows += pending.length;
      pending = [];
    };
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (!next.value) continue;
      const { t, r } = JSON.parse(next.value) as { t: string; r: unknown };
      if (!header.tables.includes(t))
        throw new AppError('IMPORT_UNREADABLE', 400, [], `Tabla desconocida en el respaldo: ${t}`);
      if (t !== table || pending.length >= BATCH) {
        await flush();
        table = t;
      }
      tablesSeen.add(t);
      pending.push(r);
    }
    await flush();
    // Sequences continue after the restored values.
    for (const c of sequences) {
      await tx.execute(
        sql`select setval(${c.sequence}::regclass,
              coalesce((select max(${sql.identifier(c.column_name)}) from ${sql.identifier(c.table_name)}), 0) + 1, false)`,
      );
    }
  });
  return { tables: tablesSeen.size, rows };
}

async function assertEmptyAndCompatible(database: Database, header: Header): Promise<void> {
  const mine = await appliedMigrations(database);
  if (mine.join() !== header.migrations.join()) {
    throw new AppError(
      'CONFLICT',
      409,
      [],
      'El respaldo corresponde a otra versión del esquema de la base de datos.',
    );
  }
  for (const table of header.tables) {
    if (table === STARTED_ONLY) continue;
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${ident(table)}`);
    if ((row?.n ?? 0) > 0) {
      throw new AppError('CONFLICT', 409, [], `La base de datos de destino no está vacía (tabla ${table}).`);
    }
  }
}
