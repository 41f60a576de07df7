import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import { ImportPlanSchema, ImportRunQuerySchema, TemplateQuerySchema } from '../../shared/import-plan';
import {
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  AgendaItemSchema,
  AgendaListSchema,
  AgendaOrderInputSchema,
  AgreementInputSchema,
  AgreementOptionSchema,
  AgreementPatchSchema,
  AgreementSearchQuerySchema,
  AgreementSchema,
  AgreementsBySessionSchema,
  AttendanceInputSchema,
  AttendanceTableSchema,
  BodyDetailSchema,
  BodyInputSchema,
  BodyListSchema,
  BodyPatchSchema,
  BodySchema,
  ConvocationDocumentParamsSchema,
  ConvocationInputSchema,
  ConvocationSchema,
  ConvocationTokenParamsSchema,
  DocumentFormatQuerySchema,
  FeedParamsSchema,
  FeedTokenCreatedSchema,
  FeedTokenInputSchema,
  FeedTokenListSchema,
  FeedTokenSchema,
  HistoricalAgreementInputSchema,
  IdParamsSchema,
  MandateDetailSchema,
  MandateInputSchema,
  MandateListQuerySchema,
  MandateListSchema,
  MandatePatchSchema,
  MandateUpdateInputSchema,
  MembershipInputSchema,
  MembershipParamsSchema,
  MembershipPatchSchema,
  MembershipSchema,
  MinutesApprovalInputSchema,
  NoticeResponseInputSchema,
  NoticeSettingsInputSchema,
  NoticeSettingsSchema,
  OpinionParamsSchema,
  OpinionQuerySchema,
  PeriodDocumentQuerySchema,
  PeriodQuerySchema,
  PublicConvocationSchema,
  RecipientParamsSchema,
  SessionCancellationInputSchema,
  SessionDetailSchema,
  SessionDocumentParamsSchema,
  SessionInputSchema,
  SessionListSchema,
  SessionPatchSchema,
  SessionSchema,
  VoteInputSchema,
} from './contract';

// The governance module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const tags = ['Órganos colegiados'];
const fileResponse = z.string().describe('El archivo');
const DOCUMENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
];

// ---- bodies and composition

export const listBodies = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies',
  operationId: 'listBodies',
  tags,
  summary: 'Órganos colegiados',
  response: BodyListSchema,
});
export const createBody = defineEndpoint({
  method: 'POST',
  path: '/api/governance/bodies',
  operationId: 'createBody',
  tags,
  summary: 'Registrar el Consejo General o una comisión',
  body: BodyInputSchema,
  status: 201,
  response: BodySchema,
});
export const getBody = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies/:id',
  operationId: 'getBody',
  tags,
  summary: 'Un órgano colegiado y su integración en el tiempo',
  params: IdParamsSchema,
  response: BodyDetailSchema,
});
export const updateBody = defineEndpoint({
  method: 'PATCH',
  path: '/api/governance/bodies/:id',
  operationId: 'updateBody',
  tags,
  summary: 'Corregir el nombre, el acuerdo de creación o las fechas de un órgano colegiado',
  params: IdParamsSchema,
  body: BodyPatchSchema,
  response: BodySchema,
});
export const addMembership = defineEndpoint({
  method: 'POST',
  path: '/api/governance/bodies/:id/memberships',
  operationId: 'addMembership',
  tags,
  summary: 'Agregar un cargo o invitación permanente',
  params: IdParamsSchema,
  body: MembershipInputSchema,
  status: 201,
  response: MembershipSchema,
});
export const updateMembership = defineEndpoint({
  method: 'PATCH',
  path: '/api/governance/bodies/:id/memberships/:membershipId',
  operationId: 'updateMembership',
  tags,
  summary: 'Concluir o reordenar un cargo',
  params: MembershipParamsSchema,
  body: MembershipPatchSchema,
  response: MembershipSchema,
});

// ---- sessions

