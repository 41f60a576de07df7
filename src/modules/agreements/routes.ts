import type { FastifyRequest } from 'fastify';
import { todayInMexicoCity } from '../../shared/dates';
import { auditActor, authorize } from '../accounts';
import { render } from '../platform/documents/letterhead';
import { organizationLetterhead } from '../platform/documents/letterhead-settings';
import { conflict, notFound } from '../platform/errors';
import { readUpload, sendDownload, sendUploadedFile } from '../platform/http/files';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { addCommitment, addCommitmentUpdate } from './add-commitment';
import { addInstrumentFile } from './add-instrument-file';
import { changeInstrumentStatus } from './change-instrument-status';
import { createInstrument } from './create-instrument';
import { createInstrumentType } from './create-instrument-type';
import { createReview } from './create-review';
import { draftOpinion } from './draft-opinion';
import * as endpoints from './endpoints';
import { exportInstruments } from './export-instruments';
import { importInstruments } from './import-instruments';
import { instrumentImportTemplate } from './instrument-import-template';
import { issueOpinion } from './issue-opinion';
import { opinionDocument } from './opinion-document';
import { listDueAlerts, nextAlertOf } from './list-due-alerts';
import { listReportTables } from './list-report-tables';
import { recordAccompaniment } from './record-accompaniment';
import { recordReviewDecision } from './record-review-decision';
import { renewInstrument } from './renew-instrument';
import * as repo from './repository';
import { requestOpinion } from './request-opinion';
import { updateAgreementSettings } from './update-agreement-settings';
import { updateInstrument } from './update-instrument';

