import { auditActor, authorize } from '../accounts';
import { notFound } from '../platform/errors';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { createArea } from './create-area';
import { deleteDirectoryRecord } from './delete-directory-record';
import { createInstitution } from './create-institution';
import { createPerson } from './create-person';
import * as endpoints from './endpoints';
import * as repo from './repository';
import { addPosition, removePosition, updatePosition } from './save-position';
import { updateArea } from './update-area';
import { updateInstitution } from './update-institution';
import { updatePerson } from './update-person';

export const directoryRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const writer = async (req: Parameters<typeof authorize>[1]) =>
    auditActor(await authorize(ctx, req, 'directory.write'));
  const reader = async (req: Parameters<typeof authorize>[1]) =>
    (await authorize(ctx, req, 'directory.read')).organizationId;

  // ---- institutions
  route(api, endpoints.listInstitutions, async (req) =>
    repo.listInstitutions(db, await reader(req), req.query),
  );
  route(api, endpoints.getInstitution, async (req) => {
    const found = await repo.findInstitution(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.createInstitution, async (req) => createInstitution(db, await writer(req), req.body));
  route(api, endpoints.updateInstitution, async (req) =>
    updateInstitution(db, await writer(req), req.params.id, req.body),
  );

  // ---- areas
  route(api, endpoints.listAreas, async (req) => repo.listAreas(db, await reader(req), req.query));
  route(api, endpoints.getArea, async (req) => {
    const organizationId = await reader(req);
    const found = await repo.findArea(db, organizationId, req.params.id);
    if (!found) throw notFound();
    return { ...found, heads: await repo.areaHeads(db, organizationId, found.id) };
  });
  route(api, endpoints.createArea, async (req) => createArea(db, await writer(req), req.body));
  route(api, endpoints.updateArea, async (req) => updateArea(db, await writer(req), req.params.id, req.body));

  // ---- people and positions
  route(api, endpoints.listPeople, async (req) => repo.listPeople(db, await reader(req), req.query));
  route(api, endpoints.getPerson, async (req) => {
    const organizationId = await reader(req);
    const found = await repo.findPerson(db, organizationId, req.params.id);
    if (!found) throw notFound();
    return { ...found, positions: await repo.positionsOf(db, organizationId, [found.id]) };
  });
  route(api, endpoints.createPerson, async (req) => createPerson(db, await writer(req), req.body));
  route(api, endpoints.updatePerson, async (req) =>
    updatePerson(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.addPosition, async (req) =>
    addPosition(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.updatePosition, async (req) =>
    updatePosition(db, await writer(req), req.params.id, req.params.positionId, req.body),
  );
  route(api, endpoints.removePosition, async (req) => {
    await removePosition(db, await writer(req), req.params.id, req.params.positionId);
  });

  // ---- deletion of records registered by mistake
  for (const [endpoint, entity] of [
    [endpoints.deleteInstitution, 'institution'],
    [endpoints.deleteArea, 'area'],
    [endpoints.deletePerson, 'person'],
  ] as const) {
    route(api, endpoint, async (req) => {
      await deleteDirectoryRecord(db, await writer(req), entity, req.params.id);
    });
  }
};