export const listSessions = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies/:id/sessions',
  operationId: 'listSessions',
  tags,
  summary: 'Sesiones de un órgano colegiado (número y nombre derivados)',
  params: IdParamsSchema,
  query: PeriodQuerySchema,
  response: SessionListSchema,
});
export const createSession = defineEndpoint({
  method: 'POST',
  path: '/api/governance/bodies/:id/sessions',
  operationId: 'createSession',
  tags,
  summary: 'Registrar una sesión',
  params: IdParamsSchema,
  body: SessionInputSchema,
  status: 201,
  response: SessionSchema,
});
export const getSession = defineEndpoint({
  method: 'GET',
  path: '/api/governance/sessions/:id',
  operationId: 'getSession',
  tags,
  summary: 'Una sesión: orden del día, asistencia por cargo, quórum y acuerdos',
  params: IdParamsSchema,
  response: SessionDetailSchema,
});
export const updateSession = defineEndpoint({
  method: 'PATCH',
  path: '/api/governance/sessions/:id',
  operationId: 'updateSession',
  tags,
  summary: 'Modificar una sesión o su proyecto de minuta',
  params: IdParamsSchema,
  body: SessionPatchSchema,
  response: SessionSchema,
});
export const addAgendaItem = defineEndpoint({
  method: 'POST',
  path: '/api/governance/sessions/:id/agenda-items',
  operationId: 'addAgendaItem',
  tags,
  summary: 'Agregar un punto al orden del día',
  params: IdParamsSchema,
  body: AgendaItemInputSchema,
  status: 201,
  response: AgendaItemSchema,
});
export const updateAgendaItem = defineEndpoint({
  method: 'PATCH',
  path: '/api/governance/agenda-items/:id',
  operationId: 'updateSessionAgendaItem',
  tags,
  summary: 'Corregir un punto del orden del día (mientras la sesión no se celebre)',
  params: IdParamsSchema,
  body: AgendaItemPatchSchema,
  response: AgendaItemSchema,
});
export const removeAgendaItem = defineEndpoint({
  method: 'DELETE',
  path: '/api/governance/agenda-items/:id',
  operationId: 'removeSessionAgendaItem',
  tags,
  summary: 'Quitar un punto del orden del día (mientras la sesión no se celebre); los siguientes suben',
  params: IdParamsSchema,
  response: AgendaListSchema,
});
export const reorderAgenda = defineEndpoint({
  method: 'PUT',
  path: '/api/governance/sessions/:id/agenda-order',
  operationId: 'reorderSessionAgenda',
  tags,
  summary: 'Reordenar el orden del día (todos los puntos, mientras la sesión no se celebre)',
  params: IdParamsSchema,
  body: AgendaOrderInputSchema,
  response: AgendaListSchema,
});
export const cancelSession = defineEndpoint({
  method: 'POST',
  path: '/api/governance/sessions/:id/cancellation',
  operationId: 'cancelSession',
  tags,
  summary: 'Cancelar una sesión que no se ha celebrado, con su motivo',
  params: IdParamsSchema,
  body: SessionCancellationInputSchema,
  response: SessionSchema,
});
export const attachAgendaDocument = defineEndpoint({
  method: 'POST',
  path: '/api/governance/agenda-items/:id/documents',
  operationId: 'attachAgendaDocument',
  tags,
  summary: 'Adjuntar un documento a un punto del orden del día',
  description: 'Archivo en el campo multipart "file".',
  consumes: ['multipart/form-data'],
  params: IdParamsSchema,
  status: 201,
  response: AgendaItemSchema,
  errors: [413, 415],
});
export const downloadAgendaDocument = defineEndpoint({
  method: 'GET',
  path: '/api/governance/agenda-documents/:id',
  operationId: 'downloadAgendaDocument',
  tags,
  summary: 'Descargar un documento del orden del día',
  params: IdParamsSchema,
  response: fileResponse,
});
export const recordAttendance = defineEndpoint({
  method: 'PUT',
  path: '/api/governance/sessions/:id/attendance',
  operationId: 'recordAttendance',
  tags,
  summary: 'Registrar la asistencia (cada quien en el cargo que tenía ese día)',
  params: IdParamsSchema,
  body: AttendanceInputSchema,
  response: SessionDetailSchema,
});
export const adoptAgreement = defineEndpoint({
  method: 'POST',
  path: '/api/governance/sessions/:id/agreements',
  operationId: 'adoptAgreement',
  tags,
  summary: 'Adoptar un acuerdo (numeración consecutiva por órgano y año)',
  params: IdParamsSchema,
  body: AgreementInputSchema,
  status: 201,
  response: AgreementSchema,
});
export const approveMinutes = defineEndpoint({
  method: 'POST',
  path: '/api/governance/sessions/:id/minutes-approval',
  operationId: 'approveMinutes',
  tags,
  summary: 'Aprobar la minuta mediante un acuerdo de una sesión posterior',
  params: IdParamsSchema,
  body: MinutesApprovalInputSchema,
  response: SessionSchema,
});
export const downloadSessionDocument = defineEndpoint({
  method: 'GET',
  path: '/api/governance/sessions/:id/documents/:document',
  operationId: 'downloadSessionDocument',
  tags,
  summary: 'Orden del día, lista de asistencia o minuta en DOCX o PDF',
  produces: DOCUMENT_TYPES,
  params: SessionDocumentParamsSchema,
  query: DocumentFormatQuerySchema,
  response: fileResponse,
});

