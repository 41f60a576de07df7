import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization } from '../db/tenant';
import { storedFile } from '../files/schema';

/**
 * The organization's letterhead, set once by an administrator and printed on every document
 * Vincula issues: the logo (a stored PNG or JPEG, by its hash, with its size in pixels so the
 * printers can scale it without decoding it), the header and footer lines, and the legal basis the
 * quarterly report opens with. No row: the documents carry the organization's name only.
 */
export const documentSettings = pgTable('document_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organization.id),
  logoSha256: text('logo_sha256').references(() => storedFile.sha256),
  logoMediaType: text('logo_media_type', { enum: ['image/png', 'image/jpeg'] }),
  logoWidth: integer('logo_width'),
  logoHeight: integer('logo_height'),
  logoFilename: text('logo_filename'),
  headerLines: jsonb('header_lines').$type<string[]>().notNull().default([]),
  footerLines: jsonb('footer_lines').$type<string[]>().notNull().default([]),
  reportLegalBasis: text('report_legal_basis'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
