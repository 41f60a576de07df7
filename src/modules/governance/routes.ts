import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/errors';
import { auditActor, authorize, type Actor } from '../accounts';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload, sendUploadedFile } from '../platform/http/files';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { addAgendaItem, attachAgendaDocument } from './add-agenda-item';
import { adoptAgreement, recordHistoricalAgreement } from './adopt-agreement';
import { approveMinutes } from './approve-minutes';
import { agreementsBySession, attendanceReport } from './attendance-report';
import {
  AgendaItemInputSchema,
  AgendaItemSchema,
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
  PeriodDocumentQuerySchema,
  PeriodQuerySchema,
  SessionDetailSchema,
  SessionDocumentParamsSchema,
  SessionInputSchema,
  SessionListSchema,
  SessionPatchSchema,
  SessionSchema,
} from './contract';
import { createBody } from './create-body';
import {
  agendaDocument,
  attendanceListDocument,
  attendanceReportDocument,
  minutesDocument,
  type Issuer,
} from './document-models';
import { render } from '../platform/documents/letterhead';
import { calendarOf, sessionsCalendar } from './ical-feed';
import { issueFeedToken, resolveFeedSecret, revokeFeedToken } from './issue-feed-token';
import { recordAttendance } from './record-attendance';
import * as repo from './repository';
import { addMembership, updateMembership } from './save-membership';
import { createMandate, findMandate, addMandateUpdates, updateMandate } from './save-mandate';
import { createSession, updateSession } from './save-session';
import { findSession, presentSessions, sessionDetail } from './session-view';
import { updateAgreement } from './update-agreement';
import { updateBody } from './update-body';
import { todayInMexicoCity } from '../../shared/dates';

const tags = ['Órganos colegiados'];
const fileResponse = z.string().describe('El archivo');

const DOCUMENT_NAMES = {
  'orden-del-dia': 'orden-del-dia',
  'lista-de-asistencia': 'lista-de-asistencia',
  minuta: 'minuta',
} as const;