// ---- agreements

export const listBodyAgreements = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies/:id/agreements',
  operationId: 'listBodyAgreements',
  tags,
  summary: 'Acuerdos adoptados en un periodo, por sesión',
  params: IdParamsSchema,
  query: PeriodQuerySchema,
  response: AgreementsBySessionSchema,
});
export const sessionImportTemplate = defineEndpoint({
  method: 'GET',
  path: '/api/governance/sessions/import/template',
  operationId: 'sessionImportTemplate',
  tags,
  summary: 'Plantilla XLSX o CSV para importar sesiones, asistencia y acuerdos',
  produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  query: TemplateQuerySchema,
  response: fileResponse,
});
export const importSessions = defineEndpoint({
  method: 'POST',
  path: '/api/governance/sessions/import',
  operationId: 'importSessions',
  tags,
  summary: 'Importar sesiones celebradas, su asistencia y sus acuerdos (CSV o XLSX)',
  description:
    'Archivo en el campo multipart "file", de 10,000 filas a lo más. Cada fila nombra una sesión (órgano, ' +
    'tipo, fecha y hora de inicio) y, si acaso, un acuerdo con su número: lo nuevo se registra, lo igual ' +
    'no cambia, lo registrado con otros datos se rechaza. Con dryRun=true solo se informa, fila por fila, ' +
    'qué pasaría. Sin dryRun, una fila rechazada detiene todo (400 IMPORT_INVALID); sin rechazos, todo se ' +
    'guarda en una sola transacción.',
  consumes: ['multipart/form-data'],
  query: ImportRunQuerySchema,
  response: ImportPlanSchema,
  errors: [413, 415],
});
export const recordHistoricalAgreement = defineEndpoint({
  method: 'POST',
  path: '/api/governance/bodies/:id/historical-agreements',
  operationId: 'recordHistoricalAgreement',
  tags,
  summary: 'Registrar un acuerdo anterior al sistema con su número',
  params: IdParamsSchema,
  body: HistoricalAgreementInputSchema,
  status: 201,
  response: AgreementSchema,
});
export const searchAgreements = defineEndpoint({
  method: 'GET',
  path: '/api/governance/agreements',
  operationId: 'searchAgreements',
  tags,
  summary: 'Buscar acuerdos por número, título u órgano (para elegir uno desde otros módulos)',
  query: AgreementSearchQuerySchema,
  response: z.array(AgreementOptionSchema),
});
export const getAgreement = defineEndpoint({
  method: 'GET',
  path: '/api/governance/agreements/:id',
  operationId: 'getAgreement',
  tags,
  summary: 'Un acuerdo',
  params: IdParamsSchema,
  response: AgreementSchema,
});
export const updateAgreement = defineEndpoint({
  method: 'PATCH',
  path: '/api/governance/agreements/:id',
  operationId: 'updateAgreement',
  tags,
  summary: 'Corregir un acuerdo (mientras la minuta de su sesión no esté aprobada)',
  params: IdParamsSchema,
  body: AgreementPatchSchema,
  response: AgreementSchema,
});

// ---- reports and calendars

