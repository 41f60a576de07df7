import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, notFound } from '../platform/errors';
import { auditActor, type Actor } from './actor';
import type { UpdateUserInput, User } from './contract';
import { assertAreas, type AreaIdsOf } from './create-user';
import { assertAcceptablePassword } from './password-policy';
import { findUser, replaceUserAreas, revokeSessions, setUserPassword, updateUserRow } from './repository';

/**
 * The administrator's changes to a user of the same organization: name, roles, areas, password
 * reset, disabling. Disabling or resetting the password closes the user's sessions. An
 * administrator cannot lock themself out (drop their own administrator role or disable themself).
 */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  areaIdsOf: AreaIdsOf,
): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(db, async (tx) => {
    const before = await findUser(tx, actor.organizationId, id);
    if (!before) throw notFound();
    if (input.password) assertAcceptablePassword(input.password, 'password', [before.name, before.email]);
    if (id === actor.userId && (input.disabled || (input.roles && !input.roles.includes('administrator')))) {
      throw conflict('No puede desactivar su propia cuenta ni quitarse el rol de administrador.', [
        { path: input.disabled ? 'disabled' : 'roles', message: 'No aplica a su propia cuenta' },
      ]);
    }
    if (input.areaIds) {
      await assertAreas(tx, areaIdsOf, actor.organizationId, input.areaIds);
      await replaceUserAreas(tx, id, input.areaIds);
    }
    await updateUserRow(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.roles !== undefined ? { roles: input.roles } : {}),
      ...(input.disabled !== undefined ? { disabledAt: input.disabled ? new Date() : null } : {}),
    });
    if (passwordHash) await setUserPassword(tx, id, passwordHash);
    if (input.disabled || passwordHash) await revokeSessions(tx, id);
    const after = (await findUser(tx, actor.organizationId, id))!;
    await recordAudit(tx, auditActor(actor), {
      action: passwordHash ? 'user.update_with_password_reset' : 'user.update',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
