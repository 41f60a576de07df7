import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor, authorize } from '../accounts';
import { readUpload, sendDownload } from '../platform/http/files';
import { notFound } from '../platform/errors';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { ApiErrorSchema } from '../../shared/errors';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
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
import {
  createArcoRequest,
  extendArcoRequest,
  findArcoRequest,
  listArcoRequests,
  resolveArcoRequest,
} from './arco-requests';
import { eraseContact } from './erase-contact';
import { contactDossier, exportContact } from './export-contact';
import { importContacts } from './import-contacts';
import { recordManualContact } from './record-manual-contact';
import * as repo from './repository';
import { createBase, updateBase } from './save-base';
import { createCampaign, updateCampaign } from './save-campaign';
import { recordConsent, setOptOuts, withdrawConsent } from './save-consent';
import { createContact, updateContact } from './save-contact';
import { startCampaign } from './start-campaign';
import { cancelCampaign } from './cancel-campaign';
import { pauseCampaign } from './pause-campaign';
import { resumeCampaign } from './resume-campaign';
import { recordBounces } from './record-bounce';
import { recordOpen, unsubscribe, unsubscribeInfo } from './unsubscribe';

const tags = ['Difusión'];
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const outreachRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = (req: FastifyRequest) => authorize(ctx, req, 'outreach.read');
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'outreach.write'));
  const privacy = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'outreach.privacy'));

  // ---- bases
  api.get(
    '/api/outreach/bases',
    { schema: { tags, summary: 'Bases de contactos', response: responses({ 200: z.array(BaseSchema) }) } },
    async (req) => repo.listBases(db, (await reader(req)).organizationId),
  );
  api.post(
    '/api/outreach/bases',
    {
      schema: {
        tags,
        summary: 'Crear una base de contactos',
        body: BaseInputSchema,
        response: responses({ 201: BaseSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createBase(db, await writer(req), req.body)),
  );
  api.patch(
    '/api/outreach/bases/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una base',
        params: IdParamsSchema,
        body: BasePatchSchema,
        response: responses({ 200: BaseSchema }),
      },
    },
    async (req) => updateBase(db, await writer(req), req.params.id, req.body),
  );

  // ---- contacts
  api.get(
    '/api/outreach/contacts',
    {
      schema: {
        tags,
        summary: 'Buscar contactos',
        querystring: ContactListQuerySchema,
        response: responses({ 200: ContactPageSchema }),
      },
    },
    async (req) => repo.listContacts(db, (await reader(req)).organizationId, req.query),
  );
  api.post(
    '/api/outreach/contacts',
    {
      schema: {
        tags,
        summary: 'Registrar un contacto',
        body: ContactInputSchema,
        response: responses({ 201: ContactSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createContact(db, await writer(req), req.body)),
  );
  api.get(
    '/api/outreach/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Un contacto con sus consentimientos, bajas, solicitudes ARCO e historial',
        params: IdParamsSchema,
        response: responses({ 200: ContactDetailSchema }),
      },
    },
    async (req) => {
      const orgId = (await reader(req)).organizationId;
      const d = await contactDossier(db, orgId, req.params.id);
      return {
        ...d.contact,
        consents: d.consents,
        optOutDetails: d.optOuts,
        arcoRequests: d.arcoRequests,
        history: d.communications,
      };
    },
  );
  api.patch(
    '/api/outreach/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Corregir (rectificar) un contacto',
        params: IdParamsSchema,
        body: ContactPatchSchema,
        response: responses({ 200: ContactSchema }),
      },
    },
    async (req) => updateContact(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/outreach/contacts/import',
    {
      schema: {
        tags,
        summary: 'Importar contactos a una base desde CSV o XLSX',
        description:
          'Archivo en el campo multipart "file". Columnas: nombre, tipo, correo, telefono, pais, ciudad, organizacion, ' +
          'etiquetas, notas, consentimiento_fecha, consentimiento_fuente, consentimiento_finalidad, aviso_privacidad_version. ' +
          'Con skipInvalid=false (predeterminado) una fila con errores o duplicada detiene todo (400 IMPORT_INVALID).',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { ...responses({ 200: ImportReportSchema }), 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (req) => {
      const actor = await writer(req);
      const { data, filename } = await readUpload(req, {
        what: 'el archivo CSV o XLSX',
        missingCode: 'IMPORT_UNREADABLE',
      });
      const sheet = await parseSpreadsheet(data, filename);
      return importContacts(db, actor, req.query.baseId, sheet, filename, req.query.skipInvalid);
    },
  );
  api.post(
    '/api/outreach/contacts/:id/consents',
    {
      schema: {
        tags,
        summary: 'Registrar un consentimiento con su evidencia',
        params: IdParamsSchema,
        body: ConsentInputSchema,
        response: responses({ 201: ConsentSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordConsent(db, await writer(req), req.params.id, req.body)),
  );
  api.post(
    '/api/outreach/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Registrar el retiro de un consentimiento',
        params: IdParamsSchema,
        body: WithdrawConsentInputSchema,
        response: responses({ 200: ConsentSchema }),
      },
    },
    async (req) => withdrawConsent(db, await writer(req), req.params.id, req.body),
  );
  api.put(
    '/api/outreach/contacts/:id/opt-outs',
    {
      schema: {
        tags,
        summary: 'Bajas por canal (correo, WhatsApp, teléfono)',
        params: IdParamsSchema,
        body: OptOutsInputSchema,
        response: responses({
          200: z.array(z.object({ channel: z.string(), source: z.string(), optedOutAt: z.string() })),
        }),
      },
    },
    async (req) => setOptOuts(db, await writer(req), req.params.id, req.body),
  );
  api.get(
    '/api/outreach/contacts/:id/export',
    {
      schema: {
        tags,
        summary: 'Exportar todo lo que se conserva de una persona (JSON o XLSX)',
        params: IdParamsSchema,
        querystring: ContactExportQuerySchema,
        produces: ['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: z.string() }),
      },
    },
    async (req, reply) =>
      sendDownload(reply, await exportContact(db, await privacy(req), req.params.id, req.query.format)),
  );
  api.post(
    '/api/outreach/contacts/:id/erase',
    {
      schema: {
        tags,
        summary: 'Suprimir los datos personales de un contacto (cancelación)',
        params: IdParamsSchema,
        body: EraseInputSchema,
        response: responses({ 200: ContactSchema }),
      },
    },
    async (req) => eraseContact(db, await privacy(req), req.params.id, req.body),
  );

  // ---- ARCO requests
  api.get(
    '/api/outreach/arco-requests',
    {
      schema: {
        tags,
        summary: 'Solicitudes ARCO con su plazo',
        querystring: ArcoListQuerySchema,
        response: responses({ 200: z.array(ArcoRequestSchema) }),
      },
    },
    async (req) =>
      listArcoRequests(db, (await authorize(ctx, req, 'outreach.privacy')).organizationId, req.query),
  );
  api.post(
    '/api/outreach/arco-requests',
    {
      schema: {
        tags,
        summary: 'Registrar una solicitud ARCO',
        body: ArcoInputSchema,
        response: responses({ 201: ArcoRequestSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createArcoRequest(db, await privacy(req), req.body)),
  );
  api.get(
    '/api/outreach/arco-requests/:id',
    {
      schema: {
        tags,
        summary: 'Una solicitud ARCO',
        params: IdParamsSchema,
        response: responses({ 200: ArcoRequestSchema }),
      },
    },
    async (req) => {
      const found = await findArcoRequest(
        db,
        (await authorize(ctx, req, 'outreach.privacy')).organizationId,
        req.params.id,
      );
      if (!found) throw notFound();
      return found;
    },
  );
  api.post(
    '/api/outreach/arco-requests/:id/extend',
    {
      schema: {
        tags,
        summary: 'Ampliar una vez el plazo (10 días hábiles)',
        params: IdParamsSchema,
        body: ArcoExtendInputSchema,
        response: responses({ 200: ArcoRequestSchema }),
      },
    },
    async (req) => extendArcoRequest(db, await privacy(req), req.params.id, req.body),
  );
  api.post(
    '/api/outreach/arco-requests/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Registrar la respuesta',
        params: IdParamsSchema,
        body: ArcoResolveInputSchema,
        response: responses({ 200: ArcoRequestSchema }),
      },
    },
    async (req) => resolveArcoRequest(db, await privacy(req), req.params.id, req.body),
  );

  // ---- campaigns
  api.get(
    '/api/outreach/campaigns',
    {
      schema: {
        tags,
        summary: 'Campañas de difusión',
        querystring: CampaignListQuerySchema,
        response: responses({ 200: CampaignPageSchema }),
      },
    },
    async (req) => repo.listCampaigns(db, (await reader(req)).organizationId, req.query),
  );
  api.get(
    '/api/outreach/objectives',
    {
      schema: {
        tags,
        summary: 'Objetivos del programa de trabajo a los que puede vincularse una campaña',
        response: responses({
          200: z.array(
            z.object({ id: z.uuid(), code: z.string(), title: z.string(), year: z.number().int() }),
          ),
        }),
      },
    },
    async (req) => repo.objectiveLabels(db, (await reader(req)).organizationId),
  );
  api.post(
    '/api/outreach/campaigns',
    {
      schema: {
        tags,
        summary: 'Crear una campaña',
        body: CampaignInputSchema,
        response: responses({ 201: CampaignSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createCampaign(db, await writer(req), req.body)),
  );
  api.get(
    '/api/outreach/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Una campaña con su avance',
        params: IdParamsSchema,
        response: responses({ 200: CampaignSchema }),
      },
    },
    async (req) => {
      const found = await repo.findCampaign(db, (await reader(req)).organizationId, req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.patch(
    '/api/outreach/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una campaña en borrador',
        params: IdParamsSchema,
        body: CampaignPatchSchema,
        response: responses({ 200: CampaignSchema }),
      },
    },
    async (req) => updateCampaign(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/outreach/campaigns/:id/start',
    {
      schema: {
        tags,
        summary: 'Iniciar (o programar) el envío por correo',
        description:
          'Crea el registro por destinatario y encola el envío. 409 NO_RECIPIENTS si nadie puede recibirla.',
        params: IdParamsSchema,
        response: responses({ 200: CampaignSchema }),
      },
    },
    async (req) =>
      startCampaign(db, ctx.jobs, await writer(req), req.params.id, {
        smtpConfigured: !!ctx.config.smtp.host,
      }),
  );
  for (const [verb, summary, description] of [
    [
      'pause',
      'Pausar el envío',
      'Los remitentes de todas las instancias se detienen antes de su siguiente mensaje; lo pendiente queda en cola.',
    ],
    ['resume', 'Reanudar el envío', 'Vuelve a encolar el envío de una campaña en pausa.'],
    [
      'cancel',
      'Cancelar el envío',
      'Los remitentes se detienen antes de su siguiente mensaje y los destinatarios pendientes quedan cancelados. No se puede deshacer.',
    ],
  ] as const)
    api.post(
      `/api/outreach/campaigns/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          description: `${description} 409 si el estado de la campaña no lo permite.`,
          params: IdParamsSchema,
          response: responses({ 200: CampaignSchema }),
        },
      },
      async (req) => {
        const actor = await writer(req);
        if (verb === 'pause') return pauseCampaign(db, actor, req.params.id);
        if (verb === 'resume') return resumeCampaign(db, ctx.jobs, actor, req.params.id);
        return cancelCampaign(db, actor, req.params.id);
      },
    );
  api.post(
    '/api/outreach/bounces',
    {
      schema: {
        tags,
        summary: 'Registrar rebotes a partir de un aviso de no entrega (DSN)',
        description:
          'Lee los grupos Final-Recipient/Status del aviso pegado como texto; cada falla permanente (5.x.x) marca como rechazado el envío correspondiente (por Message-ID o por dirección) y, tras varios rebotes, la dirección queda marcada como inválida.',
        body: BounceInputSchema,
        response: responses({ 200: BounceReportSchema }),
      },
    },
    async (req) => recordBounces(db, await writer(req), req.body.dsn),
  );
  api.get(
    '/api/outreach/campaigns/:id/ledger',
    {
      schema: {
        tags,
        summary: 'Registro de envío por destinatario',
        params: IdParamsSchema,
        querystring: LedgerQuerySchema,
        response: responses({ 200: LedgerPageSchema }),
      },
    },
    async (req) => {
      const orgId = (await reader(req)).organizationId;
      if (!(await repo.findCampaignRow(db, orgId, req.params.id))) throw notFound();
      return repo.ledgerPage(db, orgId, req.params.id, req.query);
    },
  );
  api.get(
    '/api/outreach/campaigns/:id/manual-contacts',
    {
      schema: {
        tags,
        summary: 'Mensajes de WhatsApp y llamadas registrados',
        params: IdParamsSchema,
        response: responses({ 200: z.array(ManualContactSchema) }),
      },
    },
    async (req) => {
      const orgId = (await reader(req)).organizationId;
      if (!(await repo.findCampaignRow(db, orgId, req.params.id))) throw notFound();
      return repo.manualContactsOf(db, orgId, req.params.id);
    },
  );
  api.post(
    '/api/outreach/campaigns/:id/manual-contacts',
    {
      schema: {
        tags,
        summary: 'Registrar un mensaje de WhatsApp o una llamada',
        params: IdParamsSchema,
        body: ManualContactInputSchema,
        response: responses({ 201: ManualContactSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordManualContact(db, await writer(req), req.params.id, req.body)),
  );

  // ---- public (no session): unsubscribe page and one-click, open tracking
  api.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" as a form.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, body),
    );
    scope.get(
      '/api/public/outreach/unsubscribe/:token',
      {
        schema: {
          tags,
          summary: 'Datos de la página pública de baja',
          security: [],
          params: TokenParamsSchema,
          response: responses({ 200: UnsubscribeInfoSchema }),
        },
      },
      async (req) => unsubscribeInfo(db, ctx.config.secret, req.params.token),
    );
    scope.post(
      '/api/public/outreach/unsubscribe/:token',
      {
        schema: {
          tags,
          summary: 'Darse de baja del correo (enlace firmado; también List-Unsubscribe-Post)',
          security: [],
          params: TokenParamsSchema,
          response: responses({ 200: UnsubscribeInfoSchema }),
        },
      },
      async (req) => unsubscribe(db, ctx.config.secret, req.params.token),
    );
    scope.get(
      '/api/public/outreach/open/:token',
      {
        schema: {
          tags,
          summary: 'Imagen de seguimiento de apertura',
          security: [],
          params: TokenParamsSchema,
          response: responses({ 200: z.any() }),
        },
      },
      async (req, reply) => {
        await recordOpen(db, ctx.config.secret, req.params.token);
        // Loaded by mail clients on other sites: the image may be embedded anywhere.
        return reply
          .header('content-type', 'image/gif')
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(PIXEL);
      },
    );
  });
};
