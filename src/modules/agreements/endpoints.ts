import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import { ImportPlanSchema, ImportRunQuerySchema, TemplateQuerySchema } from '../../shared/import-plan';
import {
  AccompanimentInputSchema,
  AccompanimentListSchema,
  AccompanimentSchema,
  AgreementSettingsInputSchema,
  AgreementSettingsSchema,
  AlertQuerySchema,
  CommitmentInputSchema,
  CommitmentSchema,
  CommitmentUpdateInputSchema,
  DecisionInputSchema,
  DecisionParamsSchema,
  DueAlertListSchema,
  FileParamsSchema,
  FileUploadQuerySchema,
  IdParamsSchema,
  InstrumentDetailSchema,
  InstrumentExportQuerySchema,
  InstrumentFileSchema,
  InstrumentInputSchema,
  InstrumentListQuerySchema,
  InstrumentPageSchema,
  InstrumentPatchSchema,
  InstrumentSchema,
  InstrumentTypeInputSchema,
  InstrumentTypeSchema,
  OpinionDocumentQuerySchema,
  OpinionDraftSchema,
  OpinionInputSchema,
  OpinionIssueSchema,
  OpinionListQuerySchema,
  OpinionPageSchema,
  OpinionSchema,
  PeriodQuerySchema,
  RenewalInputSchema,
  ReportTablesQuerySchema,
  ReportTablesSchema,
  ReviewDetailSchema,
  ReviewInputSchema,
  ReviewListSchema,
  ReviewSchema,
  SentAlertPageSchema,
  SentAlertQuerySchema,
  StatusChangeInputSchema,
} from './contract';

// The agreements module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const tags = ['Convenios'];
const fileResponse = z.string().describe('El archivo');

