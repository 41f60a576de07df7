import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { PageQuerySchema, pageOf } from '../../shared/paging';

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ipAddress: z.string().nullable(),
    hash: z.string(),
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