export const governanceRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: FastifyRequest) => (await authorize(ctx, req, 'governance.read')).organizationId;
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'governance.write'));
  const bodyOf = async (orgId: string, id: string) => {
    const body = await repo.findBody(db, orgId, id);
    if (!body) throw notFound();
    return body;
  };
  /** The letterhead's issuer: the actor's organization, dated today in Mexico City. */
  const issuerOf = (actor: Actor): Issuer => ({
    organization: actor.organization.name,
    acronym: actor.organization.acronym,
    issuedOn: todayInMexicoCity(),
  });
  const detailOf = async (orgId: string, id: string) => {
    const session = await findSession(db, orgId, id);
    if (!session) throw notFound();
    return sessionDetail(db, orgId, await bodyOf(orgId, session.bodyId), session);
  };

  // ---- bodies and composition
  api.get(
    '/api/governance/bodies',
    { schema: { tags, summary: 'Órganos colegiados', response: responses({ 200: BodyListSchema }) } },
    async (req) => ({ items: await repo.listBodies(db, await reader(req)) }),
  );
  api.post(
    '/api/governance/bodies',
    {
      schema: {
        tags,
        summary: 'Registrar el Consejo General o una comisión',
        body: BodyInputSchema,
        response: responses({ 201: BodySchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createBody(db, await writer(req), req.body)),
  );
  api.get(
    '/api/governance/bodies/:id',
    {
      schema: {
        tags,
        summary: 'Un órgano colegiado y su integración en el tiempo',
        params: IdParamsSchema,
        response: responses({ 200: BodyDetailSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      const body = await bodyOf(orgId, req.params.id);
      return { ...body, memberships: await repo.listMemberships(db, orgId, body.id) };
    },
  );
  api.patch(
    '/api/governance/bodies/:id',
    {
      schema: {
        tags,
        summary: 'Corregir el nombre, el acuerdo de creación o las fechas de un órgano colegiado',
        params: IdParamsSchema,
        body: BodyPatchSchema,
        response: responses({ 200: BodySchema }),
      },
    },
    async (req) => updateBody(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/governance/bodies/:id/memberships',
    {
      schema: {
        tags,
        summary: 'Agregar un cargo o invitación permanente',
        params: IdParamsSchema,
        body: MembershipInputSchema,
        response: responses({ 201: MembershipSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addMembership(db, await writer(req), req.params.id, req.body)),
  );
  api.patch(
    '/api/governance/bodies/:id/memberships/:membershipId',
    {
      schema: {
        tags,
        summary: 'Concluir o reordenar un cargo',
        params: MembershipParamsSchema,
        body: MembershipPatchSchema,
        response: responses({ 200: MembershipSchema }),
      },
    },
    async (req) => updateMembership(db, await writer(req), req.params.id, req.params.membershipId, req.body),
  );

  // ---- sessions
  api.get(
    '/api/governance/bodies/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Sesiones de un órgano colegiado (número y nombre derivados)',
        params: IdParamsSchema,
        querystring: PeriodQuerySchema,
        response: responses({ 200: SessionListSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      const body = await bodyOf(orgId, req.params.id);
      const rows = await repo.listSessionRows(db, orgId, body.id, req.query);
      return { items: await presentSessions(db, orgId, body.id, rows) };
    },
  );
  api.post(
    '/api/governance/bodies/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Registrar una sesión',
        params: IdParamsSchema,
        body: SessionInputSchema,
        response: responses({ 201: SessionSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createSession(db, await writer(req), req.params.id, req.body)),
  );
  api.get(
    '/api/governance/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Una sesión: orden del día, asistencia por cargo, quórum y acuerdos',
        params: IdParamsSchema,
        response: responses({ 200: SessionDetailSchema }),
      },
    },
    async (req) => detailOf(await reader(req), req.params.id),
  );
  api.patch(
    '/api/governance/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una sesión o su proyecto de minuta',
        params: IdParamsSchema,
        body: SessionPatchSchema,
        response: responses({ 200: SessionSchema }),
      },
    },
    async (req) => updateSession(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/governance/sessions/:id/agenda-items',
    {
      schema: {
        tags,
        summary: 'Agregar un punto al orden del día',
        params: IdParamsSchema,
        body: AgendaItemInputSchema,
        response: responses({ 201: AgendaItemSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addAgendaItem(db, await writer(req), req.params.id, req.body)),
  );
  api.post(
    '/api/governance/agenda-items/:id/documents',
    {
      schema: {
        tags,
        summary: 'Adjuntar un documento a un punto del orden del día',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { ...responses({ 201: AgendaItemSchema }), 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (req, reply) => {
      const actor = await writer(req);
      return reply
        .status(201)
        .send(
          await attachAgendaDocument(
            db,
            actor,
            req.params.id,
            await readUpload(req, { what: 'el documento' }),
          ),
        );
    },
  );
  api.get(
    '/api/governance/agenda-documents/:id',
    {
      schema: {
        tags,
        summary: 'Descargar un documento del orden del día',
        params: IdParamsSchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const doc = await repo.findAgendaDocument(db, await reader(req), req.params.id);
      if (!doc) throw notFound();
      return sendUploadedFile(reply, { body: doc.content, filename: doc.filename });
    },
  );
  api.put(
    '/api/governance/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Registrar la asistencia (cada quien en el cargo que tenía ese día)',
        params: IdParamsSchema,
        body: AttendanceInputSchema,
        response: responses({ 200: SessionDetailSchema }),
      },
    },
    async (req) => recordAttendance(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/governance/sessions/:id/agreements',
    {
      schema: {
        tags,
        summary: 'Adoptar un acuerdo (numeración consecutiva por órgano y año)',
        params: IdParamsSchema,
        body: AgreementInputSchema,
        response: responses({ 201: AgreementSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await adoptAgreement(db, await writer(req), req.params.id, req.body)),
  );
  api.post(
    '/api/governance/sessions/:id/minutes-approval',
    {
      schema: {
        tags,
        summary: 'Aprobar la minuta mediante un acuerdo de una sesión posterior',
        params: IdParamsSchema,
        body: MinutesApprovalInputSchema,
        response: responses({ 200: SessionSchema }),
      },
    },
    async (req) => approveMinutes(db, await writer(req), req.params.id, req.body.agreementId),
  );
  api.get(
    '/api/governance/sessions/:id/documents/:document',
    {
      schema: {
        tags,
        summary: 'Orden del día, lista de asistencia o minuta en DOCX o PDF',
        params: SessionDocumentParamsSchema,
        querystring: DocumentFormatQuerySchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'governance.read');
      const detail = await detailOf(actor.organizationId, req.params.id);
      const issuer = issuerOf(actor);
      const model =
        req.params.document === 'orden-del-dia'
          ? agendaDocument(detail, issuer)
          : req.params.document === 'lista-de-asistencia'
            ? attendanceListDocument(detail, issuer)
            : minutesDocument(detail, issuer);
      const filename = `${DOCUMENT_NAMES[req.params.document]}-${detail.body.acronym}-${detail.heldOn}`;
      return sendDownload(reply, await render(model, filename, req.query.format));
    },
  );

  // ---- agreements
  api.get(
    '/api/governance/bodies/:id/agreements',
    {
      schema: {
        tags,
        summary: 'Acuerdos adoptados en un periodo, por sesión',
        params: IdParamsSchema,
        querystring: PeriodQuerySchema,
        response: responses({ 200: AgreementsBySessionSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      return agreementsBySession(db, orgId, await bodyOf(orgId, req.params.id), req.query);
    },
  );
  api.post(
    '/api/governance/bodies/:id/historical-agreements',
    {
      schema: {
        tags,
        summary: 'Registrar un acuerdo anterior al sistema con su número',
        params: IdParamsSchema,
        body: HistoricalAgreementInputSchema,
        response: responses({ 201: AgreementSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordHistoricalAgreement(db, await writer(req), req.params.id, req.body)),
  );
  api.get(
    '/api/governance/agreements',
    {
      schema: {
        tags,
        summary: 'Buscar acuerdos por número, título u órgano (para elegir uno desde otros módulos)',
        querystring: AgreementSearchQuerySchema,
        response: responses({ 200: z.array(AgreementOptionSchema) }),
      },
    },
    async (req) => repo.searchAgreements(db, await reader(req), req.query),
  );
  api.get(
    '/api/governance/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Un acuerdo',
        params: IdParamsSchema,
        response: responses({ 200: AgreementSchema }),
      },
    },
    async (req) => {
      const found = await repo.findAgreement(db, await reader(req), req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.patch(
    '/api/governance/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Corregir un acuerdo (mientras la minuta de su sesión no esté aprobada)',
        params: IdParamsSchema,
        body: AgreementPatchSchema,
        response: responses({ 200: AgreementSchema }),
      },
    },
    async (req) => updateAgreement(db, await writer(req), req.params.id, req.body),
  );

  // ---- reports and calendar
  api.get(
    '/api/governance/bodies/:id/attendance-report',
    {
      schema: {
        tags,
        summary: 'Reporte de asistencia de un periodo (una columna por sesión)',
        params: IdParamsSchema,
        querystring: PeriodQuerySchema,
        response: responses({ 200: AttendanceTableSchema }),
      },
    },
    async (req) => {
      const orgId = await reader(req);
      return attendanceReport(db, orgId, await bodyOf(orgId, req.params.id), req.query);
    },
  );
  api.get(
    '/api/governance/bodies/:id/attendance-report/document',
    {
      schema: {
        tags,
        summary: 'Reporte de asistencia en DOCX o PDF',
        params: IdParamsSchema,
        querystring: PeriodDocumentQuerySchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'governance.read');
      const orgId = actor.organizationId;
      const body = await bodyOf(orgId, req.params.id);
      const table = await attendanceReport(db, orgId, body, req.query);
      const filename = `asistencia-${body.acronym}${req.query.from ? `-${req.query.from}` : ''}${req.query.to ? `-${req.query.to}` : ''}`;
      return sendDownload(
        reply,
        await render(attendanceReportDocument(body, table, issuerOf(actor)), filename, req.query.format),
      );
    },
  );
  api.get(
    '/api/governance/bodies/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Calendario iCal de las sesiones de un órgano colegiado',
        params: IdParamsSchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const orgId = await reader(req);
      const body = await bodyOf(orgId, req.params.id);
      const sessions = await presentSessions(
        db,
        orgId,
        body.id,
        await repo.listSessionRows(db, orgId, body.id),
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="sesiones-${body.acronym}.ics"`)
        .send(sessionsCalendar(body, sessions, ctx.config.publicUrl));
    },
  );

  // Secret feed addresses for calendar apps, which cannot sign in (ADR 0011).
  const sessionsOfBodies = async (orgId: string, bodies: Awaited<ReturnType<typeof repo.listBodies>>) => {
    const entries = [];
    for (const body of bodies) {
      const rows = await repo.listSessionRows(db, orgId, body.id);
      for (const session of await presentSessions(db, orgId, body.id, rows)) entries.push({ body, session });
    }
    return entries.sort((x, y) =>
      x.session.heldOn < y.session.heldOn ? -1 : x.session.heldOn > y.session.heldOn ? 1 : 0,
    );
  };
  api.get(
    '/api/governance/feed-tokens',
    {
      schema: {
        tags,
        summary: 'Mis direcciones de calendario para suscribirse desde otra aplicación',
        response: responses({ 200: FeedTokenListSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'governance.read');
      return { items: await repo.listFeedTokens(db, actor.organizationId, actor.userId) };
    },
  );
  api.post(
    '/api/governance/feed-tokens',
    {
      schema: {
        tags,
        summary: 'Crear una dirección secreta de calendario (de un órgano o de todos)',
        description: 'La dirección con su secreto se muestra una sola vez; solo se guarda su huella.',
        body: FeedTokenInputSchema,
        response: responses({ 201: FeedTokenCreatedSchema }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'governance.read');
      const scoped = { ...auditActor(actor), userId: actor.userId };
      return reply.status(201).send(await issueFeedToken(db, scoped, req.body, ctx.config.publicUrl));
    },
  );
  api.delete(
    '/api/governance/feed-tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revocar una dirección de calendario',
        params: IdParamsSchema,
        response: responses({ 200: FeedTokenSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'governance.read');
      return revokeFeedToken(db, { ...auditActor(actor), userId: actor.userId }, req.params.id);
    },
  );
  api.get(
    '/api/governance/feeds/:token/sesiones.ics',
    {
      schema: {
        tags,
        summary: 'Calendario iCal por dirección secreta (sin sesión iniciada)',
        security: [],
        description: 'Una dirección revocada o desconocida responde 404.',
        params: FeedParamsSchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const found = await resolveFeedSecret(db, req.params.token);
      if (!found) throw notFound();
      const { organizationId: orgId, bodyId } = found;
      let name: string;
      let bodies;
      if (bodyId) {
        const body = await repo.findBody(db, orgId, bodyId);
        if (!body) throw notFound();
        name = `Sesiones de la ${body.acronym}`;
        bodies = [body];
      } else {
        name = 'Sesiones de los órganos colegiados';
        bodies = await repo.listBodies(db, orgId);
      }
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="sesiones.ics"')
        .send(calendarOf(name, await sessionsOfBodies(orgId, bodies), ctx.config.publicUrl));
    },
  );

  // ---- SSSCG mandates
  api.get(
    '/api/governance/mandates',
    {
      schema: {
        tags,
        summary: 'Mandatos del Consejo General en seguimiento (SSSCG)',
        querystring: MandateListQuerySchema,
        response: responses({ 200: MandateListSchema }),
      },
    },
    async (req) => ({
      items: await repo.listMandates(db, await reader(req), todayInMexicoCity(), req.query),
    }),
  );
  api.post(
    '/api/governance/mandates',
    {
      schema: {
        tags,
        summary: 'Registrar un mandato de un acuerdo del Consejo General a áreas',
        body: MandateInputSchema,
        response: responses({ 201: MandateDetailSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createMandate(db, await writer(req), req.body)),
  );
  api.get(
    '/api/governance/mandates/:id',
    {
      schema: {
        tags,
        summary: 'Un mandato y sus actualizaciones',
        params: IdParamsSchema,
        response: responses({ 200: MandateDetailSchema }),
      },
    },
    async (req) => {
      const found = await findMandate(db, await reader(req), req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.patch(
    '/api/governance/mandates/:id',
    {
      schema: {
        tags,
        summary: 'Modificar un mandato (estado, plazo)',
        params: IdParamsSchema,
        body: MandatePatchSchema,
        response: responses({ 200: MandateDetailSchema }),
      },
    },
    async (req) => updateMandate(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/governance/mandates/:id/updates',
    {
      schema: {
        tags,
        summary: 'Registrar una actualización fechada del mandato',
        params: IdParamsSchema,
        body: MandateUpdateInputSchema,
        response: responses({ 201: MandateDetailSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addMandateUpdates(db, await writer(req), req.params.id, [req.body])),
  );
};
