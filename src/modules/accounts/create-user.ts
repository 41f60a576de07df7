import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, invalid } from '../platform/errors';
import type { AuditActor } from '../platform/audit/record-audit';
import type { CreateUserInput, User } from './contract';
import { assertAcceptablePassword } from './password-policy';
import { emailTaken, findUser, insertUser, replaceUserAreas } from './repository';

/**
 * The ids among `ids` that are areas of the organization. The directory answers it; accounts sits
 * below the directory (every module, the directory too, authorizes through accounts), so the
 * composition root hands the directory's lookup in (`ctx.areaIdsOf`, src/server/runtime.ts).
 */
export type AreaIdsOf = (db: Db, organizationId: string, ids: string[]) => Promise<Set<string>>;

declare module '../platform/http/context' {
  interface ModuleServices {
    areaIdsOf: AreaIdsOf;
  }
}

/** Creates a user of `organizationId` with a password; used by the administrator and the CLI. */
export async function createUser(
  db: Db,
  actor: AuditActor,
  organizationId: string,
  input: CreateUserInput,
  areaIdsOf: AreaIdsOf,
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  assertAcceptablePassword(input.password, 'password', [input.name, email]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if (await emailTaken(tx, email)) {
      throw new AppError('DUPLICATE', 409, [
        { path: 'email', message: 'Ya existe una cuenta con este correo' },
      ]);
    }
    await assertAreas(tx, areaIdsOf, organizationId, input.areaIds);
    const id = crypto.randomUUID();
    await insertUser(tx, { id, organizationId, name: input.name, email, roles: input.roles, passwordHash });
    await replaceUserAreas(tx, id, input.areaIds);
    const created = (await findUser(tx, organizationId, id))!;
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: created,
      organizationId,
    });
    return created;
  });
}

export async function assertAreas(
  db: Db,
  areaIdsOf: AreaIdsOf,
  organizationId: string,
  areaIds: string[],
): Promise<void> {
  const found = await areaIdsOf(db, organizationId, areaIds);
  const missing = areaIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
  if (missing.length) {
    throw invalid(
      missing.map(({ i }) => ({ path: `areaIds.${i}`, message: 'El área no existe en su organización' })),
    );
  }
}