export const getAttendanceReport = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies/:id/attendance-report',
  operationId: 'getAttendanceReport',
  tags,
  summary: 'Reporte de asistencia de un periodo (una columna por sesión)',
  params: IdParamsSchema,
  query: PeriodQuerySchema,
  response: AttendanceTableSchema,
});
export const downloadAttendanceReport = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies/:id/attendance-report/document',
  operationId: 'downloadAttendanceReport',
  tags,
  summary: 'Reporte de asistencia en DOCX o PDF',
  produces: DOCUMENT_TYPES,
  params: IdParamsSchema,
  query: PeriodDocumentQuerySchema,
  response: fileResponse,
});
export const getBodyCalendar = defineEndpoint({
  method: 'GET',
  path: '/api/governance/bodies/:id/calendar.ics',
  operationId: 'getBodyCalendar',
  tags,
  summary: 'Calendario iCal de las sesiones de un órgano colegiado',
  produces: ['text/calendar'],
  params: IdParamsSchema,
  response: fileResponse,
});
export const listFeedTokens = defineEndpoint({
  method: 'GET',
  path: '/api/governance/feed-tokens',
  operationId: 'listFeedTokens',
  tags,
  summary: 'Mis direcciones de calendario para suscribirse desde otra aplicación',
  response: FeedTokenListSchema,
});
export const issueFeedToken = defineEndpoint({
  method: 'POST',
  path: '/api/governance/feed-tokens',
  operationId: 'issueFeedToken',
  tags,
  summary: 'Crear una dirección secreta de calendario (de un órgano o de todos)',
  description: 'La dirección con su secreto se muestra una sola vez; solo se guarda su huella.',
  body: FeedTokenInputSchema,
  status: 201,
  response: FeedTokenCreatedSchema,
});
export const revokeFeedToken = defineEndpoint({
  method: 'DELETE',
  path: '/api/governance/feed-tokens/:id',
  operationId: 'revokeFeedToken',
  tags,
  summary: 'Revocar una dirección de calendario',
  params: IdParamsSchema,
  response: FeedTokenSchema,
});
export const getFeedCalendar = defineEndpoint({
  method: 'GET',
  path: '/api/governance/feeds/:token/sesiones.ics',
  operationId: 'getFeedCalendar',
  tags,
  summary: 'Calendario iCal por dirección secreta (sin sesión iniciada)',
  description: 'Una dirección revocada o desconocida responde 404.',
  public: true,
  produces: ['text/calendar'],
  params: FeedParamsSchema,
  response: fileResponse,
});

// ---- SSSCG mandates

export const listMandates = defineEndpoint({
  method: 'GET',
  path: '/api/governance/mandates',
  operationId: 'listMandates',
  tags,
  summary: 'Mandatos del Consejo General en seguimiento (SSSCG)',
  query: MandateListQuerySchema,
  response: MandateListSchema,
});
export const createMandate = defineEndpoint({
  method: 'POST',
  path: '/api/governance/mandates',
  operationId: 'createMandate',
  tags,
  summary: 'Registrar un mandato de un acuerdo del Consejo General a áreas',
  body: MandateInputSchema,
  status: 201,
  response: MandateDetailSchema,
});
export const getMandate = defineEndpoint({
  method: 'GET',
  path: '/api/governance/mandates/:id',
  operationId: 'getMandate',
  tags,
  summary: 'Un mandato y sus actualizaciones',
  params: IdParamsSchema,
  response: MandateDetailSchema,
});
export const updateMandate = defineEndpoint({
  method: 'PATCH',
  path: '/api/governance/mandates/:id',
  operationId: 'updateMandate',
  tags,
  summary: 'Modificar un mandato (estado, plazo)',
  params: IdParamsSchema,
  body: MandatePatchSchema,
  response: MandateDetailSchema,
});
export const addMandateUpdate = defineEndpoint({
  method: 'POST',
  path: '/api/governance/mandates/:id/updates',
  operationId: 'addMandateUpdate',
  tags,
  summary: 'Registrar una actualización fechada del mandato',
  params: IdParamsSchema,
  body: MandateUpdateInputSchema,
  status: 201,
  response: MandateDetailSchema,
});

