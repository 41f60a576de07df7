import { z } from 'zod';
import { LocalDateSchema } from '../../shared/dates';
import { defineEndpoint } from '../../shared/endpoint';
import { IdParamsSchema } from '../../shared/ids';
import { ImportPlanSchema, ImportRunQuerySchema } from '../../shared/import-plan';
import { ExportFormatSchema } from '../directory/contract';
import {
  ChangeFolioStatusInputSchema,
  CommunicationSummarySchema,
  CounterpartsSchema,
  FolioDetailSchema,
  FolioListQuerySchema,
  FolioPageSchema,
  FolioStatusSchema,
  MonthlyStatusQuerySchema,
  MonthlyStatusTableSchema,
  ObligationInputSchema,
  RegisterFolioInputSchema,
  SendCommunicationInputSchema,
} from './contract';
import {
  ChannelReportSchema,
  ChannelStatisticsSchema,
  EveryDayCountsInputSchema,
  GenerateReportInputSchema,
  NonWorkingDayInputSchema,
  ReportRecipientInputSchema,
  ReportRecipientSchema,
  StatisticsQuerySchema,
  WorkCalendarViewSchema,
} from './contract-reports';
import {
  AnswerOccurrenceInputSchema,
  MyOccurrenceSchema,
  MyOccurrencesQuerySchema,
  ObligationAreaInputSchema,
  ObligationSchema,
  OccurrenceStatusSchema,
  ReturnOccurrenceInputSchema,
  ReviewOccurrenceInputSchema,
} from './occurrence-contract';
import {
  AnswerRoutingInputSchema,
  AttachmentSchema,
  ConsolidateInputSchema,
  InstructionQueueSchema,
  InstructRoutingInputSchema,
  QueuePageSchema,
  QueueQuerySchema,
  ReassignRoutingInputSchema,
  ReturnRoutingInputSchema,
  RouteFolioInputSchema,
  RoutingDetailSchema,
  RoutingPolicyInputSchema,
  RoutingPolicySchema,
  RoutingSchema,
  RoutingStateSchema,
} from './routing-contract';

// The channel's endpoints (ADR 0022): routes.ts, routing-routes.ts and report-routes.ts register
// them, the web app calls them through the module's ui/*api.ts.
const tags = ['Canal INE–OPLE'];
const routingTags = ['Canal INE–OPLE: turnos'];
const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const DOCUMENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
];
const fileUpload = {
  description: 'Archivo en el campo multipart "file".',
  consumes: ['multipart/form-data'],
};
const uploadErrors = [413, 415] as const;

// ---- folios and communications

export const listFolios = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios',
  operationId: 'listFolios',
  tags,
  summary: 'Folios del canal: búsqueda de texto completo y filtros',
  query: FolioListQuerySchema,
  response: FolioPageSchema,
});
export const getFolio = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios/:id',
  operationId: 'getFolio',
  tags,
  summary: 'Un folio con su historial y mensajes',
  params: IdParamsSchema,
  response: FolioDetailSchema,
});
export const sendCommunication = defineEndpoint({
  method: 'POST',
  path: '/api/channel/communications',
  operationId: 'sendCommunication',
  tags,
  summary: 'Enviar una comunicación por el canal (INE a organismos locales, u organismo local al INE)',
  body: SendCommunicationInputSchema,
  status: 201,
  response: z.object({ communicationId: z.uuid(), folio: z.string(), folioIds: z.array(z.uuid()) }),
});
export const sendCommunicationWithFiles = defineEndpoint({
  method: 'POST',
  path: '/api/channel/communications/with-files',
  operationId: 'sendCommunicationWithFiles',
  tags,
  summary: 'Enviar una comunicación con sus archivos (el oficio y sus anexos) en una sola petición',
  description:
    'multipart/form-data: el JSON de la comunicación (como en sendCommunication) en el campo "data" y ' +
    'hasta 10 archivos en campos "files". Un archivo rechazado (vacío, de tipo no permitido o demasiado ' +
    'grande) no envía nada.',
  consumes: ['multipart/form-data'],
  status: 201,
  response: z.object({ communicationId: z.uuid(), folio: z.string(), folioIds: z.array(z.uuid()) }),
  errors: uploadErrors,
});
export const getCommunicationSummary = defineEndpoint({
  method: 'GET',
  path: '/api/channel/communications/:id/summary',
  operationId: 'getCommunicationSummary',
  tags,
  summary: 'Situación por destinatario de una comunicación enviada (p. ej. 28 de 32 atendidos)',
  params: IdParamsSchema,
  response: CommunicationSummarySchema,
});
export const registerFolio = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios',
  operationId: 'registerFolio',
  tags,
  summary: 'Registrar un folio recibido de un sistema externo, con su número',
  body: RegisterFolioInputSchema,
  status: 201,
  response: z.object({ folioId: z.uuid() }),
});
export const changeFolioStatus = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios/:id/events',
  operationId: 'changeFolioStatus',
  tags,
  summary: 'Atender, acusar, concluir, devolver o cancelar un folio',
  params: IdParamsSchema,
  body: ChangeFolioStatusInputSchema,
  response: z.object({ status: FolioStatusSchema }),
});
export const getMonthlyStatusTable = defineEndpoint({
  method: 'GET',
  path: '/api/channel/statistics/monthly',
  operationId: 'getMonthlyStatusTable',
  tags,
  summary: 'Folios recibidos por mes, por estatus a una fecha (tablas del anexo del informe)',
  query: MonthlyStatusQuerySchema,
  response: MonthlyStatusTableSchema,
});
export const listCounterparts = defineEndpoint({
  method: 'GET',
  path: '/api/channel/counterparts',
  operationId: 'listCounterparts',
  tags,
  summary: 'Autoridad nacional y organismos locales que operan en esta instalación',
  response: CounterpartsSchema,
});
export const exportFolios = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios/export',
  operationId: 'exportFolios',
  tags,
  summary: 'Exportar a CSV o XLSX la lista filtrada de folios',
  produces: SPREADSHEET_TYPES,
  query: FolioListQuerySchema.omit({ page: true, pageSize: true }).extend({
    format: ExportFormatSchema.default('csv'),
  }),
  response: z.any(),
});

