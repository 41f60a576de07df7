import { z } from 'zod';
import { defineEndpoint } from '../../../shared/endpoint';
import { ConsentSchema } from '../contract';
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

// The observers' endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const tags = ['Personas observadoras y visitantes extranjeras'];

export const listMissions = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions',
  operationId: 'listMissions',
  tags,
  summary: 'Misiones de acompañamiento',
  response: z.array(MissionSchema),
});
export const createMission = defineEndpoint({
  method: 'POST',
  path: '/api/observers/missions',
  operationId: 'createMission',
  tags,
  summary: 'Crear una misión de acompañamiento (crea su base de contactos)',
  body: MissionInputSchema,
  status: 201,
  response: MissionSchema,
});
export const getMission = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions/:id',
  operationId: 'getMission',
  tags,
  summary: 'Una misión',
  params: IdParamsSchema,
  response: MissionSchema,
});
export const updateMission = defineEndpoint({
  method: 'PATCH',
  path: '/api/observers/missions/:id',
  operationId: 'updateMission',
  tags,
  summary: 'Modificar una misión',
  params: IdParamsSchema,
  body: MissionPatchSchema,
  response: MissionSchema,
});
export const listRegistrants = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions/:id/registrants',
  operationId: 'listRegistrants',
  tags,
  summary: 'Personas registradas en la misión',
  params: IdParamsSchema,
  query: RegistrantListQuerySchema,
  response: RegistrantPageSchema,
});
export const registerRegistrant = defineEndpoint({
  method: 'POST',
  path: '/api/observers/missions/:id/registrants',
  operationId: 'registerRegistrant',
  tags,
  summary: 'Registrar a una persona observadora o visitante extranjera',
  description:
    'Con los datos de la persona (se crea un contacto de Difusión en la base de la misión) o con contactId. ' +
    'Acreditada exige número de acreditación, único en la misión (409 DUPLICATE).',
  params: IdParamsSchema,
  body: RegistrantInputSchema,
  status: 201,
  response: RegistrantSchema,
});
export const getRegistrant = defineEndpoint({
  method: 'GET',
  path: '/api/observers/registrants/:id',
  operationId: 'getRegistrant',
  tags,
  summary: 'Una persona registrada con sus consentimientos y comunicaciones',
  params: IdParamsSchema,
  response: RegistrantDetailSchema,
});
export const updateRegistrant = defineEndpoint({
  method: 'PATCH',
  path: '/api/observers/registrants/:id',
  operationId: 'updateRegistrant',
  tags,
  summary: 'Corregir un registro (estado de acreditación, grupo, datos de la persona)',
  params: IdParamsSchema,
  body: RegistrantPatchSchema,
  response: RegistrantSchema,
});
export const removeRegistrant = defineEndpoint({
  method: 'DELETE',
  path: '/api/observers/registrants/:id',
  operationId: 'removeRegistrant',
  tags,
  summary: 'Quitar un registro de la misión (el contacto y sus consentimientos se conservan)',
  description:
    '409 CONFLICT si la persona ya está en alguna comunicación de la misión: su registro de envíos se conserva.',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});
export const recordRegistrantConsent = defineEndpoint({
  method: 'POST',
  path: '/api/observers/registrants/:id/consents',
  operationId: 'recordRegistrantConsent',
  tags,
  summary: 'Registrar el consentimiento de una persona registrada, con su evidencia',
  params: IdParamsSchema,
  body: RegistrantConsentInputSchema,
  status: 201,
  response: ConsentSchema,
});
export const listMissionGroups = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions/:id/groups',
  operationId: 'listMissionGroups',
  tags,
  summary: 'Grupos de la misión',
  params: IdParamsSchema,
  response: z.array(GroupSchema),
});
export const createMissionGroup = defineEndpoint({
  method: 'POST',
  path: '/api/observers/missions/:id/groups',
  operationId: 'createMissionGroup',
  tags,
  summary: 'Crear un grupo',
  params: IdParamsSchema,
  body: GroupInputSchema,
  status: 201,
  response: GroupSchema,
});
export const updateMissionGroup = defineEndpoint({
  method: 'PATCH',
  path: '/api/observers/groups/:id',
  operationId: 'updateMissionGroup',
  tags,
  summary: 'Modificar un grupo',
  params: IdParamsSchema,
  body: GroupPatchSchema,
  response: GroupSchema,
});
export const removeMissionGroup = defineEndpoint({
  method: 'DELETE',
  path: '/api/observers/groups/:id',
  operationId: 'removeMissionGroup',
  tags,
  summary: 'Eliminar un grupo (sus integrantes quedan registrados sin grupo)',
  description:
    '409 CONFLICT, con lo que lo impide, si se le enviaron comunicaciones o tiene actividades de agenda o asignaciones de personal.',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});