// ---- the convocatoria, its receipts and confirmations; the notice periods

export const conveneSession = defineEndpoint({
  method: 'POST',
  path: '/api/governance/sessions/:id/convocation',
  operationId: 'conveneSession',
  tags,
  summary: 'Enviar la convocatoria por correo, con invitación de calendario, a integrantes e invitados',
  description:
    'Con menos anticipación de la que exige la configuración para el tipo de sesión responde 409 CONVOCATION_LATE, salvo que confirmLate sea true.',
  params: IdParamsSchema,
  body: ConvocationInputSchema,
  status: 201,
  response: ConvocationSchema,
});
export const recordConvocationResponse = defineEndpoint({
  method: 'PUT',
  path: '/api/governance/sessions/:id/convocation/recipients/:recipientId',
  operationId: 'recordConvocationResponse',
  tags,
  summary: 'Registrar la confirmación de asistencia que una persona dio por otro medio',
  params: RecipientParamsSchema,
  body: NoticeResponseInputSchema,
  response: ConvocationSchema,
});
export const getNoticeSettings = defineEndpoint({
  method: 'GET',
  path: '/api/governance/notice-settings',
  operationId: 'getNoticeSettings',
  tags,
  summary: 'Anticipación mínima de la convocatoria por tipo de sesión, en horas',
  response: NoticeSettingsSchema,
});
export const updateNoticeSettings = defineEndpoint({
  method: 'PUT',
  path: '/api/governance/notice-settings',
  operationId: 'updateNoticeSettings',
  tags,
  summary: 'Cambiar la anticipación mínima de la convocatoria por tipo de sesión',
  body: NoticeSettingsInputSchema,
  response: NoticeSettingsSchema,
});
export const openConvocation = defineEndpoint({
  method: 'GET',
  path: '/api/public/convocations/:token',
  operationId: 'openConvocation',
  tags,
  summary: 'La convocatoria por el enlace de la persona convocada (registra el acuse de recibo)',
  public: true,
  params: ConvocationTokenParamsSchema,
  response: PublicConvocationSchema,
});
export const answerConvocation = defineEndpoint({
  method: 'POST',
  path: '/api/public/convocations/:token/response',
  operationId: 'answerConvocation',
  tags,
  summary: 'Confirmar o declinar la asistencia por el enlace de la convocatoria',
  public: true,
  params: ConvocationTokenParamsSchema,
  body: NoticeResponseInputSchema,
  response: PublicConvocationSchema,
});
export const downloadConvocationDocument = defineEndpoint({
  method: 'GET',
  path: '/api/public/convocations/:token/documents/:documentId',
  operationId: 'downloadConvocationDocument',
  tags,
  summary: 'Descargar un documento del orden del día por el enlace de la convocatoria',
  public: true,
  params: ConvocationDocumentParamsSchema,
  response: fileResponse,
});

// ---- votes and votos particulares / concurrentes

export const recordVote = defineEndpoint({
  method: 'POST',
  path: '/api/governance/agreements/:id/votes',
  operationId: 'recordVote',
  tags,
  summary: 'Registrar el voto de una persona integrante en un acuerdo aprobado por mayoría',
  params: IdParamsSchema,
  body: VoteInputSchema,
  status: 201,
  response: AgreementSchema,
});
export const attachOpinion = defineEndpoint({
  method: 'POST',
  path: '/api/governance/agreements/:id/opinions',
  operationId: 'attachAgreementOpinion',
  tags,
  summary: 'Adjuntar un voto particular o concurrente',
  description: 'Archivo en el campo multipart "file"; la persona y el tipo de voto en la consulta.',
  consumes: ['multipart/form-data'],
  params: IdParamsSchema,
  query: OpinionQuerySchema,
  status: 201,
  response: AgreementSchema,
  errors: [413, 415],
});
export const downloadOpinion = defineEndpoint({
  method: 'GET',
  path: '/api/governance/agreements/:id/opinions/:opinionId',
  operationId: 'downloadAgreementOpinion',
  tags,
  summary: 'Descargar un voto particular o concurrente',
  params: OpinionParamsSchema,
  response: fileResponse,
});