// ---- recurring obligations and their months

export const listFolioObligations = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios/:id/obligations',
  operationId: 'listFolioObligations',
  tags,
  summary:
    'Obligaciones periódicas de un folio, con cada mes: vencimiento, área, respuesta, archivos y estatus',
  params: IdParamsSchema,
  response: z.array(ObligationSchema),
});
export const addObligation = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios/:id/obligations',
  operationId: 'addObligation',
  tags,
  summary: 'Registrar una obligación periódica (p. ej. informe mensual) en un folio',
  params: IdParamsSchema,
  body: ObligationInputSchema,
  status: 201,
  response: z.object({ id: z.uuid() }),
});
export const setObligationArea = defineEndpoint({
  method: 'PUT',
  path: '/api/channel/obligations/:id/area',
  operationId: 'setObligationArea',
  tags,
  summary: 'Designar el área que responde cada mes de una obligación periódica (o el personal de enlace)',
  params: IdParamsSchema,
  body: ObligationAreaInputSchema,
  response: z.object({ areaId: z.uuid().nullable() }),
});
export const answerOccurrence = defineEndpoint({
  method: 'POST',
  path: '/api/channel/occurrences/:id/answer',
  operationId: 'answerOccurrence',
  tags,
  summary: 'Responder el informe de un mes de una obligación periódica (también un mes devuelto)',
  description:
    'Lo responde el organismo local: su personal de enlace o el área que atiende la obligación. Los archivos se adjuntan antes en /attachments.',
  params: IdParamsSchema,
  body: AnswerOccurrenceInputSchema,
  response: z.object({ status: OccurrenceStatusSchema }),
});
export const acceptOccurrence = defineEndpoint({
  method: 'POST',
  path: '/api/channel/occurrences/:id/accept',
  operationId: 'acceptOccurrence',
  tags,
  summary: 'Aceptar la respuesta de un mes (el INE, que envió el folio)',
  params: IdParamsSchema,
  body: ReviewOccurrenceInputSchema,
  response: z.object({ status: OccurrenceStatusSchema }),
});
export const returnOccurrence = defineEndpoint({
  method: 'POST',
  path: '/api/channel/occurrences/:id/return',
  operationId: 'returnOccurrence',
  tags,
  summary: 'Devolver la respuesta de un mes con el motivo (el INE); el organismo local la responde de nuevo',
  params: IdParamsSchema,
  body: ReturnOccurrenceInputSchema,
  response: z.object({ status: OccurrenceStatusSchema }),
});
export const listMyOccurrences = defineEndpoint({
  method: 'GET',
  path: '/api/channel/my-occurrences',
  operationId: 'listMyOccurrences',
  tags,
  summary: 'Mis turnos: los meses de las obligaciones periódicas que responden mis áreas',
  query: MyOccurrencesQuerySchema,
  response: z.array(MyOccurrenceSchema),
});