export const agreementsRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: FastifyRequest) => (await authorize(ctx, req, 'agreements.read')).organizationId;
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'agreements.write'));
  const admin = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'agreements.admin'));

  // ---- types and settings
  route(api, endpoints.listInstrumentTypes, async (req) => {
    const orgId = await reader(req);
    await repo.ensureDefaultTypes(db, orgId);
    return repo.listTypes(db, orgId);
  });
  route(api, endpoints.createInstrumentType, async (req) =>
    createInstrumentType(db, await admin(req), req.body),
  );
  route(api, endpoints.getAgreementSettings, async (req) => repo.getSettings(db, await reader(req)));
  route(api, endpoints.updateAgreementSettings, async (req) =>
    updateAgreementSettings(db, await admin(req), req.body),
  );

  // ---- instruments
  route(api, endpoints.listInstruments, async (req) =>
    repo.listInstruments(db, await reader(req), req.query, todayInMexicoCity()),
  );
  route(api, endpoints.exportInstruments, async (req, reply) => {
    const actor = await authorize(ctx, req, 'agreements.export');
    const { format, ...filters } = req.query;
    const file = await exportInstruments(
      db,
      { ...auditActor(actor), organizationAcronym: actor.organization.acronym },
      filters,
      format,
    );
    return sendDownload(reply, file);
  });
  route(api, endpoints.instrumentImportTemplate, async (req, reply) => {
    const actor = await authorize(ctx, req, 'agreements.write');
    return sendDownload(reply, await instrumentImportTemplate(db, actor.organizationId, req.query.format));
  });
  route(api, endpoints.importInstruments, async (req) => {
    const actor = await authorize(ctx, req, 'agreements.write');
    const upload = await readUpload(req, { what: 'el archivo CSV o XLSX', missingCode: 'IMPORT_UNREADABLE' });
    const sheet = await parseSpreadsheet(upload.data, upload.filename);
    return importInstruments(db, auditActor(actor), actor.organization, sheet, {
      dryRun: req.query.dryRun,
      filename: upload.filename,
    });
  });
  route(api, endpoints.getInstrument, async (req) => {
    const orgId = await reader(req);
    const found = await repo.findInstrument(db, orgId, req.params.id);
    if (!found) throw notFound();
    const tree = await repo.loadTree(db, orgId);
    return {
      ...found,
      ...(await repo.instrumentDetailParts(db, orgId, found.id, tree)),
      nextAlertOn: await nextAlertOf(db, orgId, found, todayInMexicoCity()),
    };
  });
  route(api, endpoints.createInstrument, async (req) => createInstrument(db, await writer(req), req.body));
  route(api, endpoints.updateInstrument, async (req) =>
    updateInstrument(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.changeInstrumentStatus, async (req) =>
    changeInstrumentStatus(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.renewInstrument, async (req) =>
    renewInstrument(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.addInstrumentFile, async (req) => {
    const actor = await writer(req);
    const { data: content, filename, mediaType } = await readUpload(req, { what: 'el documento' });
    const file = { content, filename, mediaType };
    return await addInstrumentFile(db, actor, req.params.id, { ...file, kind: req.query.kind });
  });
  route(api, endpoints.downloadInstrumentFile, async (req, reply) => {
    const found = await repo.findFileContent(db, await reader(req), req.params.id, req.params.fileId);
    if (!found) throw notFound();
    return sendUploadedFile(reply, { filename: found.filename, body: found.content });
  });
  route(api, endpoints.addCommitment, async (req) =>
    addCommitment(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.addCommitmentUpdate, async (req) =>
    addCommitmentUpdate(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.listDueAlerts, async (req) =>
    listDueAlerts(db, await reader(req), req.query.on ?? todayInMexicoCity()),
  );
  route(api, endpoints.listSentAlerts, async (req) => repo.listSentAlerts(db, await reader(req), req.query));

  route(api, endpoints.getAgreementReportTables, async (req) =>
    listReportTables(db, await reader(req), req.query.from, req.query.to),
  );

  // ---- reviews
  route(api, endpoints.listReviews, async (req) => ({
    items: await repo.listReviews(db, await reader(req)),
  }));
  route(api, endpoints.createReview, async (req) => createReview(db, await writer(req), req.body));
  route(api, endpoints.getReview, async (req) => {
    const found = await repo.reviewDetail(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.recordReviewDecision, async (req) =>
    recordReviewDecision(db, await writer(req), req.params.id, req.params.instrumentId, req.body),
  );

  // ---- opinions of pertinence
  route(api, endpoints.listOpinions, async (req) => repo.listOpinions(db, await reader(req), req.query));
  route(api, endpoints.getOpinion, async (req) => {
    const found = await repo.findOpinion(db, await reader(req), req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.downloadOpinionDocument, async (req, reply) => {
    const actor = await authorize(ctx, req, 'agreements.read');
    const found = await repo.findOpinion(db, actor.organizationId, req.params.id);
    if (!found) throw notFound();
    const { number, issuedOn } = found;
    if (!number || !issuedOn) {
      throw conflict('La opinión aún no se emite: su documento existe una vez emitida con su número.');
    }
    const model = opinionDocument(
      { ...found, number, issuedOn },
      await organizationLetterhead(db, actor.organizationId),
    );
    const filename = `opinion-${number.replace(/[^A-Za-z0-9-]+/g, '-')}`;
    return sendDownload(reply, await render(model, filename, req.query.format));
  });
  route(api, endpoints.requestOpinion, async (req) =>
    requestOpinion(db, auditActor(await authorize(ctx, req, 'agreements.request_opinion')), req.body),
  );
  route(api, endpoints.draftOpinion, async (req) =>
    draftOpinion(db, await writer(req), req.params.id, req.body.content),
  );
  route(api, endpoints.issueOpinion, async (req) =>
    issueOpinion(db, await writer(req), req.params.id, req.body),
  );

  // ---- accompaniment of negotiations
  route(api, endpoints.listAccompaniments, async (req) =>
    repo.listAccompaniments(db, await reader(req), req.query),
  );
  route(api, endpoints.recordAccompaniment, async (req) =>
    recordAccompaniment(db, await writer(req), req.body),
  );
};
