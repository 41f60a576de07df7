import { authorize } from '../accounts';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { AuditFacetsSchema, AuditListQuerySchema, AuditPageSchema } from './contract';
import { auditFacets, listAuditEntries } from './repository';

export const auditRoutes: ModuleRoutes = (api, ctx) => {
  api.get(
    '/api/audit',
    {
      schema: {
        tags: ['Bitácora'],
        summary: 'Bitácora de cambios de la organización',
        querystring: AuditListQuerySchema,
        response: responses({ 200: AuditPageSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'audit.read');
      return listAuditEntries(ctx.database.db, actor.organizationId, req.query);
    },
  );
  api.get(
    '/api/audit/facets',
    {
      schema: {
        tags: ['Bitácora'],
        summary: 'Acciones y tipos de registro presentes en la bitácora, para filtrar',
        response: responses({ 200: AuditFacetsSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'audit.read');
      return auditFacets(ctx.database.db, actor.organizationId);
    },
  );
};
