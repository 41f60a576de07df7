import { randomBytes } from 'node:crypto';
import type { contact } from './schema';
import { auditDigest } from './rules';

// Audit entries of outreach never hold personal data: a contact appears by id with HMAC digests
// of its personal fields, keyed by the contact's own salt. The digests still show *that* a field
// changed (before ≠ after) and let an auditor holding the live value check it; once the contact is
// erased its salt is destroyed and the digests can no longer be linked to anyone (ADR 0014).

export const newAuditSalt = () => randomBytes(24).toString('base64url');

const PERSONAL_FIELDS = ['fullName', 'email', 'phone', 'city', 'affiliation', 'notes'] as const;

export function contactAuditView(row: typeof contact.$inferSelect, baseIds: string[] = []) {
  const salt = row.auditSalt ?? '';
  const digests: Record<string, string | null> = {};
  for (const f of PERSONAL_FIELDS) digests[f] = salt ? auditDigest(salt, row[f]) : null;
  return {
    id: row.id,
    kind: row.kind,
    country: row.country,
    tags: row.tags,
    baseIds,
    erased: !!row.erasedAt,
    digests,
  };
}