// ---- routing (turno), the areas' queues, consolidation and attachments

export const listFolioRoutings = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios/:id/routings',
  operationId: 'listFolioRoutings',
  tags: routingTags,
  summary: 'Turnos de un folio a las áreas, con sus respuestas y el tiempo en cada área',
  params: IdParamsSchema,
  response: z.array(RoutingSchema),
});
export const routeFolio = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios/:id/routings',
  operationId: 'routeFolio',
  tags: routingTags,
  summary: 'Turnar un folio a un área responsable y a otras para conocimiento',
  params: IdParamsSchema,
  body: RouteFolioInputSchema,
  status: 201,
  response: z.object({ routingIds: z.array(z.uuid()), internalDueOn: z.string().nullable() }),
});
export const reassignRouting = defineEndpoint({
  method: 'POST',
  path: '/api/channel/routings/:id/reassign',
  operationId: 'reassignRouting',
  tags: routingTags,
  summary: 'Reasignar un turno abierto a otra área',
  params: IdParamsSchema,
  body: ReassignRoutingInputSchema,
  status: 201,
  response: z.object({ routingId: z.uuid() }),
});
export const consolidateFolio = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios/:id/consolidate',
  operationId: 'consolidateFolio',
  tags: routingTags,
  summary: 'Enviar la respuesta consolidada de las áreas (o el acuse de un folio de conocimiento)',
  params: IdParamsSchema,
  body: ConsolidateInputSchema,
  response: z.object({ status: FolioStatusSchema, messageId: z.uuid().nullable() }),
});
export const listFolioAttachments = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios/:id/attachments',
  operationId: 'listFolioAttachments',
  tags: routingTags,
  summary: 'Archivos de la comunicación y de los mensajes de un folio',
  params: IdParamsSchema,
  response: z.array(AttachmentSchema),
});
export const attachToCommunication = defineEndpoint({
  method: 'POST',
  path: '/api/channel/communications/:id/attachments',
  operationId: 'attachToCommunication',
  tags: routingTags,
  summary: 'Adjuntar un archivo a una comunicación enviada o registrada',
  ...fileUpload,
  params: IdParamsSchema,
  status: 201,
  response: AttachmentSchema,
  errors: uploadErrors,
});
export const attachToMessage = defineEndpoint({
  method: 'POST',
  path: '/api/channel/messages/:id/attachments',
  operationId: 'attachToMessage',
  tags: routingTags,
  summary: 'Adjuntar un archivo a una respuesta enviada por su organización',
  ...fileUpload,
  params: IdParamsSchema,
  status: 201,
  response: AttachmentSchema,
  errors: uploadErrors,
});
// ---- the Secretaría Ejecutiva's instruction of routings (ADR 0038)

export const getRoutingPolicy = defineEndpoint({
  method: 'GET',
  path: '/api/channel/routing-policy',
  operationId: 'getRoutingPolicy',
  tags: routingTags,
  summary: 'Si los turnos requieren la instrucción de la Secretaría Ejecutiva, y de qué área',
  response: RoutingPolicySchema,
});
export const setRoutingPolicy = defineEndpoint({
  method: 'PUT',
  path: '/api/channel/routing-policy',
  operationId: 'setRoutingPolicy',
  tags: routingTags,
  summary: 'Requerir (o dejar de requerir) la instrucción de la Secretaría Ejecutiva en los turnos',
  body: RoutingPolicyInputSchema,
  response: RoutingPolicySchema,
});
export const listRoutingsToInstruct = defineEndpoint({
  method: 'GET',
  path: '/api/channel/routings-to-instruct',
  operationId: 'listRoutingsToInstruct',
  tags: routingTags,
  summary: 'Turnos propuestos por Vinculación que esperan la instrucción de la Secretaría Ejecutiva',
  response: InstructionQueueSchema,
});
export const instructRouting = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios/:id/instruction',
  operationId: 'instructRouting',
  tags: routingTags,
  summary: 'Instruir el turno propuesto de un folio, o devolverlo a Vinculación',
  params: IdParamsSchema,
  body: InstructRoutingInputSchema,
  response: z.object({ routingIds: z.array(z.uuid()), state: RoutingStateSchema }),
});

