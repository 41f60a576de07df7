import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client';
import type { Config, EnvConfig } from './config';
import { storedSecret } from './repository';

/**
 * The configuration with its secret: VINCULA_SECRET when set, otherwise the installation's own,
 * generated at random on its first start (256 bits) and kept in its database — the data folder of
 * the embedded database, or the PostgreSQL server every instance shares. Nothing is ever signed
 * with a value published in the code.
 */
export async function withInstallationSecret(config: EnvConfig, database: Database): Promise<Config> {
  const secret =
    config.secret ?? (await storedSecret(database.db, 'signing', randomBytes(32).toString('base64url')));
  return { ...config, secret };
}
