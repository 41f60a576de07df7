import type { Writable } from 'node:stream';
import type { Role } from '../../src/modules/accounts/contract';
import { createOrganization } from '../../src/modules/accounts/create-organization';
import { createUser } from '../../src/modules/accounts/create-user';
import { existingAreaIds } from '../../src/modules/directory';
import { loadConfig } from '../../src/modules/platform/config/config';
import { withInstallationSecret } from '../../src/modules/platform/config/installation-secret';
import { buildApp } from '../../src/server/app';
import { announceSetupLink, createContext } from '../../src/server/runtime';
import { createFirstOperator } from '../../src/modules/accounts/create-first-operator';
import { operatorExists } from '../../src/modules/accounts/repository';
import type { AppContext } from '../../src/modules/platform/http/context';
import { HttpClient } from './http-client';
import { openDatabase, type Database } from '../../src/modules/platform/db/client';
import { freshDatabase } from './test-database';

/** Another app instance's own connection to the same database (PGlite is in-process: shared). */
async function secondConnection(database: Database): Promise<Database & { dropCopy: () => Promise<void> }> {
  if (database.kind === 'pglite')
    return { ...database, close: async () => undefined, dropCopy: async () => undefined };
  return Object.assign(await openDatabase({ databaseUrl: database.url! }), {
    dropCopy: async () => undefined,
  });
}

export const TEST_PASSWORD = 'contraseña-de-prueba-1';

export const OPERATOR_EMAIL = 'operador@vincula.test';

export type TestOrg = { id: string; acronym: string; users: Record<Role, string> };

export type TestApp = {
  url: string;
  ctx: AppContext;
  /** A client signed in as the user of `org` holding `role`. */
  as(org: TestOrg, role: Role): Promise<HttpClient>;
  anonymous(): HttpClient;
  /** A client signed in as the installation's operator (created on first use). */
  asOperator(): Promise<HttpClient>;
  createOrg(acronym: string, kind?: 'national_authority' | 'local_body'): Promise<TestOrg>;
  close(): Promise<void>;
};

const ALL_ROLES: Role[] = [
  'administrator',
  'liaison_staff',
  'area_staff',
  'councillor',
  'auditor',
  'national_authority_staff',
];

/**
 * Starts Vincula as it runs in production: a real HTTP server on a free port over a fresh copy of
 * the migrated database (`demo`: with the data of `vincula demo`). `env` overrides configuration
 * for this app only.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    sameDatabaseAs?: TestApp;
    /** Listen on this port (a free one, known beforehand: e.g. an OpenID provider's callback). */
    port?: number;
    demo?: boolean;
    logStream?: Writable;
    /** Announce the setup link in the log as `vincula serve` does on a new installation. */
    firstRun?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.sameDatabaseAs
    ? await secondConnection(options.sameDatabaseAs.ctx.database)
    : await freshDatabase({ demo: options.demo });
  const fromEnv = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    VINCULA_DATA_DIR: '.tmp/unused',
    // Every test signs in from 127.0.0.1; throttling has its own test with a low limit.
    VINCULA_LOGIN_MAX_FAILURES: '1000',
    ...env,
  });
  const config = await withInstallationSecret(fromEnv, database);
  const ctx = createContext(config, database);
  const app = await buildApp(ctx, {
    logger: options.logStream
      ? { level: 'info', stream: options.logStream }
      : { level: process.env.TEST_LOG_LEVEL ?? 'silent' },
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  if (options.firstRun) await announceSetupLink(ctx, app.log);
  const system = { userId: null, label: 'test', organizationId: null };

  return {
    url,
    ctx,
    anonymous: () => new HttpClient(url),
    async asOperator() {
      if (!(await operatorExists(database.db))) {
        await createFirstOperator(
          database.db,
          { name: 'Operación de prueba', email: OPERATOR_EMAIL, password: TEST_PASSWORD },
          { label: 'test' },
        );
      }
      const client = new HttpClient(url);
      await client.signIn(OPERATOR_EMAIL, TEST_PASSWORD);
      return client;
    },
    async as(org, role) {
      const client = new HttpClient(url);
      await client.signIn(org.users[role], TEST_PASSWORD);
      return client;
    },
    async createOrg(acronym, kind = 'local_body') {
      const org = await createOrganization(database.db, system, {
        name: `Organismo ${acronym}`,
        acronym,
        kind,
      });
      const users = {} as Record<Role, string>;
      for (const role of ALL_ROLES) {
        const email = `${role.replace(/_/g, '-')}@${acronym.toLowerCase()}.test`;
        await createUser(
          database.db,
          { ...system, organizationId: org.id },
          org.id,
          {
            name: `${role} ${acronym}`,
            email,
            password: TEST_PASSWORD,
            roles: [role],
            areaIds: [],
          },
          existingAreaIds,
        );
        users[role] = email;
      }
      return { id: org.id, acronym, users };
    },
    async close() {
      await app.close();
      await database.close();
      await database.dropCopy();
    },
  };
}
