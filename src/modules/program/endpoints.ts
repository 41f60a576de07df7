import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import { ImportPlanSchema, ImportRunQuerySchema, TemplateQuerySchema } from '../../shared/import-plan';
import {
  ActivityExportQuerySchema,
  ActivityInputSchema,
  ActivityKindInputSchema,
  ActivityKindSchema,
  ActivityListQuerySchema,
  ActivityPageSchema,
  ActivitySchema,
  FileParamsSchema,
  IdParamsSchema,
  IssueInputSchema,
  IssuePatchSchema,
  IssueSchema,
  LineInputSchema,
  LinePatchSchema,
  ObjectiveInputSchema,
  ObjectivePatchSchema,
  PeriodQuerySchema,
  PlanReviewInputSchema,
  PlanReviewQuerySchema,
  PlanReviewSchema,
  ProgramInputSchema,
  ProgramListSchema,
  ProgramPatchSchema,
  ProgramTreeSchema,
  ReasonInputSchema,
  ReasonSchema,
  SeriesInputSchema,
  SeriesQuerySchema,
  SeriesSchema,
  TargetInputSchema,
  TargetSchema,
  UnexplainedObjectiveSchema,
} from './contract';

// The program module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const tags = ['Programa de trabajo'];
const fileResponse = z.string().describe('El archivo');
const RecordSourceListSchema = z.array(z.object({ code: z.string(), label: z.string() }));