export const listMyRoutings = defineEndpoint({
  method: 'GET',
  path: '/api/channel/my-routings',
  operationId: 'listMyRoutings',
  tags: routingTags,
  summary: 'Mis turnos: los folios turnados a mis áreas',
  query: QueueQuerySchema,
  response: QueuePageSchema,
});
export const getMyRouting = defineEndpoint({
  method: 'GET',
  path: '/api/channel/my-routings/:id',
  operationId: 'getMyRouting',
  tags: routingTags,
  summary: 'Un turno de mis áreas, con el folio y sus archivos',
  params: IdParamsSchema,
  response: RoutingDetailSchema,
});
export const answerRouting = defineEndpoint({
  method: 'POST',
  path: '/api/channel/my-routings/:id/answer',
  operationId: 'answerRouting',
  tags: routingTags,
  summary: 'Responder un turno de mi área',
  params: IdParamsSchema,
  body: AnswerRoutingInputSchema,
  response: z.object({ state: RoutingStateSchema }),
});
export const returnRouting = defineEndpoint({
  method: 'POST',
  path: '/api/channel/my-routings/:id/return',
  operationId: 'returnRouting',
  tags: routingTags,
  summary: 'Devolver un turno de mi área, con el motivo',
  params: IdParamsSchema,
  body: ReturnRoutingInputSchema,
  response: z.object({ state: RoutingStateSchema }),
});
export const attachToRouting = defineEndpoint({
  method: 'POST',
  path: '/api/channel/my-routings/:id/attachments',
  operationId: 'attachToRouting',
  tags: routingTags,
  summary: 'Adjuntar un archivo a la respuesta de un turno abierto de mi área',
  ...fileUpload,
  params: IdParamsSchema,
  status: 201,
  response: AttachmentSchema,
  errors: uploadErrors,
});
export const attachToOccurrence = defineEndpoint({
  method: 'POST',
  path: '/api/channel/occurrences/:id/attachments',
  operationId: 'attachToOccurrence',
  tags: routingTags,
  summary: 'Adjuntar un archivo a la respuesta de un mes de una obligación periódica, antes de enviarla',
  description:
    'Archivo en el campo multipart "file". Quien puede responder el mes, mientras está pendiente o devuelto.',
  consumes: fileUpload.consumes,
  params: IdParamsSchema,
  status: 201,
  response: AttachmentSchema,
  errors: uploadErrors,
});
export const downloadAttachment = defineEndpoint({
  method: 'GET',
  path: '/api/channel/attachments/:id',
  operationId: 'downloadChannelAttachment',
  tags: routingTags,
  summary: 'Descargar un archivo del canal (solo quien puede ver el folio)',
  params: IdParamsSchema,
  response: z.any(),
});

// ---- statistics and fortnightly reports

export const getStatistics = defineEndpoint({
  method: 'GET',
  path: '/api/channel/statistics',
  operationId: 'getChannelStatistics',
  tags,
  summary: 'Estadística del canal: estatus, tipo, naturaleza, área, tiempos de respuesta y vencidos',
  query: StatisticsQuerySchema,
  response: ChannelStatisticsSchema,
});
export const listReports = defineEndpoint({
  method: 'GET',
  path: '/api/channel/reports',
  operationId: 'listFortnightlyReports',
  tags,
  summary: 'Informes estadísticos quincenales generados, con su fecha de envío',
  query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
  response: z.array(ChannelReportSchema),
});
export const generateReport = defineEndpoint({
  method: 'POST',
  path: '/api/channel/reports',
  operationId: 'generateFortnightlyReport',
  tags,
  summary: 'Generar (o regenerar, si no se ha enviado) el informe de una quincena; opcionalmente enviarlo',
  body: GenerateReportInputSchema,
  status: 201,
  response: ChannelReportSchema,
});
export const downloadReport = defineEndpoint({
  method: 'GET',
  path: '/api/channel/reports/:id/:format',
  operationId: 'downloadFortnightlyReport',
  tags,
  summary: 'Descargar un informe quincenal en DOCX o PDF',
  produces: DOCUMENT_TYPES,
  params: IdParamsSchema.extend({ format: z.enum(['docx', 'pdf']) }),
  response: z.string().describe('El documento'),
});
export const sendReport = defineEndpoint({
  method: 'POST',
  path: '/api/channel/reports/:id/send',
  operationId: 'sendFortnightlyReport',
  tags,
  summary: 'Enviar ahora un informe quincenal a la lista de distribución (por la cola de trabajos)',
  description:
    'También reenvía un informe cuyo envío falló. 409 si ya se envió o está en cola, si la lista está vacía o si no hay servidor de correo (SMTP) configurado.',
  params: IdParamsSchema,
  status: 202,
  response: z.object({ recipients: z.array(z.string()) }),
});
export const listReportRecipients = defineEndpoint({
  method: 'GET',
  path: '/api/channel/report-recipients',
  operationId: 'listReportRecipients',
  tags,
  summary: 'Lista de distribución del informe quincenal',
  response: z.array(ReportRecipientSchema),
});
export const addReportRecipient = defineEndpoint({
  method: 'POST',
  path: '/api/channel/report-recipients',
  operationId: 'addReportRecipient',
  tags,
  summary: 'Agregar un correo a la lista de distribución del informe quincenal',
  body: ReportRecipientInputSchema,
  status: 201,
  response: ReportRecipientSchema,
});
export const removeReportRecipient = defineEndpoint({
  method: 'DELETE',
  path: '/api/channel/report-recipients/:id',
  operationId: 'removeReportRecipient',
  tags,
  summary: 'Quitar un correo de la lista de distribución',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});

