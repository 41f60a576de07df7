import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { organization } from './schema';

export type OrganizationInput = {
  name: string;
  acronym: string;
  kind: 'national_authority' | 'local_body';
  state?: string | null;
  timeZone?: string;
};

/**
 * Adds an organization (a tenant) to the installation: an operator from the Organizaciones screen,
 * the demo and the tests in code. A new local body is at once a recipient of the national
 * authority's communications (the channel lists local bodies as it sends).
 */
export async function createOrganization(db: Db, actor: AuditActor, input: OrganizationInput) {
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(eq(organization.acronym, input.acronym));
    if (taken) {
      throw new AppError('DUPLICATE', 409, [
        { path: 'acronym', message: 'Ya existe una organización con estas siglas' },
      ]);
    }
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
