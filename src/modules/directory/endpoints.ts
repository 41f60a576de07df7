import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import {
  AreaDetailSchema,
  AreaInputSchema,
  AreaListQuerySchema,
  AreaPageSchema,
  AreaPatchSchema,
  AreaSchema,
  ExportFormatSchema,
  IdParamsSchema,
  ImportQuerySchema,
  ImportReportSchema,
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

// The directory's endpoints (ADR 0022): routes.ts and import-export/routes.ts register them,
// ui/api.ts calls them.
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

// ---- spreadsheets: export of a filtered list, import of records
const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const fileResponse = z.string().describe('El archivo: CSV (UTF-8 con BOM) o XLSX');
const exportFields = { format: ExportFormatSchema.default('csv') };
const noPaging = { page: true, pageSize: true } as const;

export const exportInstitutions = defineEndpoint({
  method: 'GET',
  path: '/api/institutions/export',
  operationId: 'exportInstitutions',
  tags,
  summary: 'Exportar instituciones (CSV o XLSX)',
  produces: SPREADSHEET_TYPES,
  query: InstitutionListQuerySchema.omit(noPaging).extend(exportFields),
  response: fileResponse,
});
export const exportAreas = defineEndpoint({
  method: 'GET',
  path: '/api/areas/export',
  operationId: 'exportAreas',
  tags,
  summary: 'Exportar áreas (CSV o XLSX)',
  produces: SPREADSHEET_TYPES,
  query: AreaListQuerySchema.omit(noPaging).extend(exportFields),
  response: fileResponse,
});
export const exportPeople = defineEndpoint({
  method: 'GET',
  path: '/api/people/export',
  operationId: 'exportPeople',
  tags,
  summary: 'Exportar personas (CSV o XLSX)',
  produces: SPREADSHEET_TYPES,
  query: PersonListQuerySchema.omit(noPaging).extend(exportFields),
  response: fileResponse,
});

const importDeclaration = {
  method: 'POST',
  tags,
  description:
    'Archivo en el campo multipart "file". Con skipInvalid=false (predeterminado) una fila con ' +
    'errores detiene todo (400 IMPORT_INVALID, nada se guarda); con true se importan las filas ' +
    'válidas y se informan las demás.',
  consumes: ['multipart/form-data'],
  query: ImportQuerySchema,
  response: ImportReportSchema,
  errors: [413, 415],
} as const;

export const importInstitutions = defineEndpoint({
  ...importDeclaration,
  path: '/api/institutions/import',
  operationId: 'importInstitutions',
  summary: 'Importar instituciones desde CSV o XLSX',
});
export const importAreas = defineEndpoint({
  ...importDeclaration,
  path: '/api/areas/import',
  operationId: 'importAreas',
  summary: 'Importar áreas desde CSV o XLSX',
});
export const importPeople = defineEndpoint({
  ...importDeclaration,
  path: '/api/people/import',
  operationId: 'importPeople',
  summary: 'Importar personas desde CSV o XLSX',
});
