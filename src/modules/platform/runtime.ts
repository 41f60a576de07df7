import { createAuth } from '../accounts/auth';
import type { Config } from './config/config';
import { migrateDatabase, openDatabase, type Database } from './db/client';
import type { AppContext } from './http/context';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  await migrateDatabase(database);
  return database;
}

export function createContext(config: Config, database: Database): AppContext {
  return { config, database, auth: createAuth(database.db, config) };
}
