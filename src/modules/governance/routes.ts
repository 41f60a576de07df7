import type { FastifyRequest } from 'fastify';
import { auditActor, authorize, type Actor } from '../accounts';
import { render } from '../platform/documents/letterhead';
import { organizationLetterhead } from '../platform/documents/letterhead-settings';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload, sendUploadedFile } from '../platform/http/files';
import { route } from '../platform/http/route';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
import type { ModuleRoutes } from '../platform/http/types';
import { todayInMexicoCity } from '../../shared/dates';
import { addAgendaItem, attachAgendaDocument } from './add-agenda-item';
import { adoptAgreement, recordHistoricalAgreement } from './adopt-agreement';
import { approveMinutes } from './approve-minutes';
import { cancelSession } from './cancel-session';
import { agreementsBySession, attendanceReport } from './attendance-report';
import { createBody } from './create-body';
import { editAgendaItem } from './edit-agenda-item';
import {
  agendaDocument,
  attendanceListDocument,
  attendanceReportDocument,
  minutesDocument,
  type Issuer,
} from './document-models';
import {
  answerConvocation,
  conveneSession,
  convocationDocument,
  openConvocation,
  recordResponse,
  updateNoticeSettings,
} from './convene-session';
import { findOpinionFile, noticeSettings } from './convocation-repository';
import * as endpoints from './endpoints';
import { attachOpinion, recordVote } from './record-vote';
import { calendarOf, sessionsCalendar } from './ical-feed';
import { importSessions } from './import-sessions';
import { issueFeedToken, resolveFeedSecret, revokeFeedToken } from './issue-feed-token';
import { recordAttendance } from './record-attendance';
import { removeAgendaItem } from './remove-agenda-item';
import { reorderAgenda } from './reorder-agenda';
import * as repo from './repository';
import { addMembership, updateMembership } from './save-membership';
import { createMandate, findMandate, addMandateUpdates, updateMandate } from './save-mandate';
import { createSession, updateSession } from './save-session';
import { sessionImportTemplate } from './session-import-template';
import { findSession, presentSessions, sessionDetail } from './session-view';
import { updateAgreement } from './update-agreement';
import { updateBody } from './update-body';

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
  /** The letterhead's issuer: the actor's organization with its letterhead, dated today in Mexico City. */
  const issuerOf = async (actor: Actor): Promise<Issuer> => ({
    ...(await organizationLetterhead(db, actor.organizationId)),
    issuedOn: todayInMexicoCity(),
  });
  const detailOf = async (orgId: string, id: string) => {
    const session = await findSession(db, orgId, id);
    if (!session) throw notFound();
    return sessionDetail(db, orgId, await bodyOf(orgId, session.bodyId), session);
  };

  route(api, endpoints.sessionImportTemplate, async (req, reply) => {
    const actor = await writer(req);
    return sendDownload(reply, await sessionImportTemplate(db, actor.organizationId, req.query.format));
  });
  route(api, endpoints.importSessions, async (req) => {
    const actor = await writer(req);
    const upload = await readUpload(req, { what: 'el archivo CSV o XLSX', missingCode: 'IMPORT_UNREADABLE' });
    const sheet = await parseSpreadsheet(upload.data, upload.filename);
    return importSessions(db, actor, sheet, { dryRun: req.query.dryRun, filename: upload.filename });
  });

  // ---- bodies and composition
  route(api, endpoints.listBodies, async (req) => ({ items: await repo.listBodies(db, await reader(req)) }));
  route(api, endpoints.createBody, async (req) => createBody(db, await writer(req), req.body));
  route(api, endpoints.getBody, async (req) => {
    const orgId = await reader(req);
    const body = await bodyOf(orgId, req.params.id);
    return { ...body, memberships: await repo.listMemberships(db, orgId, body.id) };
  });
  route(api, endpoints.updateBody, async (req) => updateBody(db, await writer(req), req.params.id, req.body));
  route(api, endpoints.addMembership, async (req) =>
    addMembership(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.updateMembership, async (req) =>
    updateMembership(db, await writer(req), req.params.id, req.params.membershipId, req.body),
  );

  // ---- sessions
  route(api, endpoints.listSessions, async (req) => {
    const orgId = await reader(req);
    const body = await bodyOf(orgId, req.params.id);
    const rows = await repo.listSessionRows(db, orgId, body.id, req.query);
    return { items: await presentSessions(db, orgId, body.id, rows) };
  });
  route(api, endpoints.createSession, async (req) =>
    createSession(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.getSession, async (req) => detailOf(await reader(req), req.params.id));
  route(api, endpoints.updateSession, async (req) =>
    updateSession(db, await writer(req), req.params.id, req.body, ctx),
  );
  route(api, endpoints.addAgendaItem, async (req) =>
    addAgendaItem(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.updateAgendaItem, async (req) =>
    editAgendaItem(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.removeAgendaItem, async (req) =>
    removeAgendaItem(db, await writer(req), req.params.id),
  );
  route(api, endpoints.reorderAgenda, async (req) =>
    reorderAgenda(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.cancelSession, async (req) =>
    cancelSession(db, await writer(req), req.params.id, req.body, ctx),
  );
  route(api, endpoints.attachAgendaDocument, async (req) => {
    const actor = await writer(req);
    return attachAgendaDocument(db, actor, req.params.id, await readUpload(req, { what: 'el documento' }));
  });
  route(api, endpoints.downloadAgendaDocument, async (req, reply) => {
    const doc = await repo.findAgendaDocument(db, await reader(req), req.params.id);
    if (!doc) throw notFound();
    return sendUploadedFile(reply, { body: doc.content, filename: doc.filename });
  });
  route(api, endpoints.recordAttendance, async (req) =>
    recordAttendance(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.adoptAgreement, async (req) =>
    adoptAgreement(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.approveMinutes, async (req) =>
    approveMinutes(db, await writer(req), req.params.id, req.body.agreementId),
  );
  route(api, endpoints.downloadSessionDocument, async (req, reply) => {
    const actor = await authorize(ctx, req, 'governance.read');
    const detail = await detailOf(actor.organizationId, req.params.id);
    const issuer = await issuerOf(actor);
    const model =
      req.params.document === 'orden-del-dia'
        ? agendaDocument(detail, issuer)
        : req.params.document === 'lista-de-asistencia'
          ? attendanceListDocument(detail, issuer)
          : minutesDocument(detail, issuer);
    const filename = `${DOCUMENT_NAMES[req.params.document]}-${detail.body.acronym}-${detail.heldOn}`;
    return sendDownload(reply, await render(model, filename, req.query.format));
  });

  // ---- agreements
  route(api, endpoints.listBodyAgreements, async (req) => {
    const orgId = await reader(req);
    return agreementsBySession(db, orgId, await bodyOf(orgId, req.params.id), req.query);
  });
  route(api, endpoints.recordHistoricalAgreement, async (req) =>
    recordHistoricalAgreement(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.searchAgreements, async (req) =>
    repo.searchAgreements(db, await reader(req), req.query),
  );
  route(api, endpoints.getAgreement, async (req) => {
    const found = await repo.findAgreement(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.updateAgreement, async (req) =>
    updateAgreement(db, await writer(req), req.params.id, req.body),
  );

  // ---- reports and calendar
  route(api, endpoints.getAttendanceReport, async (req) => {
    const orgId = await reader(req);
    return attendanceReport(db, orgId, await bodyOf(orgId, req.params.id), req.query);
  });
  route(api, endpoints.downloadAttendanceReport, async (req, reply) => {
    const actor = await authorize(ctx, req, 'governance.read');
    const orgId = actor.organizationId;
    const body = await bodyOf(orgId, req.params.id);
    const table = await attendanceReport(db, orgId, body, req.query);
    const filename = `asistencia-${body.acronym}${req.query.from ? `-${req.query.from}` : ''}${req.query.to ? `-${req.query.to}` : ''}`;
    return sendDownload(
      reply,
      await render(attendanceReportDocument(body, table, await issuerOf(actor)), filename, req.query.format),
    );
  });
  route(api, endpoints.getBodyCalendar, async (req, reply) => {
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
  });

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
  route(api, endpoints.listFeedTokens, async (req) => {
    const actor = await authorize(ctx, req, 'governance.read');
    return { items: await repo.listFeedTokens(db, actor.organizationId, actor.userId) };
  });
  route(api, endpoints.issueFeedToken, async (req) => {
    const actor = await authorize(ctx, req, 'governance.read');
    const scoped = { ...auditActor(actor), userId: actor.userId };
    return issueFeedToken(db, scoped, req.body, ctx.config.publicUrl);
  });
  route(api, endpoints.revokeFeedToken, async (req) => {
    const actor = await authorize(ctx, req, 'governance.read');
    return revokeFeedToken(db, { ...auditActor(actor), userId: actor.userId }, req.params.id);
  });
  route(api, endpoints.getFeedCalendar, async (req, reply) => {
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
  });

  // ---- the convocatoria (the recipients' links carry no session: signed with the installation's secret)
  route(api, endpoints.conveneSession, async (req) =>
    conveneSession(db, await writer(req), req.params.id, req.body, ctx),
  );
  route(api, endpoints.recordConvocationResponse, async (req) =>
    recordResponse(db, await writer(req), req.params.id, req.params.recipientId, req.body.response),
  );
  route(api, endpoints.getNoticeSettings, async (req) => noticeSettings(db, await reader(req)));
  route(api, endpoints.updateNoticeSettings, async (req) =>
    updateNoticeSettings(db, await writer(req), req.body),
  );
  route(api, endpoints.openConvocation, async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    return openConvocation(db, ctx.config.secret, req.params.token);
  });
  route(api, endpoints.answerConvocation, async (req) =>
    answerConvocation(db, ctx.config.secret, req.params.token, req.body.response),
  );
  route(api, endpoints.downloadConvocationDocument, async (req, reply) => {
    const doc = await convocationDocument(db, ctx.config.secret, req.params.token, req.params.documentId);
    return sendUploadedFile(reply, { body: doc.content, filename: doc.filename });
  });

  // ---- votes and votos particulares / concurrentes
  route(api, endpoints.recordVote, async (req) => recordVote(db, await writer(req), req.params.id, req.body));
  route(api, endpoints.attachOpinion, async (req) => {
    const actor = await writer(req);
    return attachOpinion(db, actor, req.params.id, req.query, await readUpload(req, { what: 'el voto' }));
  });
  route(api, endpoints.downloadOpinion, async (req, reply) => {
    const doc = await findOpinionFile(db, await reader(req), req.params.id, req.params.opinionId);
    if (!doc) throw notFound();
    return sendUploadedFile(reply, { body: doc.content, filename: doc.filename });
  });

  // ---- SSSCG mandates
  route(api, endpoints.listMandates, async (req) => ({
    items: await repo.listMandates(db, await reader(req), todayInMexicoCity(), req.query),
  }));
  route(api, endpoints.createMandate, async (req) => createMandate(db, await writer(req), req.body));
  route(api, endpoints.getMandate, async (req) => {
    const found = await findMandate(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.updateMandate, async (req) =>
    updateMandate(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.addMandateUpdate, async (req) =>
    addMandateUpdates(db, await writer(req), req.params.id, [req.body]),
  );
};