// ---- the working calendar

export const getWorkCalendar = defineEndpoint({
  method: 'GET',
  path: '/api/channel/calendar',
  operationId: 'getWorkCalendar',
  tags,
  summary:
    'Calendario laboral del organismo en un año: días oficiales, inhábiles propios y periodos en que todos los días son hábiles',
  query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
  response: WorkCalendarViewSchema,
});
export const addNonWorkingDays = defineEndpoint({
  method: 'POST',
  path: '/api/channel/calendar/non-working-days',
  operationId: 'addNonWorkingDays',
  tags,
  summary: 'Declarar días inhábiles propios (un día o un periodo, p. ej. Semana Santa)',
  body: NonWorkingDayInputSchema,
  status: 201,
  response: z.object({ added: z.array(LocalDateSchema) }),
});
export const removeNonWorkingDay = defineEndpoint({
  method: 'DELETE',
  path: '/api/channel/calendar/non-working-days/:day',
  operationId: 'removeNonWorkingDay',
  tags,
  summary: 'Quitar un día inhábil propio',
  params: z.object({ day: LocalDateSchema }),
  status: 204,
  response: z.null(),
});
export const addEveryDayCounts = defineEndpoint({
  method: 'POST',
  path: '/api/channel/calendar/every-day-counts',
  operationId: 'addEveryDayCounts',
  tags,
  summary: 'Declarar un periodo en que todos los días son hábiles',
  body: EveryDayCountsInputSchema,
  status: 201,
  response: z.object({ id: z.uuid() }),
});
export const removeEveryDayCounts = defineEndpoint({
  method: 'DELETE',
  path: '/api/channel/calendar/every-day-counts/:id',
  operationId: 'removeEveryDayCounts',
  tags,
  summary: 'Quitar un periodo en que todos los días son hábiles',
  params: IdParamsSchema,
  status: 204,
  response: z.null(),
});

// ---- import of received folios

export const downloadFolioImportTemplate = defineEndpoint({
  method: 'GET',
  path: '/api/channel/folios/import/template',
  operationId: 'downloadFolioImportTemplate',
  tags,
  summary: 'Plantilla CSV o XLSX para importar folios recibidos',
  produces: SPREADSHEET_TYPES,
  query: z.object({ format: ExportFormatSchema.default('csv') }),
  response: z.string().describe('La plantilla'),
});
export const importFolios = defineEndpoint({
  method: 'POST',
  path: '/api/channel/folios/import',
  operationId: 'importFolios',
  tags,
  summary:
    'Importar folios recibidos desde CSV o XLSX: con dryRun=true, el plan de cada fila sin guardar nada; si no, todo o nada',
  ...fileUpload,
  query: ImportRunQuerySchema,
  response: ImportPlanSchema,
  errors: uploadErrors,
});

// ---- the national authority's import of the folios it sent

export const downloadSentFolioImportTemplate = defineEndpoint({
  method: 'GET',
  path: '/api/channel/sent-folios/import/template',
  operationId: 'downloadSentFolioImportTemplate',
  tags,
  summary: 'Plantilla CSV o XLSX para importar los folios que la autoridad nacional envió',
  produces: SPREADSHEET_TYPES,
  query: z.object({ format: ExportFormatSchema.default('csv') }),
  response: z.string().describe('La plantilla'),
});
export const importSentFolios = defineEndpoint({
  method: 'POST',
  path: '/api/channel/sent-folios/import',
  operationId: 'importSentFolios',
  tags,
  summary:
    'Importar los folios de seguimiento que la autoridad nacional envió a los organismos locales (CSV o XLSX): una fila por folio y destinatario; con dryRun=true, el plan de cada fila sin guardar nada; si no, todo o nada',
  ...fileUpload,
  query: ImportRunQuerySchema,
  response: ImportPlanSchema,
  errors: uploadErrors,
});