export const listPrograms = defineEndpoint({
  method: 'GET',
  path: '/api/program/programs',
  operationId: 'listPrograms',
  tags,
  summary: 'Programas de trabajo',
  response: ProgramListSchema,
});
export const createProgram = defineEndpoint({
  method: 'POST',
  path: '/api/program/programs',
  operationId: 'createProgram',
  tags,
  summary: 'Registrar el programa de trabajo de un año',
  body: ProgramInputSchema,
  status: 201,
  response: ProgramTreeSchema,
});
export const getProgramTree = defineEndpoint({
  method: 'GET',
  path: '/api/program/programs/:id',
  operationId: 'getProgramTree',
  tags,
  summary: 'Un programa con sus líneas, objetivos y metas (con avance)',
  params: IdParamsSchema,
  response: ProgramTreeSchema,
});
export const updateProgram = defineEndpoint({
  method: 'PATCH',
  path: '/api/program/programs/:id',
  operationId: 'updateProgram',
  tags,
  summary: 'Modificar un programa',
  params: IdParamsSchema,
  body: ProgramPatchSchema,
  response: ProgramTreeSchema,
});
export const programImportTemplate = defineEndpoint({
  method: 'GET',
  path: '/api/program/import/template',
  operationId: 'programImportTemplate',
  tags,
  summary: 'Plantilla XLSX o CSV para importar líneas, objetivos y metas del programa',
  produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  query: TemplateQuerySchema,
  response: fileResponse,
});
export const importProgramStructure = defineEndpoint({
  method: 'POST',
  path: '/api/program/programs/:id/import',
  operationId: 'importProgramStructure',
  tags,
  summary: 'Importar las líneas, objetivos y metas de un programa (CSV o XLSX)',
  description:
    'Archivo en el campo multipart "file", de 10,000 filas a lo más. Cada fila nombra una línea (por su ' +
    'número), y si acaso uno de sus objetivos (por su letra) y una meta (por su texto): lo nuevo se ' +
    'registra, lo ya registrado se actualiza donde la fila difiere, lo igual no cambia. Con dryRun=true ' +
    'solo se informa, fila por fila, qué pasaría. Sin dryRun, una fila rechazada detiene todo (400 ' +
    'IMPORT_INVALID); sin rechazos, todo se guarda en una sola transacción.',
  consumes: ['multipart/form-data'],
  params: IdParamsSchema,
  query: ImportRunQuerySchema,
  response: ImportPlanSchema,
  errors: [413, 415],
});
export const addProgramLine = defineEndpoint({
  method: 'POST',
  path: '/api/program/programs/:id/lines',
  operationId: 'addProgramLine',
  tags,
  summary: 'Agregar una línea al programa',
  params: IdParamsSchema,
  body: LineInputSchema,
  status: 201,
  response: ProgramTreeSchema,
});
export const updateProgramLine = defineEndpoint({
  method: 'PATCH',
  path: '/api/program/lines/:id',
  operationId: 'updateProgramLine',
  tags,
  summary: 'Modificar una línea',
  params: IdParamsSchema,
  body: LinePatchSchema,
  response: ProgramTreeSchema,
});
export const removeProgramLine = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/lines/:id',
  operationId: 'removeProgramLine',
  tags,
  summary: 'Eliminar una línea sin registros',
  description:
    '409 CONFLICT, nombrando lo que la usa, si tiene objetivos, actividades, metas, motivos, revisiones o series. ' +
    'Las demás líneas conservan su número.',
  params: IdParamsSchema,
  response: ProgramTreeSchema,
});
export const addProgramObjective = defineEndpoint({
  method: 'POST',
  path: '/api/program/lines/:id/objectives',
  operationId: 'addProgramObjective',
  tags,
  summary: 'Agregar un objetivo a una línea',
  params: IdParamsSchema,
  body: ObjectiveInputSchema,
  status: 201,
  response: ProgramTreeSchema,
});
export const updateProgramObjective = defineEndpoint({
  method: 'PATCH',
  path: '/api/program/objectives/:id',
  operationId: 'updateProgramObjective',
  tags,
  summary: 'Modificar un objetivo',
  params: IdParamsSchema,
  body: ObjectivePatchSchema,
  response: ProgramTreeSchema,
});
export const removeProgramObjective = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/objectives/:id',
  operationId: 'removeProgramObjective',
  tags,
  summary: 'Eliminar un objetivo sin registros',
  description:
    '409 CONFLICT, nombrando lo que lo usa, si tiene actividades, metas, motivos, revisiones, series o campañas. ' +
    'Los demás objetivos conservan su letra.',
  params: IdParamsSchema,
  response: ProgramTreeSchema,
});
export const listRecordSources = defineEndpoint({
  method: 'GET',
  path: '/api/program/record-sources',
  operationId: 'listRecordSources',
  tags,
  summary: 'Fuentes de registros de otros módulos que cuentan como actividad',
  response: RecordSourceListSchema,
});
export const addTarget = defineEndpoint({
  method: 'POST',
  path: '/api/program/targets',
  operationId: 'addTarget',
  tags,
  summary: 'Agregar una meta',
  body: TargetInputSchema,
  status: 201,
  response: TargetSchema,
});
export const updateTarget = defineEndpoint({
  method: 'PUT',
  path: '/api/program/targets/:id',
  operationId: 'updateTarget',
  tags,
  summary: 'Modificar una meta',
  params: IdParamsSchema,
  body: TargetInputSchema,
  response: TargetSchema,
});
export const removeTarget = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/targets/:id',
  operationId: 'removeTarget',
  tags,
  summary: 'Eliminar una meta',
  params: IdParamsSchema,
  status: 204,
  response: z.null().describe('Eliminada'),
});
export const listReasons = defineEndpoint({
  method: 'GET',
  path: '/api/program/reasons',
  operationId: 'listReasons',
  tags,
  summary: 'Motivos declarados de objetivos sin actividad en un periodo',
  query: PeriodQuerySchema,
  response: z.array(ReasonSchema),
});
export const stateReason = defineEndpoint({
  method: 'PUT',
  path: '/api/program/reasons',
  operationId: 'stateReason',
  tags,
  summary: 'Declarar el motivo de un objetivo sin actividad en un periodo',
  body: ReasonInputSchema,
  response: ReasonSchema,
});
export const withdrawReason = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/reasons/:id',
  operationId: 'withdrawReason',
  tags,
  summary: 'Retirar un motivo',
  params: IdParamsSchema,
  status: 204,
  response: z.null().describe('Retirado'),
});
export const listUnexplainedObjectives = defineEndpoint({
  method: 'GET',
  path: '/api/program/unexplained',
  operationId: 'listUnexplainedObjectives',
  tags,
  summary: 'Objetivos sin actividad y sin motivo declarado en un periodo',
  query: PeriodQuerySchema,
  response: z.array(UnexplainedObjectiveSchema),
});
export const listActivityKinds = defineEndpoint({
  method: 'GET',
  path: '/api/program/activity-kinds',
  operationId: 'listActivityKinds',
  tags,
  summary: 'Tipos de actividad',
  response: z.array(ActivityKindSchema),
});
export const createActivityKind = defineEndpoint({
  method: 'POST',
  path: '/api/program/activity-kinds',
  operationId: 'createActivityKind',
  tags,
  summary: 'Agregar un tipo de actividad (administración)',
  body: ActivityKindInputSchema,
  status: 201,
  response: ActivityKindSchema,
});
export const listActivities = defineEndpoint({
  method: 'GET',
  path: '/api/program/activities',
  operationId: 'listActivities',
  tags,
  summary: 'Actividades (por línea, objetivo, tipo y periodo)',
  query: ActivityListQuerySchema,
  response: ActivityPageSchema,
});
export const exportActivities = defineEndpoint({
  method: 'GET',
  path: '/api/program/activities/export',
  operationId: 'exportActivities',
  tags,
  summary: 'Exportar actividades (CSV o XLSX)',
  produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  query: ActivityExportQuerySchema,
  response: fileResponse,
});
export const getActivity = defineEndpoint({
  method: 'GET',
  path: '/api/program/activities/:id',
  operationId: 'getActivity',
  tags,
  summary: 'Una actividad',
  params: IdParamsSchema,
  response: ActivitySchema,
});
export const createActivity = defineEndpoint({
  method: 'POST',
  path: '/api/program/activities',
  operationId: 'createActivity',
  tags,
  summary: 'Registrar una actividad',
  body: ActivityInputSchema,
  status: 201,
  response: ActivitySchema,
});
export const updateActivity = defineEndpoint({
  method: 'PUT',
  path: '/api/program/activities/:id',
  operationId: 'updateActivity',
  tags,
  summary: 'Modificar una actividad',
  params: IdParamsSchema,
  body: ActivityInputSchema,
  response: ActivitySchema,
});
export const deleteActivity = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/activities/:id',
  operationId: 'deleteActivity',
  tags,
  summary: 'Eliminar una actividad',
  params: IdParamsSchema,
  status: 204,
  response: z.null().describe('Eliminada'),
});
export const attachActivityFile = defineEndpoint({
  method: 'POST',
  path: '/api/program/activities/:id/files',
  operationId: 'attachActivityFile',
  tags,
  summary: 'Adjuntar una evidencia a una actividad',
  description: 'Archivo en el campo multipart "file".',
  consumes: ['multipart/form-data'],
  params: IdParamsSchema,
  status: 201,
  response: ActivitySchema,
  errors: [413, 415],
});
export const downloadActivityFile = defineEndpoint({
  method: 'GET',
  path: '/api/program/activities/:id/files/:fileId',
  operationId: 'downloadActivityFile',
  tags,
  summary: 'Descargar una evidencia',
  params: FileParamsSchema,
  response: fileResponse,
});
export const removeActivityFile = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/activities/:id/files/:fileId',
  operationId: 'removeActivityFile',
  tags,
  summary: 'Quitar una evidencia de una actividad',
  params: FileParamsSchema,
  response: ActivitySchema,
});
export const listPlanReviews = defineEndpoint({
  method: 'GET',
  path: '/api/program/plan-reviews',
  operationId: 'listPlanReviews',
  tags,
  summary: 'Revisiones del plan integral del INE (SSPELO)',
  query: PlanReviewQuerySchema,
  response: z.array(PlanReviewSchema),
});
export const recordPlanReview = defineEndpoint({
  method: 'POST',
  path: '/api/program/plan-reviews',
  operationId: 'recordPlanReview',
  tags,
  summary: 'Registrar una revisión del plan integral',
  body: PlanReviewInputSchema,
  status: 201,
  response: PlanReviewSchema,
});
export const listSeries = defineEndpoint({
  method: 'GET',
  path: '/api/program/series',
  operationId: 'listSeries',
  tags,
  summary: 'Series de publicaciones con sus números y faltantes del periodo',
  query: SeriesQuerySchema,
  response: z.array(SeriesSchema),
});
export const createSeries = defineEndpoint({
  method: 'POST',
  path: '/api/program/series',
  operationId: 'createSeries',
  tags,
  summary: 'Registrar una serie de publicaciones',
  body: SeriesInputSchema,
  status: 201,
  response: SeriesSchema,
});
export const getSeries = defineEndpoint({
  method: 'GET',
  path: '/api/program/series/:id',
  operationId: 'getSeries',
  tags,
  summary: 'Una serie con sus números y faltantes',
  params: IdParamsSchema,
  query: SeriesQuerySchema,
  response: SeriesSchema,
});
export const updateSeries = defineEndpoint({
  method: 'PUT',
  path: '/api/program/series/:id',
  operationId: 'updateSeries',
  tags,
  summary: 'Modificar una serie',
  params: IdParamsSchema,
  body: SeriesInputSchema,
  response: SeriesSchema,
});
export const addIssue = defineEndpoint({
  method: 'POST',
  path: '/api/program/series/:id/issues',
  operationId: 'addIssue',
  tags,
  summary: 'Registrar un número de una serie',
  params: IdParamsSchema,
  body: IssueInputSchema,
  status: 201,
  response: IssueSchema,
});
export const updateIssue = defineEndpoint({
  method: 'PATCH',
  path: '/api/program/issues/:id',
  operationId: 'updateIssue',
  tags,
  summary: 'Corregir un número: fecha, título, número, distribución o serie',
  params: IdParamsSchema,
  body: IssuePatchSchema,
  response: IssueSchema,
});
export const deleteIssue = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/issues/:id',
  operationId: 'deleteIssue',
  tags,
  summary: 'Eliminar un número',
  params: IdParamsSchema,
  status: 204,
  response: z.null().describe('Eliminado'),
});
export const attachIssueFile = defineEndpoint({
  method: 'PUT',
  path: '/api/program/issues/:id/file',
  operationId: 'attachIssueFile',
  tags,
  summary: 'Adjuntar el archivo de un número',
  description: 'Archivo en el campo multipart "file".',
  consumes: ['multipart/form-data'],
  params: IdParamsSchema,
  response: IssueSchema,
  errors: [413, 415],
});
export const removeIssueFile = defineEndpoint({
  method: 'DELETE',
  path: '/api/program/issues/:id/file',
  operationId: 'removeIssueFile',
  tags,
  summary: 'Quitar el archivo de un número',
  params: IdParamsSchema,
  response: IssueSchema,
});
export const downloadIssueFile = defineEndpoint({
  method: 'GET',
  path: '/api/program/issues/:id/file',
  operationId: 'downloadIssueFile',
  tags,
  summary: 'Descargar el archivo de un número',
  params: IdParamsSchema,
  response: fileResponse,
});
