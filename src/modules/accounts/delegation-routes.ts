import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { authorize } from './actor';
import * as endpoints from './delegation/endpoints';
import { listDelegations, organizationToday } from './delegation-repository';
import { endDelegation } from './end-delegation';
import { recordDelegation } from './record-delegation';

// Delegations (encargo de despacho, ADR 0035): administrators record, list and end them.
export const delegationRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const admin = (req: Parameters<typeof authorize>[1]) => authorize(ctx, req, 'delegations.manage');

  route(api, endpoints.listDelegations, async (req) => {
    const actor = await admin(req);
    const today = await organizationToday(db, actor.organizationId);
    return listDelegations(db, actor.organizationId, req.query, today);
  });
  route(api, endpoints.createDelegation, async (req) => recordDelegation(db, await admin(req), req.body));
  route(api, endpoints.endDelegation, async (req) => endDelegation(db, await admin(req), req.params.id));
};
