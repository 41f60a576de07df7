import type { FastifyRequest } from 'fastify';
import { auditActor, authorize } from '../../accounts';
import { notFound } from '../../platform/errors';
import { route } from '../../platform/http/route';
import type { ModuleRoutes } from '../../platform/http/types';
import { assignStaff } from './assign-staff';
import { deleteAgendaItem } from './delete-agenda-item';
import * as endpoints from './endpoints';
import { enqueueDeliveries } from './jobs';
import { recordRegistrantConsent } from './record-registrant-consent';
import { registerRegistrant } from './register-registrant';
import { removeAssignment } from './remove-assignment';
import { removeGroup } from './remove-group';
import { removeRegistrant } from './remove-registrant';
import * as repo from './repository';
import { createAgendaItem, updateAgendaItem } from './save-agenda-item';
import { createGroup, updateGroup } from './save-group';
import { createMission, updateMission } from './save-mission';
import { createCommunication } from './send-communication';
import { setMembers } from './set-group-members';
import { updateRegistrant } from './update-registrant';

export const observersRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: FastifyRequest) => (await authorize(ctx, req, 'observers.read')).organizationId;
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'observers.write'));
  /** The mission of the organization, or 404. */
  const missionOf = async (orgId: string, id: string) => {
    const m = await repo.findMission(db, orgId, id);
    if (!m) throw notFound();
    return m;
  };

  // ---- missions
  route(api, endpoints.listMissions, async (req) => repo.listMissions(db, await reader(req)));
  route(api, endpoints.createMission, async (req) => createMission(db, await writer(req), req.body));
  route(api, endpoints.getMission, async (req) => missionOf(await reader(req), req.params.id));
  route(api, endpoints.updateMission, async (req) =>
    updateMission(db, await writer(req), req.params.id, req.body),
  );

  // ---- registrants
  route(api, endpoints.listRegistrants, async (req) => {
    const orgId = await reader(req);
    await missionOf(orgId, req.params.id);
    return repo.listRegistrants(db, orgId, req.params.id, req.query);
  });
  route(api, endpoints.registerRegistrant, async (req) =>
    registerRegistrant(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.getRegistrant, async (req) => {
    const orgId = await reader(req);
    const r = await repo.findRegistrant(db, orgId, req.params.id);
    if (!r) throw notFound();
    const m = (await repo.findMissionRow(db, orgId, r.missionId))!;
    return {
      ...r,
      consents: await repo.consentsForMission(db, orgId, r.contactId, m.baseId),
      deliveries: await repo.deliveriesOfRegistrant(db, orgId, r.id),
    };
  });
  route(api, endpoints.updateRegistrant, async (req) =>
    updateRegistrant(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.removeRegistrant, async (req) => {
    await removeRegistrant(db, await writer(req), req.params.id);
  });
  route(api, endpoints.recordRegistrantConsent, async (req) =>
    recordRegistrantConsent(db, await writer(req), req.params.id, req.body),
  );

  // ---- groups
  route(api, endpoints.listMissionGroups, async (req) => {
    const orgId = await reader(req);
    await missionOf(orgId, req.params.id);
    return repo.listGroups(db, orgId, req.params.id);
  });
  route(api, endpoints.createMissionGroup, async (req) =>
    createGroup(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.updateMissionGroup, async (req) =>
    updateGroup(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.removeMissionGroup, async (req) => {
    await removeGroup(db, await writer(req), req.params.id);
  });
  route(api, endpoints.setMissionGroupMembers, async (req) =>
    setMembers(db, await writer(req), req.params.id, req.body),
  );

  // ---- agenda
  route(api, endpoints.listMissionAgenda, async (req) => {
    const orgId = await reader(req);
    await missionOf(orgId, req.params.id);
    return repo.listAgenda(db, orgId, req.params.id);
  });
  route(api, endpoints.createAgendaItem, async (req) =>
    createAgendaItem(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.updateAgendaItem, async (req) =>
    updateAgendaItem(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.deleteAgendaItem, async (req) => {
    await deleteAgendaItem(db, await writer(req), req.params.id);
  });

  // ---- staff assignments
  route(api, endpoints.listAssignableStaff, async (req) =>
    repo.staffOptions(db, await reader(req), req.query.q),
  );
  route(api, endpoints.listStaffAssignments, async (req) => {
    const orgId = await reader(req);
    await missionOf(orgId, req.params.id);
    return repo.listAssignments(db, orgId, req.params.id);
  });
  route(api, endpoints.assignStaff, async (req) =>
    assignStaff(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.removeStaffAssignment, async (req) => {
    await removeAssignment(db, await writer(req), req.params.id);
  });

  // ---- communications
  route(api, endpoints.listMissionCommunications, async (req) => {
    const orgId = await reader(req);
    await missionOf(orgId, req.params.id);
    return repo.listCommunications(db, orgId, req.params.id);
  });
  route(api, endpoints.sendMissionCommunication, async (req) => {
    const { communication, queued } = await createCommunication(
      db,
      await writer(req),
      req.params.id,
      req.body,
    );
    await enqueueDeliveries(ctx.jobs, queued);
    return communication;
  });
  route(api, endpoints.getMissionCommunication, async (req) => {
    const found = await repo.findCommunication(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
};
