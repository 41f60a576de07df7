import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import {
  findDocumentSettings,
  saveDocumentSettings,
  type DocumentSettingsRow,
} from '../platform/documents/letterhead-settings';
import type { ScopedAuditActor } from './actor';
import type { LetterheadSettings, LetterheadValues } from './letterhead-contract';

// The organization's letterhead and the report's legal basis, set by an administrator (issue 16).

export function presentLetterhead(row: DocumentSettingsRow | undefined): LetterheadSettings {
  return {
    headerLines: row?.headerLines ?? [],
    footerLines: row?.footerLines ?? [],
    legalBasis: row?.reportLegalBasis ?? null,
    logo:
      row?.logoSha256 && row.logoMediaType && row.logoWidth && row.logoHeight
        ? {
            filename: row.logoFilename ?? 'logotipo',
            mediaType: row.logoMediaType,
            width: row.logoWidth,
            height: row.logoHeight,
            sha256: row.logoSha256,
          }
        : null,
  };
}

export async function getLetterhead(db: Db, orgId: string): Promise<LetterheadSettings> {
  return presentLetterhead(await findDocumentSettings(db, orgId));
}

export async function updateLetterhead(
  db: Db,
  actor: ScopedAuditActor,
  input: LetterheadValues,
): Promise<LetterheadSettings> {
  return inTransaction(db, async (tx) => {
    const before = presentLetterhead(await findDocumentSettings(tx, actor.organizationId));
    const row = await saveDocumentSettings(tx, actor.organizationId, {
      headerLines: input.headerLines,
      footerLines: input.footerLines,
      reportLegalBasis: input.legalBasis,
    });
    const after = presentLetterhead(row);
    await recordAudit(tx, actor, {
      action: 'organization.letterhead',
      entityType: 'organization',
      entityId: actor.organizationId,
      before: { ...before, logo: undefined },
      after: { ...after, logo: undefined },
    });
    return after;
  });
}
