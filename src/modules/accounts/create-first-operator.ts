import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import type { FirstOperatorInput } from './contract';
import {
  emailTaken,
  findSetupToken,
  insertUser,
  installationOrganization,
  markSetupTokenUsed,
  operatorExists,
} from './repository';
import { assertAcceptablePassword } from './password-policy';
import { organization } from './schema';
import { linkTokenHash } from './tokens';

// Two setups at once (two browsers, the link and the CLI) wait on each other: one operator wins.
const SETUP_LOCK = 724_310_023;

/** The installation's own tenant, which holds its operators and nothing else (ADR 0023). */
const INSTALLATION = {
  name: 'Operación de la instalación',
  acronym: 'VINCULA',
  kind: 'installation',
} as const;

/**
 * Creates the installation's first operator: through a setup link (`token`, from the web page) or
 * from the command line (`vincula setup`, no token: whoever runs it already has the server). Refused
 * once an operator exists, and the link once used.
 */
export async function createFirstOperator(
  db: Db,
  input: FirstOperatorInput,
  via: { token?: string; label: string; ip?: string | null },
): Promise<{ userId: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  assertAcceptablePassword(input.password, 'password', [input.name, email]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const hash = via.token === undefined ? null : linkTokenHash(via.token);
    if (hash !== null) {
      const link = await findSetupToken(tx, hash);
      if (!link) throw new AppError('SETUP_LINK_INVALID', 404);
      if (link.usedAt) throw new AppError('SETUP_LINK_USED', 410);
    }
    if (await operatorExists(tx)) throw new AppError('SETUP_COMPLETE', 409);
    if (await emailTaken(tx, email)) {
      throw new AppError('DUPLICATE', 409, [
        { path: 'email', message: 'Ya existe una cuenta con este correo' },
      ]);
    }
    const tenant =
      (await installationOrganization(tx)) ??
      (await tx.insert(organization).values(INSTALLATION).returning())[0]!;
    const userId = crypto.randomUUID();
    await insertUser(tx, {
      id: userId,
      organizationId: tenant.id,
      name: input.name,
      email,
      roles: [],
      passwordHash,
    });
    if (hash !== null) await markSetupTokenUsed(tx, hash);
    await recordAudit(
      tx,
      { userId: null, label: via.label, organizationId: tenant.id, ip: via.ip ?? null },
      {
        action: 'installation.first_operator',
        entityType: 'user',
        entityId: userId,
        after: { name: input.name, email, via: hash === null ? 'cli' : 'setup_link' },
      },
    );
    return { userId, email };
  });
}

/** Whether a setup link can still be used: 404, 410 or 409 as `createFirstOperator` would answer. */
export async function checkSetupLink(db: Db, token: string): Promise<void> {
  const link = await findSetupToken(db, linkTokenHash(token));
  if (!link) throw new AppError('SETUP_LINK_INVALID', 404);
  if (link.usedAt) throw new AppError('SETUP_LINK_USED', 410);
  if (await operatorExists(db)) throw new AppError('SETUP_COMPLETE', 409);
}