export const setMissionGroupMembers = defineEndpoint({
  method: 'PUT',
  path: '/api/observers/groups/:id/members',
  operationId: 'setMissionGroupMembers',
  tags,
  summary: 'Integrantes del grupo (reemplaza la lista)',
  params: IdParamsSchema,
  body: GroupMembersInputSchema,
  response: GroupSchema,
});
export const listMissionAgenda = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions/:id/agenda',
  operationId: 'listMissionAgenda',
  tags,
  summary: 'Agenda de la misión, con los recorridos por casillas',
  params: IdParamsSchema,
  response: z.array(AgendaItemSchema),
});
export const createAgendaItem = defineEndpoint({
  method: 'POST',
  path: '/api/observers/missions/:id/agenda',
  operationId: 'createAgendaItem',
  tags,
  summary: 'Agregar una actividad o un recorrido por casillas',
  params: IdParamsSchema,
  body: AgendaItemInputSchema,
  status: 201,
  response: AgendaItemSchema,
});
export const updateAgendaItem = defineEndpoint({
  method: 'PATCH',
  path: '/api/observers/agenda/:id',
  operationId: 'updateAgendaItem',
  tags,
  summary: 'Modificar una actividad o recorrido (las paradas se reemplazan si se envían)',
  params: IdParamsSchema,
  body: AgendaItemPatchSchema,
  response: AgendaItemSchema,
});
export const deleteAgendaItem = defineEndpoint({
  method: 'DELETE',
  path: '/api/observers/agenda/:id',
  operationId: 'deleteAgendaItem',
  tags,
  summary: 'Quitar una actividad de la agenda (con sus paradas y asignaciones)',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});
export const listAssignableStaff = defineEndpoint({
  method: 'GET',
  path: '/api/observers/staff',
  operationId: 'listAssignableStaff',
  tags,
  summary: 'Personal que puede asignarse: usuarios y personas del directorio',
  query: StaffQuerySchema,
  response: z.array(StaffOptionSchema),
});
export const listStaffAssignments = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions/:id/assignments',
  operationId: 'listStaffAssignments',
  tags,
  summary: 'Asignaciones del personal',
  params: IdParamsSchema,
  response: z.array(AssignmentSchema),
});
export const assignStaff = defineEndpoint({
  method: 'POST',
  path: '/api/observers/missions/:id/assignments',
  operationId: 'assignStaff',
  tags,
  summary: 'Asignar personal a una actividad o a un grupo',
  params: IdParamsSchema,
  body: AssignmentInputSchema,
  status: 201,
  response: AssignmentSchema,
});
export const removeStaffAssignment = defineEndpoint({
  method: 'DELETE',
  path: '/api/observers/assignments/:id',
  operationId: 'removeStaffAssignment',
  tags,
  summary: 'Quitar una asignación',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});
export const listMissionCommunications = defineEndpoint({
  method: 'GET',
  path: '/api/observers/missions/:id/communications',
  operationId: 'listMissionCommunications',
  tags,
  summary: 'Comunicaciones enviadas a las personas registradas',
  params: IdParamsSchema,
  response: z.array(CommunicationSchema),
});
export const sendMissionCommunication = defineEndpoint({
  method: 'POST',
  path: '/api/observers/missions/:id/communications',
  operationId: 'sendMissionCommunication',
  tags,
  summary: 'Enviar una comunicación por correo (a todas las personas registradas o a un grupo)',
  description:
    'Solo a quienes tienen consentimiento vigente, correo y no se dieron de baja; las demás quedan como omitidas. ' +
    '409 NO_RECIPIENTS si nadie puede recibirla.',
  params: IdParamsSchema,
  body: CommunicationInputSchema,
  status: 201,
  response: CommunicationDetailSchema,
});
export const getMissionCommunication = defineEndpoint({
  method: 'GET',
  path: '/api/observers/communications/:id',
  operationId: 'getMissionCommunication',
  tags,
  summary: 'Una comunicación con su estado por destinatario',
  params: IdParamsSchema,
  response: CommunicationDetailSchema,
});
