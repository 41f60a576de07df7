import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, invalid } from '../platform/http/errors';
import type { AuditActor } from '../audit/record-audit';
import type { CreateUserInput, User } from './contract';
import { emailTaken, existingAreaIds, findUser, insertUser, replaceUserAreas } from './repository';

/** Creates a user of `organizationId` with a password; used by the administrator and the CLI. */
export async function createUser(
  db: Db,
  actor: AuditActor,
  organizationId: string,
  input: CreateUserInput,
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if (await emailTaken(tx, email)) {
      throw new AppError('DUPLICATE', 409, [
        { path: 'email', message: 'Ya existe una cuenta con este correo' },
      ]);
    }
    await assertAreas(tx, organizationId, input.areaIds);
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

export async function assertAreas(db: Db, organizationId: string, areaIds: string[]): Promise<void> {
  const found = await existingAreaIds(db, organizationId, areaIds);
  const missing = areaIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
  if (missing.length) {
    throw invalid(
      missing.map(({ i }) => ({ path: `areaIds.${i}`, message: 'El área no existe en su organización' })),
    );
  }
}
