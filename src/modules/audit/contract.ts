import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    /** Whom the actor acted for (encargo de despacho, ADR 0035): «A, por ausencia de B». */
    onBehalfOfUserId: z.string().nullable(),
    onBehalfOfLabel: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ipAddress: z.string().nullable(),
    hash: z.string(),
    /** The record still exists and has a page (RECORD_PAGES): the trail links to it. */
    recordExists: z.boolean(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = PageQuerySchema.extend({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorUserId: z.string().trim().max(100).optional(),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;
export const AuditPageSchema = pageOf(AuditEntrySchema);

/** The actions and entity types present in the organization's trail, for filters. */
export const AuditFacetsSchema = z
  .object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) })
  .meta({ id: 'AuditFacets' });
export type AuditFacets = z.infer<typeof AuditFacetsSchema>;

/**
 * Record types of the trail that have a page of their own, and the page's address before the id.
 * The type is also the record's table (each with a uuid `id`), so the trail can tell whether the
 * record still exists before offering a link to it.
 */
export const RECORD_PAGES: Readonly<Record<string, string>> = {
  area: '/directorio/areas/',
  person: '/directorio/personas/',
  instrument: '/convenios/instrumentos/',
  channel_folio: '/canal/folios/',
  governing_body: '/gobierno/organos/',
  body_session: '/gobierno/sesiones/',
  outreach_contact: '/difusion/contactos/',
  outreach_campaign: '/difusion/campanas/',
  observers_mission: '/acompanamiento/',
};

/** The address of an entry's record, when it has a page and still exists. */
export function recordPage(
  entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'recordExists'>,
): string | null {
  const page = RECORD_PAGES[entry.entityType];
  return page && entry.entityId && entry.recordExists ? page + entry.entityId : null;
}