export const listInstrumentTypes = defineEndpoint({
  method: 'GET',
  path: '/api/instrument-types',
  operationId: 'listInstrumentTypes',
  tags,
  summary: 'Tipos de instrumento',
  response: z.array(InstrumentTypeSchema),
});
export const createInstrumentType = defineEndpoint({
  method: 'POST',
  path: '/api/instrument-types',
  operationId: 'createInstrumentType',
  tags,
  summary: 'Agregar un tipo de instrumento',
  body: InstrumentTypeInputSchema,
  status: 201,
  response: InstrumentTypeSchema,
});
export const getAgreementSettings = defineEndpoint({
  method: 'GET',
  path: '/api/agreement-settings',
  operationId: 'getAgreementSettings',
  tags,
  summary: 'Prefijo de opiniones y alertas',
  response: AgreementSettingsSchema,
});
export const updateAgreementSettings = defineEndpoint({
  method: 'PUT',
  path: '/api/agreement-settings',
  operationId: 'updateAgreementSettings',
  tags,
  summary: 'Cambiar el prefijo de opiniones y las alertas',
  body: AgreementSettingsInputSchema,
  response: AgreementSettingsSchema,
});
export const listInstruments = defineEndpoint({
  method: 'GET',
  path: '/api/instruments',
  operationId: 'listInstruments',
  tags,
  summary: 'Buscar instrumentos',
  query: InstrumentListQuerySchema,
  response: InstrumentPageSchema,
});
export const exportInstruments = defineEndpoint({
  method: 'GET',
  path: '/api/instruments/export',
  operationId: 'exportInstruments',
  tags,
  summary: 'Exportar instrumentos (CSV o XLSX)',
  produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  query: InstrumentExportQuerySchema,
  response: fileResponse,
});
export const instrumentImportTemplate = defineEndpoint({
  method: 'GET',
  path: '/api/instruments/import/template',
  operationId: 'instrumentImportTemplate',
  tags,
  summary: 'Plantilla XLSX o CSV para importar el registro de instrumentos',
  description:
    'Los encabezados, una fila de ejemplo y, en XLSX, una segunda hoja con lo que admite cada columna ' +
    '(tipos de instrumento y estados de su organización).',
  produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  query: TemplateQuerySchema,
  response: fileResponse,
});
export const importInstruments = defineEndpoint({
  method: 'POST',
  path: '/api/instruments/import',
  operationId: 'importInstruments',
  tags,
  summary: 'Importar el registro de instrumentos y sus opiniones de pertinencia (CSV o XLSX)',
  description:
    'Archivo en el campo multipart "file", de 10,000 filas a lo más. Cada fila es un instrumento, ' +
    'identificado por su título: uno nuevo se registra, uno ya registrado se actualiza donde la fila ' +
    'difiere, uno igual no cambia (importar dos veces el mismo archivo no cambia nada). Con ' +
    'dryRun=true solo se informa, fila por fila, qué se crearía, actualizaría o rechazaría y por qué. ' +
    'Sin dryRun, una fila rechazada detiene todo (400 IMPORT_INVALID, rows.<fila>.<columna>); sin ' +
    'rechazos, todo se guarda en una sola transacción.',
  consumes: ['multipart/form-data'],
  query: ImportRunQuerySchema,
  response: ImportPlanSchema,
  errors: [413, 415],
});
export const getInstrument = defineEndpoint({
  method: 'GET',
  path: '/api/instruments/:id',
  operationId: 'getInstrument',
  tags,
  summary: 'Un instrumento con su cadena, derivados, historial, compromisos y archivos',
  params: IdParamsSchema,
  response: InstrumentDetailSchema,
});
export const createInstrument = defineEndpoint({
  method: 'POST',
  path: '/api/instruments',
  operationId: 'createInstrument',
  tags,
  summary: 'Registrar un instrumento',
  body: InstrumentInputSchema,
  status: 201,
  response: InstrumentSchema,
});
export const updateInstrument = defineEndpoint({
  method: 'PATCH',
  path: '/api/instruments/:id',
  operationId: 'updateInstrument',
  tags,
  summary: 'Modificar un instrumento',
  params: IdParamsSchema,
  body: InstrumentPatchSchema,
  response: InstrumentSchema,
});
export const changeInstrumentStatus = defineEndpoint({
  method: 'POST',
  path: '/api/instruments/:id/status',
  operationId: 'changeInstrumentStatus',
  tags,
  summary: 'Cambiar el estado de un instrumento',
  params: IdParamsSchema,
  body: StatusChangeInputSchema,
  response: InstrumentSchema,
});
export const renewInstrument = defineEndpoint({
  method: 'POST',
  path: '/api/instruments/:id/renewals',
  operationId: 'renewInstrument',
  tags,
  summary: 'Renovar o ampliar la vigencia',
  params: IdParamsSchema,
  body: RenewalInputSchema,
  response: InstrumentSchema,
});
export const addInstrumentFile = defineEndpoint({
  method: 'POST',
  path: '/api/instruments/:id/files',
  operationId: 'addInstrumentFile',
  tags,
  summary: 'Adjuntar el documento firmado o un anexo',
  description: 'Archivo en el campo multipart "file".',
  consumes: ['multipart/form-data'],
  params: IdParamsSchema,
  query: FileUploadQuerySchema,
  status: 201,
  response: InstrumentFileSchema,
  errors: [413, 415],
});
export const downloadInstrumentFile = defineEndpoint({
  method: 'GET',
  path: '/api/instruments/:id/files/:fileId',
  operationId: 'downloadInstrumentFile',
  tags,
  summary: 'Descargar un archivo del instrumento',
  params: FileParamsSchema,
  response: fileResponse,
});
export const addCommitment = defineEndpoint({
  method: 'POST',
  path: '/api/instruments/:id/commitments',
  operationId: 'addCommitment',
  tags,
  summary: 'Registrar un compromiso',
  params: IdParamsSchema,
  body: CommitmentInputSchema,
  status: 201,
  response: CommitmentSchema,
});
export const addCommitmentUpdate = defineEndpoint({
  method: 'POST',
  path: '/api/commitments/:id/updates',
  operationId: 'addCommitmentUpdate',
  tags,
  summary: 'Registrar el seguimiento de un compromiso',
  params: IdParamsSchema,
  body: CommitmentUpdateInputSchema,
  status: 201,
  response: CommitmentSchema,
});
export const listDueAlerts = defineEndpoint({
  method: 'GET',
  path: '/api/instrument-alerts',
  operationId: 'listDueAlerts',
  tags,
  summary: 'Alertas de vencimiento que corresponden a un día',
  query: AlertQuerySchema,
  response: DueAlertListSchema,
});
export const listSentAlerts = defineEndpoint({
  method: 'GET',
  path: '/api/instrument-alerts/sent',
  operationId: 'listSentAlerts',
  tags,
  summary: 'Alertas de vencimiento enviadas (bitácora), de la más reciente a la más antigua',
  query: SentAlertQuerySchema,
  response: SentAlertPageSchema,
});
export const getAgreementReportTables = defineEndpoint({
  method: 'GET',
  path: '/api/agreements/report-tables',
  operationId: 'getAgreementReportTables',
  tags,
  summary: 'Tablas del informe trimestral: instrumentos suscritos, en negociación y opiniones emitidas',
  query: ReportTablesQuerySchema,
  response: ReportTablesSchema,
});
export const listReviews = defineEndpoint({
  method: 'GET',
  path: '/api/reviews',
  operationId: 'listReviews',
  tags,
  summary: 'Revisiones periódicas',
  response: ReviewListSchema,
});
export const createReview = defineEndpoint({
  method: 'POST',
  path: '/api/reviews',
  operationId: 'createReview',
  tags,
  summary: 'Abrir una revisión',
  body: ReviewInputSchema,
  status: 201,
  response: ReviewSchema,
});
export const getReview = defineEndpoint({
  method: 'GET',
  path: '/api/reviews/:id',
  operationId: 'getReview',
  tags,
  summary: 'Una revisión con los instrumentos que recorre',
  params: IdParamsSchema,
  response: ReviewDetailSchema,
});
export const recordReviewDecision = defineEndpoint({
  method: 'PUT',
  path: '/api/reviews/:id/decisions/:instrumentId',
  operationId: 'recordReviewDecision',
  tags,
  summary: 'Registrar la decisión sobre un instrumento (mantener, renegociar, concluir)',
  params: DecisionParamsSchema,
  body: DecisionInputSchema,
  response: ReviewSchema,
});
export const listOpinions = defineEndpoint({
  method: 'GET',
  path: '/api/opinions',
  operationId: 'listOpinions',
  tags,
  summary: 'Opiniones de pertinencia',
  query: OpinionListQuerySchema,
  response: OpinionPageSchema,
});
export const getOpinion = defineEndpoint({
  method: 'GET',
  path: '/api/opinions/:id',
  operationId: 'getOpinion',
  tags,
  summary: 'Una opinión de pertinencia',
  params: IdParamsSchema,
  response: OpinionSchema,
});
export const requestOpinion = defineEndpoint({
  method: 'POST',
  path: '/api/opinions',
  operationId: 'requestOpinion',
  tags,
  summary: 'Solicitar una opinión de pertinencia',
  body: OpinionInputSchema,
  status: 201,
  response: OpinionSchema,
});
export const draftOpinion = defineEndpoint({
  method: 'PUT',
  path: '/api/opinions/:id/draft',
  operationId: 'draftOpinion',
  tags,
  summary: 'Redactar una opinión',
  params: IdParamsSchema,
  body: OpinionDraftSchema,
  response: OpinionSchema,
});
export const issueOpinion = defineEndpoint({
  method: 'POST',
  path: '/api/opinions/:id/issue',
  operationId: 'issueOpinion',
  tags,
  summary: 'Emitir una opinión (toma el siguiente número del año)',
  params: IdParamsSchema,
  body: OpinionIssueSchema,
  response: OpinionSchema,
});
export const downloadOpinionDocument = defineEndpoint({
  method: 'GET',
  path: '/api/opinions/:id/document',
  operationId: 'downloadOpinionDocument',
  tags,
  summary: 'Una opinión emitida, con su número, en DOCX o PDF',
  description: 'Una opinión que aún no se emite no tiene documento (409).',
  produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'],
  params: IdParamsSchema,
  query: OpinionDocumentQuerySchema,
  response: z.string().describe('El archivo'),
  errors: [409],
});
export const listAccompaniments = defineEndpoint({
  method: 'GET',
  path: '/api/accompaniments',
  operationId: 'listAccompaniments',
  tags,
  summary: 'Acompañamiento en negociaciones, con conteos del periodo',
  query: PeriodQuerySchema,
  response: AccompanimentListSchema,
});
export const recordAccompaniment = defineEndpoint({
  method: 'POST',
  path: '/api/accompaniments',
  operationId: 'recordAccompaniment',
  tags,
  summary: 'Registrar una actividad de acompañamiento',
  body: AccompanimentInputSchema,
  status: 201,
  response: AccompanimentSchema,
});
