import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import {
  ApproveInputSchema,
  CheckResultSchema,
  DashboardQuerySchema,
  DashboardSchema,
  IdParamsSchema,
  NarrativeInputSchema,
  PendingItemsInputSchema,
  RecordPeriodsSchema,
  RenderQuerySchema,
  ReportDetailSchema,
  ReportInputSchema,
  ReportListSchema,
} from './contract';
import { SetupChecklistSchema } from './setup-checklist-contract';

// The reports module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const tags = ['Informes'];

export const listQuarterlyReports = defineEndpoint({
  method: 'GET',
  path: '/api/reports',
  operationId: 'listQuarterlyReports',
  tags,
  summary: 'Informes de los órganos colegiados',
  response: ReportListSchema,
});
export const listRecordPeriods = defineEndpoint({
  method: 'GET',
  path: '/api/periods',
  operationId: 'listRecordPeriods',
  tags,
  summary: 'Trimestres con registros de la organización y el que las páginas abren de inicio',
  response: RecordPeriodsSchema,
});
export const getDashboard = defineEndpoint({
  method: 'GET',
  path: '/api/dashboard',
  operationId: 'getDashboard',
  tags,
  summary: 'El periodo de un vistazo: sesiones y acuerdos, folios, convenios por vencer, próximas sesiones',
  query: DashboardQuerySchema,
  response: DashboardSchema,
});
export const getSetupChecklist = defineEndpoint({
  method: 'GET',
  path: '/api/setup-checklist',
  operationId: 'getSetupChecklist',
  tags,
  summary: 'Puesta en marcha de la oficina: lo que ya está registrado y lo que falta (solo administración)',
  response: SetupChecklistSchema,
});
export const generateQuarterlyReport = defineEndpoint({
  method: 'POST',
  path: '/api/reports',
  operationId: 'generateQuarterlyReport',
  tags,
  summary: 'Genera (o regenera) el borrador del informe de un órgano colegiado y periodo',
  body: ReportInputSchema,
  status: 201,
  response: ReportDetailSchema,
});
export const getQuarterlyReport = defineEndpoint({
  method: 'GET',
  path: '/api/reports/:id',
  operationId: 'getQuarterlyReport',
  tags,
  summary: 'Informe: versión vigente, textos editados y pendientes',
  params: IdParamsSchema,
  response: ReportDetailSchema,
});
export const regenerateQuarterlyReport = defineEndpoint({
  method: 'POST',
  path: '/api/reports/:id/regenerate',
  operationId: 'regenerateQuarterlyReport',
  tags,
  summary: 'Regenera el borrador desde los registros (conserva los textos editados)',
  params: IdParamsSchema,
  response: ReportDetailSchema,
});
export const updateQuarterlyReportNarrative = defineEndpoint({
  method: 'PUT',
  path: '/api/reports/:id/narrative',
  operationId: 'updateQuarterlyReportNarrative',
  tags,
  summary: 'Edita párrafos narrativos del borrador (null restaura el texto generado)',
  params: IdParamsSchema,
  body: NarrativeInputSchema,
  response: ReportDetailSchema,
});
export const updateQuarterlyReportPendingItems = defineEndpoint({
  method: 'PUT',
  path: '/api/reports/:id/pending-items',
  operationId: 'updateQuarterlyReportPendingItems',
  tags,
  summary: 'Actividades pendientes que agrega el personal (sección V)',
  params: IdParamsSchema,
  body: PendingItemsInputSchema,
  response: ReportDetailSchema,
});
export const checkQuarterlyReport = defineEndpoint({
  method: 'GET',
  path: '/api/reports/:id/check',
  operationId: 'checkQuarterlyReport',
  tags,
  summary: 'Revisión de consistencia: cifras contra los registros, objetivos y fechas',
  params: IdParamsSchema,
  response: CheckResultSchema,
});
export const approveQuarterlyReport = defineEndpoint({
  method: 'POST',
  path: '/api/reports/:id/approve',
  operationId: 'approveQuarterlyReport',
  tags,
  summary: 'Marca el informe como aprobado por un acuerdo del órgano colegiado (lo congela)',
  params: IdParamsSchema,
  body: ApproveInputSchema,
  response: ReportDetailSchema,
});
export const downloadQuarterlyReport = defineEndpoint({
  method: 'GET',
  path: '/api/reports/:id/file',
  operationId: 'downloadQuarterlyReport',
  tags,
  summary: 'Descarga la versión vigente (la aprobada, si lo está) en DOCX, PDF, HTML o Markdown',
  produces: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
    'text/html',
    'text/markdown',
  ],
  params: IdParamsSchema,
  query: RenderQuerySchema,
  response: z.string().describe('El archivo'),
});
