import { authorize } from '../accounts';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import * as endpoints from './endpoints';
import { auditFacets, listAuditEntries } from './repository';

export const auditRoutes: ModuleRoutes = (api, ctx) => {
  route(api, endpoints.listAuditEntries, async (req) => {
    const actor = await authorize(ctx, req, 'audit.read');
    return listAuditEntries(ctx.database.db, actor.organizationId, req.query);
  });
  route(api, endpoints.getAuditFacets, async (req) => {
    const actor = await authorize(ctx, req, 'audit.read');
    return auditFacets(ctx.database.db, actor.organizationId);
  });
};
