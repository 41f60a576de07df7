import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import {
  AreaDetailSchema,
  AreaInputSchema,
  AreaListQuerySchema,
  AreaPageSchema,
  AreaPatchSchema,
  AreaSchema,
  IdParamsSchema,
  InstitutionInputSchema,
  InstitutionListQuerySchema,
  InstitutionPageSchema,
  InstitutionPatchSchema,
  InstitutionSchema,
  PersonDetailSchema,
  PersonInputSchema,
  PersonListQuerySchema,
  PersonPageSchema,
  PersonPatchSchema,
  PersonSchema,
  PositionInputSchema,
  PositionParamsSchema,
  PositionSchema,
} from './contract';

// The directory's endpoints (ADR 0022): routes.ts registers them, ui/api.ts calls them.
const tags = ['Directorio'];

// ---- institutions
export const listInstitutions = defineEndpoint({
  method: 'GET',
  path: '/api/institutions',
  operationId: 'listInstitutions',
  tags,
  summary: 'Buscar instituciones',
  query: InstitutionListQuerySchema,
  response: InstitutionPageSchema,
});
export const getInstitution = defineEndpoint({
  method: 'GET',
  path: '/api/institutions/:id',
  operationId: 'getInstitution',
  tags,
  summary: 'Una institución',
  params: IdParamsSchema,
  response: InstitutionSchema,
});
export const createInstitution = defineEndpoint({
  method: 'POST',
  path: '/api/institutions',
  operationId: 'createInstitution',
  tags,
  summary: 'Registrar una institución',
  body: InstitutionInputSchema,
  status: 201,
  response: InstitutionSchema,
});
export const updateInstitution = defineEndpoint({
  method: 'PATCH',
  path: '/api/institutions/:id',
  operationId: 'updateInstitution',
  tags,
  summary: 'Modificar una institución',
  params: IdParamsSchema,
  body: InstitutionPatchSchema,
  response: InstitutionSchema,
});
export const deleteInstitution = defineEndpoint({
  method: 'DELETE',
  path: '/api/institutions/:id',
  operationId: 'deleteInstitution',
  tags,
  summary: 'Eliminar una institución sin registros relacionados',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});

// ---- areas
export const listAreas = defineEndpoint({
  method: 'GET',
  path: '/api/areas',
  operationId: 'listAreas',
  tags,
  summary: 'Áreas de la organización',
  query: AreaListQuerySchema,
  response: AreaPageSchema,
});
export const getArea = defineEndpoint({
  method: 'GET',
  path: '/api/areas/:id',
  operationId: 'getArea',
  tags,
  summary: 'Un área y sus titulares en el tiempo',
  params: IdParamsSchema,
  response: AreaDetailSchema,
});
export const createArea = defineEndpoint({
  method: 'POST',
  path: '/api/areas',
  operationId: 'createArea',
  tags,
  summary: 'Registrar un área',
  body: AreaInputSchema,
  status: 201,
  response: AreaSchema,
});
export const updateArea = defineEndpoint({
  method: 'PATCH',
  path: '/api/areas/:id',
  operationId: 'updateArea',
  tags,
  summary: 'Modificar un área',
  params: IdParamsSchema,
  body: AreaPatchSchema,
  response: AreaSchema,
});
export const deleteArea = defineEndpoint({
  method: 'DELETE',
  path: '/api/areas/:id',
  operationId: 'deleteArea',
  tags,
  summary: 'Eliminar un área sin registros relacionados',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});

// ---- people and positions
export const listPeople = defineEndpoint({
  method: 'GET',
  path: '/api/people',
  operationId: 'listPeople',
  tags,
  summary: 'Buscar personas',
  query: PersonListQuerySchema,
  response: PersonPageSchema,
});
export const getPerson = defineEndpoint({
  method: 'GET',
  path: '/api/people/:id',
  operationId: 'getPerson',
  tags,
  summary: 'Una persona y sus cargos en el tiempo',
  params: IdParamsSchema,
  response: PersonDetailSchema,
});
export const createPerson = defineEndpoint({
  method: 'POST',
  path: '/api/people',
  operationId: 'createPerson',
  tags,
  summary: 'Registrar una persona',
  body: PersonInputSchema,
  status: 201,
  response: PersonSchema,
});
export const updatePerson = defineEndpoint({
  method: 'PATCH',
  path: '/api/people/:id',
  operationId: 'updatePerson',
  tags,
  summary: 'Modificar una persona',
  params: IdParamsSchema,
  body: PersonPatchSchema,
  response: PersonSchema,
});
export const deletePerson = defineEndpoint({
  method: 'DELETE',
  path: '/api/people/:id',
  operationId: 'deletePerson',
  tags,
  summary: 'Eliminar una persona sin registros relacionados',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});
export const addPosition = defineEndpoint({
  method: 'POST',
  path: '/api/people/:id/positions',
  operationId: 'addPosition',
  tags,
  summary: 'Registrar un cargo de la persona',
  params: IdParamsSchema,
  body: PositionInputSchema,
  status: 201,
  response: PositionSchema,
});
export const updatePosition = defineEndpoint({
  method: 'PUT',
  path: '/api/people/:id/positions/:positionId',
  operationId: 'updatePosition',
  tags,
  summary: 'Modificar un cargo',
  params: PositionParamsSchema,
  body: PositionInputSchema,
  response: PositionSchema,
});
export const removePosition = defineEndpoint({
  method: 'DELETE',
  path: '/api/people/:id/positions/:positionId',
  operationId: 'removePosition',
  tags,
  summary: 'Eliminar un cargo registrado por error',
  params: PositionParamsSchema,
  status: 204,
  response: z.null(),
});
