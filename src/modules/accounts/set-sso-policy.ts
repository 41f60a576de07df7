import { recordAudit } from '../platform/audit/record-audit';
import type { Config } from '../platform/config/config';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { ERROR_CODES } from '../../shared/errors';
import { auditActor, type Actor } from './actor';
import type { SsoPolicy } from './sso-contract';
import { readSsoPolicy } from './sso-policy';
import { hasLinkedAccount, saveSsoRequired } from './sso-repository';

/**
 * An administrator requires (or stops requiring) that the organization's people enter with their
 * institutional account. Requiring it needs a configured provider and that the administrator has
 * entered through one of them: an organization cannot lock itself out with a provider nobody tried.
 * Sessions already open stay open until they end (at most 12 hours).
 */
export async function setSsoPolicy(
  db: Db,
  config: Config,
  actor: Actor,
  required: boolean,
): Promise<SsoPolicy> {
  const current = await readSsoPolicy(db, config, actor.organizationId);
  if (required && current.providers.length === 0) {
    throw refusal('SSO_NOT_AVAILABLE');
  }
  if (
    required &&
    !(await hasLinkedAccount(
      db,
      actor.userId,
      current.providers.map((p) => p.id),
    ))
  ) {
    throw refusal('SSO_NOT_TRIED');
  }
  return inTransaction(db, async (tx) => {
    await saveSsoRequired(tx, actor.organizationId, required);
    await recordAudit(tx, auditActor(actor), {
      action: 'organization.sso_policy',
      entityType: 'organization',
      entityId: actor.organizationId,
      before: { required: current.required },
      after: { required },
    });
    return { required, providers: current.providers };
  });
}

function refusal(code: 'SSO_NOT_AVAILABLE' | 'SSO_NOT_TRIED'): AppError {
  return new AppError(code, 409, [{ path: 'required', message: ERROR_CODES[code] }]);
}
