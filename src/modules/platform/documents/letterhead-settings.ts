import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organization } from '../db/tenant';
import { readFile } from '../files/store-file';
import type { Letterhead, LetterheadLogo } from './letterhead';
import { documentSettings } from './schema';

// The organization's letterhead as every document printer receives it (letterhead.ts). Any module
// prints with it; accounts edits it (the administrator's letterhead screen).

export type DocumentSettingsRow = typeof documentSettings.$inferSelect;

export async function findDocumentSettings(db: Db, orgId: string): Promise<DocumentSettingsRow | undefined> {
  const [row] = await db.select().from(documentSettings).where(eq(documentSettings.organizationId, orgId));
  return row;
}

export async function saveDocumentSettings(
  db: Db,
  orgId: string,
  values: Partial<Omit<DocumentSettingsRow, 'organizationId' | 'updatedAt'>>,
): Promise<DocumentSettingsRow> {
  const [row] = await db
    .insert(documentSettings)
    .values({ organizationId: orgId, ...values })
    .onConflictDoUpdate({
      target: documentSettings.organizationId,
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

/** The logo of a letterhead by its stored hash, as the printers take it (undefined: none or gone). */
export async function letterheadLogo(
  db: Db,
  logo: { sha256: string; mediaType: LetterheadLogo['mediaType']; width: number; height: number } | null,
): Promise<LetterheadLogo | undefined> {
  if (!logo) return undefined;
  const file = await readFile(db, logo.sha256);
  return file && { data: file.content, mediaType: logo.mediaType, width: logo.width, height: logo.height };
}

/** The stored logo of a settings row, by hash and size, or null. */
export function logoOf(row: DocumentSettingsRow | undefined) {
  return row?.logoSha256 && row.logoMediaType && row.logoWidth && row.logoHeight
    ? { sha256: row.logoSha256, mediaType: row.logoMediaType, width: row.logoWidth, height: row.logoHeight }
    : null;
}

/** What every letterhead of an organization shares; each document adds its body and day of issue. */
export type OrganizationLetterhead = Omit<Letterhead, 'body' | 'issuedOn'>;

/** The organization's name and acronym, and the logo and lines its administrator set. */
export async function organizationLetterhead(db: Db, orgId: string): Promise<OrganizationLetterhead> {
  const [[org], settings] = await Promise.all([
    db
      .select({ name: organization.name, acronym: organization.acronym })
      .from(organization)
      .where(eq(organization.id, orgId)),
    findDocumentSettings(db, orgId),
  ]);
  return {
    organization: org?.name ?? '',
    acronym: org?.acronym ?? '',
    headerLines: settings?.headerLines ?? [],
    footerLines: settings?.footerLines ?? [],
    logo: await letterheadLogo(db, logoOf(settings)),
  };
}
