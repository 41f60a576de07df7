import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import {
  ArcoExtendInputSchema,
  ArcoInputSchema,
  ArcoListQuerySchema,
  ArcoRequestSchema,
  ArcoResolveInputSchema,
  BaseInputSchema,
  BasePatchSchema,
  BaseSchema,
  BounceInputSchema,
  BounceReportSchema,
  CampaignInputSchema,
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignPatchSchema,
  CampaignSchema,
  ConsentInputSchema,
  ConsentSchema,
  ContactDetailSchema,
  ContactExportQuerySchema,
  ContactInputSchema,
  ContactListQuerySchema,
  ContactPageSchema,
  ContactPatchSchema,
  ContactSchema,
  EraseInputSchema,
  IdParamsSchema,
  ImportQuerySchema,
  ImportReportSchema,
  LedgerPageSchema,
  LedgerQuerySchema,
  ManualContactInputSchema,
  ManualContactSchema,
  OptOutsInputSchema,
  TokenParamsSchema,
  UnsubscribeInfoSchema,
  WithdrawConsentInputSchema,
} from './contract';

// The outreach module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const tags = ['Difusión'];
const STATE_REFUSED = '409 si el estado de la campaña no lo permite.';

export const listContactBases = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/bases',
  operationId: 'listContactBases',
  tags,
  summary: 'Bases de contactos',
  response: z.array(BaseSchema),
});
export const createContactBase = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/bases',
  operationId: 'createContactBase',
  tags,
  summary: 'Crear una base de contactos',
  body: BaseInputSchema,
  status: 201,
  response: BaseSchema,
});
export const updateContactBase = defineEndpoint({
  method: 'PATCH',
  path: '/api/outreach/bases/:id',
  operationId: 'updateContactBase',
  tags,
  summary: 'Modificar una base',
  params: IdParamsSchema,
  body: BasePatchSchema,
  response: BaseSchema,
});
export const listContacts = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/contacts',
  operationId: 'listContacts',
  tags,
  summary: 'Buscar contactos',
  query: ContactListQuerySchema,
  response: ContactPageSchema,
});
export const createContact = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/contacts',
  operationId: 'createContact',
  tags,
  summary: 'Registrar un contacto',
  body: ContactInputSchema,
  status: 201,
  response: ContactSchema,
});
export const getContact = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/contacts/:id',
  operationId: 'getContact',
  tags,
  summary: 'Un contacto con sus consentimientos, bajas, solicitudes ARCO e historial',
  params: IdParamsSchema,
  response: ContactDetailSchema,
});
export const updateContact = defineEndpoint({
  method: 'PATCH',
  path: '/api/outreach/contacts/:id',
  operationId: 'updateContact',
  tags,
  summary: 'Corregir (rectificar) un contacto',
  params: IdParamsSchema,
  body: ContactPatchSchema,
  response: ContactSchema,
});
export const importContacts = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/contacts/import',
  operationId: 'importContacts',
  tags,
  summary: 'Importar contactos a una base desde CSV o XLSX',
  description:
    'Archivo en el campo multipart "file". Columnas: nombre, tipo, correo, telefono, pais, ciudad, organizacion, ' +
    'etiquetas, notas, consentimiento_fecha, consentimiento_fuente, consentimiento_finalidad, aviso_privacidad_version. ' +
    'Con skipInvalid=false (predeterminado) una fila con errores o duplicada detiene todo (400 IMPORT_INVALID).',
  consumes: ['multipart/form-data'],
  query: ImportQuerySchema,
  response: ImportReportSchema,
  errors: [413, 415],
});
export const recordConsent = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/contacts/:id/consents',
  operationId: 'recordConsent',
  tags,
  summary: 'Registrar un consentimiento con su evidencia',
  params: IdParamsSchema,
  body: ConsentInputSchema,
  status: 201,
  response: ConsentSchema,
});
export const withdrawConsent = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/consents/:id/withdraw',
  operationId: 'withdrawConsent',
  tags,
  summary: 'Registrar el retiro de un consentimiento',
  params: IdParamsSchema,
  body: WithdrawConsentInputSchema,
  response: ConsentSchema,
});
export const setOptOuts = defineEndpoint({
  method: 'PUT',
  path: '/api/outreach/contacts/:id/opt-outs',
  operationId: 'setOptOuts',
  tags,
  summary: 'Bajas por canal (correo, WhatsApp, teléfono)',
  params: IdParamsSchema,
  body: OptOutsInputSchema,
  response: z.array(z.object({ channel: z.string(), source: z.string(), optedOutAt: z.string() })),
});
export const exportContact = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/contacts/:id/export',
  operationId: 'exportContact',
  tags,
  summary: 'Exportar todo lo que se conserva de una persona (JSON o XLSX)',
  produces: ['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  params: IdParamsSchema,
  query: ContactExportQuerySchema,
  response: z.string(),
});
export const eraseContact = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/contacts/:id/erase',
  operationId: 'eraseContact',
  tags,
  summary: 'Suprimir los datos personales de un contacto (cancelación)',
  params: IdParamsSchema,
  body: EraseInputSchema,
  response: ContactSchema,
});
export const listArcoRequests = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/arco-requests',
  operationId: 'listArcoRequests',
  tags,
  summary: 'Solicitudes ARCO con su plazo',
  query: ArcoListQuerySchema,
  response: z.array(ArcoRequestSchema),
});
export const createArcoRequest = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/arco-requests',
  operationId: 'createArcoRequest',
  tags,
  summary: 'Registrar una solicitud ARCO',
  body: ArcoInputSchema,
  status: 201,
  response: ArcoRequestSchema,
});
export const getArcoRequest = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/arco-requests/:id',
  operationId: 'getArcoRequest',
  tags,
  summary: 'Una solicitud ARCO',
  params: IdParamsSchema,
  response: ArcoRequestSchema,
});
export const extendArcoRequest = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/arco-requests/:id/extend',
  operationId: 'extendArcoRequest',
  tags,
  summary: 'Ampliar una vez el plazo (10 días hábiles)',
  params: IdParamsSchema,
  body: ArcoExtendInputSchema,
  response: ArcoRequestSchema,
});
export const resolveArcoRequest = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/arco-requests/:id/resolve',
  operationId: 'resolveArcoRequest',
  tags,
  summary: 'Registrar la respuesta',
  params: IdParamsSchema,
  body: ArcoResolveInputSchema,
  response: ArcoRequestSchema,
});
export const listCampaigns = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/campaigns',
  operationId: 'listCampaigns',
  tags,
  summary: 'Campañas de difusión',
  query: CampaignListQuerySchema,
  response: CampaignPageSchema,
});
export const listCampaignObjectives = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/objectives',
  operationId: 'listCampaignObjectives',
  tags,
  summary: 'Objetivos del programa de trabajo a los que puede vincularse una campaña',
  response: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string(), year: z.number().int() })),
});
export const createCampaign = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/campaigns',
  operationId: 'createCampaign',
  tags,
  summary: 'Crear una campaña',
  body: CampaignInputSchema,
  status: 201,
  response: CampaignSchema,
});
export const getCampaign = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/campaigns/:id',
  operationId: 'getCampaign',
  tags,
  summary: 'Una campaña con su avance',
  params: IdParamsSchema,
  response: CampaignSchema,
});
export const updateCampaign = defineEndpoint({
  method: 'PATCH',
  path: '/api/outreach/campaigns/:id',
  operationId: 'updateCampaign',
  tags,
  summary: 'Modificar una campaña en borrador',
  params: IdParamsSchema,
  body: CampaignPatchSchema,
  response: CampaignSchema,
});
export const startCampaign = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/campaigns/:id/start',
  operationId: 'startCampaign',
  tags,
  summary: 'Iniciar (o programar) el envío por correo',
  description:
    'Crea el registro por destinatario y encola el envío. 409 NO_RECIPIENTS si nadie puede recibirla.',
  params: IdParamsSchema,
  response: CampaignSchema,
});
export const pauseCampaign = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/campaigns/:id/pause',
  operationId: 'pauseCampaign',
  tags,
  summary: 'Pausar el envío',
  description:
    'Los remitentes de todas las instancias se detienen antes de su siguiente mensaje; lo pendiente queda en cola. ' +
    STATE_REFUSED,
  params: IdParamsSchema,
  response: CampaignSchema,
});
export const resumeCampaign = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/campaigns/:id/resume',
  operationId: 'resumeCampaign',
  tags,
  summary: 'Reanudar el envío',
  description: 'Vuelve a encolar el envío de una campaña en pausa. ' + STATE_REFUSED,
  params: IdParamsSchema,
  response: CampaignSchema,
});
export const cancelCampaign = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/campaigns/:id/cancel',
  operationId: 'cancelCampaign',
  tags,
  summary: 'Cancelar el envío',
  description:
    'Los remitentes se detienen antes de su siguiente mensaje y los destinatarios pendientes quedan cancelados. No se puede deshacer. ' +
    STATE_REFUSED,
  params: IdParamsSchema,
  response: CampaignSchema,
});
export const recordBounces = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/bounces',
  operationId: 'recordBounces',
  tags,
  summary: 'Registrar rebotes a partir de un aviso de no entrega (DSN)',
  description:
    'Lee los grupos Final-Recipient/Status del aviso pegado como texto; cada falla permanente (5.x.x) marca como rechazado el envío correspondiente (por Message-ID o por dirección) y, tras varios rebotes, la dirección queda marcada como inválida.',
  body: BounceInputSchema,
  response: BounceReportSchema,
});
export const getCampaignLedger = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/campaigns/:id/ledger',
  operationId: 'getCampaignLedger',
  tags,
  summary: 'Registro de envío por destinatario',
  params: IdParamsSchema,
  query: LedgerQuerySchema,
  response: LedgerPageSchema,
});
export const listManualContacts = defineEndpoint({
  method: 'GET',
  path: '/api/outreach/campaigns/:id/manual-contacts',
  operationId: 'listManualContacts',
  tags,
  summary: 'Mensajes de WhatsApp y llamadas registrados',
  params: IdParamsSchema,
  response: z.array(ManualContactSchema),
});
export const recordManualContact = defineEndpoint({
  method: 'POST',
  path: '/api/outreach/campaigns/:id/manual-contacts',
  operationId: 'recordManualContact',
  tags,
  summary: 'Registrar un mensaje de WhatsApp o una llamada',
  params: IdParamsSchema,
  body: ManualContactInputSchema,
  status: 201,
  response: ManualContactSchema,
});
export const getUnsubscribeInfo = defineEndpoint({
  method: 'GET',
  path: '/api/public/outreach/unsubscribe/:token',
  operationId: 'getUnsubscribeInfo',
  tags,
  summary: 'Datos de la página pública de baja',
  public: true,
  params: TokenParamsSchema,
  response: UnsubscribeInfoSchema,
});
export const unsubscribe = defineEndpoint({
  method: 'POST',
  path: '/api/public/outreach/unsubscribe/:token',
  operationId: 'unsubscribe',
  tags,
  summary: 'Darse de baja del correo (enlace firmado; también List-Unsubscribe-Post)',
  public: true,
  params: TokenParamsSchema,
  response: UnsubscribeInfoSchema,
});
export const recordOpen = defineEndpoint({
  method: 'GET',
  path: '/api/public/outreach/open/:token',
  operationId: 'recordOpen',
  tags,
  summary: 'Imagen de seguimiento de apertura',
  public: true,
  produces: ['image/gif'],
  params: TokenParamsSchema,
  response: z.string().describe('Imagen GIF transparente de 1×1'),
});
