import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { AgreementSettings, AgreementSettingsInput } from './contract';
import * as repo from './repository';

/** The opinions' number prefix and the expiry alert schedule of the organization. */
export async function updateAgreementSettings(
  db: Db,
  actor: ScopedAuditActor,
  input: AgreementSettingsInput,
): Promise<AgreementSettings> {
  return inTransaction(db, async (tx) => {
    const before = await repo.getSettings(tx, actor.organizationId);
    const after = {
      opinionPrefix: input.opinionPrefix ?? before.opinionPrefix,
      alertLeadDays: input.alertLeadDays ?? before.alertLeadDays,
      alertRepeatDays: input.alertRepeatDays ?? before.alertRepeatDays,
    };
    await repo.saveSettings(tx, actor.organizationId, after);
    await recordAudit(tx, actor, {
      action: 'agreement_settings.update',
      entityType: 'agreement_settings',
      before,
      after,
    });
    return after;
  });
}
