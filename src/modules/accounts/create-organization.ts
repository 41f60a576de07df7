import { recordAudit, type AuditActor } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { organization } from './schema';

export type OrganizationInput = {
  name: string;
  acronym: string;
  kind: 'national_authority' | 'local_body';
  state?: string | null;
};

/** Adds an organization (a tenant) to the installation; done from the CLI by the operator. */
export async function createOrganization(db: Db, actor: AuditActor, input: OrganizationInput) {
  return inTransaction(db, async (tx) => {
    const [created] = await tx.insert(organization).values(input).returning();
    await recordAudit(tx, actor, {
      action: 'organization.create',
      entityType: 'organization',
      entityId: created!.id,
      organizationId: created!.id,
      after: created,
    });
    return created!;
  });
}
