import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor, authorize } from '../../accounts';
import { notFound } from '../../platform/errors';
import { responses, type ModuleRoutes } from '../../platform/http/types';
import { ConsentSchema } from '../contract';
import { assignStaff } from './assign-staff';
import {
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  AgendaItemSchema,
  AssignmentInputSchema,
  AssignmentSchema,
  CommunicationDetailSchema,
  CommunicationInputSchema,
  CommunicationSchema,
  GroupInputSchema,
  GroupMembersInputSchema,
  GroupPatchSchema,
  GroupSchema,
  IdParamsSchema,
  MissionInputSchema,
  MissionPatchSchema,
  MissionSchema,
  RegistrantConsentInputSchema,
  RegistrantDetailSchema,
  RegistrantInputSchema,
  RegistrantListQuerySchema,
  RegistrantPageSchema,
  RegistrantPatchSchema,
  RegistrantSchema,
  StaffOptionSchema,
  StaffQuerySchema,
} from './contract';
import { deleteAgendaItem } from './delete-agenda-item';
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

const tags = ['Personas observadoras y visitantes extranjeras'];

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
  api.get(
    '/api/observers/missions',
    {
      schema: {
        tags,
        summary: 'Misiones de acompañamiento',
        response: responses({ 200: z.array(MissionSchema) }),
      },
    },
    async (req) => repo.listMissions(db, await reader(req)),
  );
  api.post(
    '/api/observers/missions',
    {
      schema: {
        tags,
        summary: 'Crear una misión de acompañamiento (crea su base de contactos)',
        body: MissionInputSchema,
        response: responses({ 201: MissionSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createMission(db, await writer(req), req.body)),
  );
  api.get(
    '/api/observers/missions/:id',
    {
      schema: {
        tags,
        summary: 'Una misión',
        params: IdParamsSchema,
        response: responses({ 200: MissionSchema }),
      },
    },
    async (req) => missionOf(await reader(req), req.params.id),
  );
  api.patch(
    '/api/observers/missions/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una misión',
        params: IdParamsSchema,
        body: MissionPatchSchema,
        response: responses({ 200: MissionSchema }),
      },
    },
    async (req) => updateMission(db, await writer(req), req.params.id, req.body),
  );

  // ---- registrants
  api.get(
    '/api/observers/missions/:id/registrants',
    {
      schema: {
        tags,
        summary: 'Personas registradas en la misión',
        params: IdParamsSchema,
        querystring: RegistrantListQuerySchema,
        response: responses({ 200: RegistrantPageSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      await missionOf(orgId, req.params.id);
      return repo.listRegistrants(db, orgId, req.params.id, req.query);
    },
  );
  api.post(
    '/api/observers/missions/:id/registrants',
    {
      schema: {
        tags,
        summary: 'Registrar a una persona observadora o visitante extranjera',
        description:
          'Con los datos de la persona (se crea un contacto de Difusión en la base de la misión) o con contactId. ' +
          'Acreditada exige número de acreditación, único en la misión (409 DUPLICATE).',
        params: IdParamsSchema,
        body: RegistrantInputSchema,
        response: responses({ 201: RegistrantSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerRegistrant(db, await writer(req), req.params.id, req.body)),
  );
  api.get(
    '/api/observers/registrants/:id',
    {
      schema: {
        tags,
        summary: 'Una persona registrada con sus consentimientos y comunicaciones',
        params: IdParamsSchema,
        response: responses({ 200: RegistrantDetailSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      const r = await repo.findRegistrant(db, orgId, req.params.id);
      if (!r) throw notFound();
      const m = (await repo.findMissionRow(db, orgId, r.missionId))!;
      return {
        ...r,
        consents: await repo.consentsForMission(db, orgId, r.contactId, m.baseId),
        deliveries: await repo.deliveriesOfRegistrant(db, orgId, r.id),
      };
    },
  );
  api.patch(
    '/api/observers/registrants/:id',
    {
      schema: {
        tags,
        summary: 'Corregir un registro (estado de acreditación, grupo, datos de la persona)',
        params: IdParamsSchema,
        body: RegistrantPatchSchema,
        response: responses({ 200: RegistrantSchema }),
      },
    },
    async (req) => updateRegistrant(db, await writer(req), req.params.id, req.body),
  );
  api.delete(
    '/api/observers/registrants/:id',
    {
      schema: {
        tags,
        summary: 'Quitar un registro de la misión (el contacto y sus consentimientos se conservan)',
        description:
          '409 CONFLICT si la persona ya está en alguna comunicación de la misión: su registro de envíos se conserva.',
        params: IdParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await removeRegistrant(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/api/observers/registrants/:id/consents',
    {
      schema: {
        tags,
        summary: 'Registrar el consentimiento de una persona registrada, con su evidencia',
        params: IdParamsSchema,
        body: RegistrantConsentInputSchema,
        response: responses({ 201: ConsentSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordRegistrantConsent(db, await writer(req), req.params.id, req.body)),
  );

  // ---- groups
  api.get(
    '/api/observers/missions/:id/groups',
    {
      schema: {
        tags,
        summary: 'Grupos de la misión',
        params: IdParamsSchema,
        response: responses({ 200: z.array(GroupSchema) }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      await missionOf(orgId, req.params.id);
      return repo.listGroups(db, orgId, req.params.id);
    },
  );
  api.post(
    '/api/observers/missions/:id/groups',
    {
      schema: {
        tags,
        summary: 'Crear un grupo',
        params: IdParamsSchema,
        body: GroupInputSchema,
        response: responses({ 201: GroupSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createGroup(db, await writer(req), req.params.id, req.body)),
  );
  api.patch(
    '/api/observers/groups/:id',
    {
      schema: {
        tags,
        summary: 'Modificar un grupo',
        params: IdParamsSchema,
        body: GroupPatchSchema,
        response: responses({ 200: GroupSchema }),
      },
    },
    async (req) => updateGroup(db, await writer(req), req.params.id, req.body),
  );
  api.delete(
    '/api/observers/groups/:id',
    {
      schema: {
        tags,
        summary: 'Eliminar un grupo (sus integrantes quedan registrados sin grupo)',
        description:
          '409 CONFLICT, con lo que lo impide, si se le enviaron comunicaciones o tiene actividades de agenda o asignaciones de personal.',
        params: IdParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await removeGroup(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.put(
    '/api/observers/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Integrantes del grupo (reemplaza la lista)',
        params: IdParamsSchema,
        body: GroupMembersInputSchema,
        response: responses({ 200: GroupSchema }),
      },
    },
    async (req) => setMembers(db, await writer(req), req.params.id, req.body),
  );

  // ---- agenda
  api.get(
    '/api/observers/missions/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Agenda de la misión, con los recorridos por casillas',
        params: IdParamsSchema,
        response: responses({ 200: z.array(AgendaItemSchema) }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      await missionOf(orgId, req.params.id);
      return repo.listAgenda(db, orgId, req.params.id);
    },
  );
  api.post(
    '/api/observers/missions/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Agregar una actividad o un recorrido por casillas',
        params: IdParamsSchema,
        body: AgendaItemInputSchema,
        response: responses({ 201: AgendaItemSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createAgendaItem(db, await writer(req), req.params.id, req.body)),
  );
  api.patch(
    '/api/observers/agenda/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una actividad o recorrido (las paradas se reemplazan si se envían)',
        params: IdParamsSchema,
        body: AgendaItemPatchSchema,
        response: responses({ 200: AgendaItemSchema }),
      },
    },
    async (req) => updateAgendaItem(db, await writer(req), req.params.id, req.body),
  );
  api.delete(
    '/api/observers/agenda/:id',
    {
      schema: {
        tags,
        summary: 'Quitar una actividad de la agenda (con sus paradas y asignaciones)',
        params: IdParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await deleteAgendaItem(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- staff assignments
  api.get(
    '/api/observers/staff',
    {
      schema: {
        tags,
        summary: 'Personal que puede asignarse: usuarios y personas del directorio',
        querystring: StaffQuerySchema,
        response: responses({ 200: z.array(StaffOptionSchema) }),
      },
    },
    async (req) => repo.staffOptions(db, await reader(req), req.query.q),
  );
  api.get(
    '/api/observers/missions/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Asignaciones del personal',
        params: IdParamsSchema,
        response: responses({ 200: z.array(AssignmentSchema) }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      await missionOf(orgId, req.params.id);
      return repo.listAssignments(db, orgId, req.params.id);
    },
  );
  api.post(
    '/api/observers/missions/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Asignar personal a una actividad o a un grupo',
        params: IdParamsSchema,
        body: AssignmentInputSchema,
        response: responses({ 201: AssignmentSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assignStaff(db, await writer(req), req.params.id, req.body)),
  );
  api.delete(
    '/api/observers/assignments/:id',
    {
      schema: {
        tags,
        summary: 'Quitar una asignación',
        params: IdParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await removeAssignment(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- communications
  api.get(
    '/api/observers/missions/:id/communications',
    {
      schema: {
        tags,
        summary: 'Comunicaciones enviadas a las personas registradas',
        params: IdParamsSchema,
        response: responses({ 200: z.array(CommunicationSchema) }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      await missionOf(orgId, req.params.id);
      return repo.listCommunications(db, orgId, req.params.id);
    },
  );
  api.post(
    '/api/observers/missions/:id/communications',
    {
      schema: {
        tags,
        summary: 'Enviar una comunicación por correo (a todas las personas registradas o a un grupo)',
        description:
          'Solo a quienes tienen consentimiento vigente, correo y no se dieron de baja; las demás quedan como omitidas. ' +
          '409 NO_RECIPIENTS si nadie puede recibirla.',
        params: IdParamsSchema,
        body: CommunicationInputSchema,
        response: responses({ 201: CommunicationDetailSchema }),
      },
    },
    async (req, reply) => {
      const { communication, queued } = await createCommunication(
        db,
        await writer(req),
        req.params.id,
        req.body,
      );
      await enqueueDeliveries(ctx.jobs, queued);
      return reply.status(201).send(communication);
    },
  );
  api.get(
    '/api/observers/communications/:id',
    {
      schema: {
        tags,
        summary: 'Una comunicación con su estado por destinatario',
        params: IdParamsSchema,
        response: responses({ 200: CommunicationDetailSchema }),
      },
    },
    async (req) => {
      const found = await repo.findCommunication(db, await reader(req), req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
};
