import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActor, authorize } from '../accounts';
import { readUpload, sendDownload } from '../platform/http/files';
import { notFound } from '../platform/errors';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { parseSpreadsheet } from '../platform/spreadsheets/parse-spreadsheet';
import {
  createArcoRequest,
  extendArcoRequest,
  findArcoRequest,
  listArcoRequests,
  resolveArcoRequest,
} from './arco-requests';
import * as endpoints from './endpoints';
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

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const outreachRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = (req: FastifyRequest) => authorize(ctx, req, 'outreach.read');
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'outreach.write'));
  const privacy = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'outreach.privacy'));

  // ---- bases
  route(api, endpoints.listContactBases, async (req) =>
    repo.listBases(db, (await reader(req)).organizationId),
  );
  route(api, endpoints.createContactBase, async (req) => createBase(db, await writer(req), req.body));
  route(api, endpoints.updateContactBase, async (req) =>
    updateBase(db, await writer(req), req.params.id, req.body),
  );

  // ---- contacts
  route(api, endpoints.listContacts, async (req) =>
    repo.listContacts(db, (await reader(req)).organizationId, req.query),
  );
  route(api, endpoints.createContact, async (req) => createContact(db, await writer(req), req.body));
  route(api, endpoints.getContact, async (req) => {
    const orgId = (await reader(req)).organizationId;
    const d = await contactDossier(db, orgId, req.params.id);
    return {
      ...d.contact,
      consents: d.consents,
      optOutDetails: d.optOuts,
      arcoRequests: d.arcoRequests,
      history: d.communications,
    };
  });
  route(api, endpoints.updateContact, async (req) =>
    updateContact(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.importContacts, async (req) => {
    const actor = await writer(req);
    const { data, filename } = await readUpload(req, {
      what: 'el archivo CSV o XLSX',
      missingCode: 'IMPORT_UNREADABLE',
    });
    const sheet = await parseSpreadsheet(data, filename);
    return importContacts(db, actor, req.query.baseId, sheet, filename, req.query.skipInvalid);
  });
  route(api, endpoints.recordConsent, async (req) =>
    recordConsent(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.withdrawConsent, async (req) =>
    withdrawConsent(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.setOptOuts, async (req) => setOptOuts(db, await writer(req), req.params.id, req.body));
  route(api, endpoints.exportContact, async (req, reply) =>
    sendDownload(reply, await exportContact(db, await privacy(req), req.params.id, req.query.format)),
  );
  route(api, endpoints.eraseContact, async (req) =>
    eraseContact(db, await privacy(req), req.params.id, req.body),
  );

  // ---- ARCO requests
  route(api, endpoints.listArcoRequests, async (req) =>
    listArcoRequests(db, (await authorize(ctx, req, 'outreach.privacy')).organizationId, req.query),
  );
  route(api, endpoints.createArcoRequest, async (req) => createArcoRequest(db, await privacy(req), req.body));
  route(api, endpoints.getArcoRequest, async (req) => {
    const found = await findArcoRequest(
      db,
      (await authorize(ctx, req, 'outreach.privacy')).organizationId,
      req.params.id,
    );
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.extendArcoRequest, async (req) =>
    extendArcoRequest(db, await privacy(req), req.params.id, req.body),
  );
  route(api, endpoints.resolveArcoRequest, async (req) =>
    resolveArcoRequest(db, await privacy(req), req.params.id, req.body),
  );

  // ---- campaigns
  route(api, endpoints.listCampaigns, async (req) =>
    repo.listCampaigns(db, (await reader(req)).organizationId, req.query),
  );
  route(api, endpoints.listCampaignObjectives, async (req) =>
    repo.objectiveLabels(db, (await reader(req)).organizationId),
  );
  route(api, endpoints.createCampaign, async (req) => createCampaign(db, await writer(req), req.body));
  route(api, endpoints.getCampaign, async (req) => {
    const found = await repo.findCampaign(db, (await reader(req)).organizationId, req.params.id);
    if (!found) throw notFound();
    return found;
  });
  route(api, endpoints.updateCampaign, async (req) =>
    updateCampaign(db, await writer(req), req.params.id, req.body),
  );
  route(api, endpoints.startCampaign, async (req) =>
    startCampaign(db, ctx.jobs, await writer(req), req.params.id, {
      smtpConfigured: !!ctx.config.smtp.host,
    }),
  );
  route(api, endpoints.pauseCampaign, async (req) => pauseCampaign(db, await writer(req), req.params.id));
  route(api, endpoints.resumeCampaign, async (req) =>
    resumeCampaign(db, ctx.jobs, await writer(req), req.params.id),
  );
  route(api, endpoints.cancelCampaign, async (req) => cancelCampaign(db, await writer(req), req.params.id));
  route(api, endpoints.recordBounces, async (req) => recordBounces(db, await writer(req), req.body.dsn));
  route(api, endpoints.getCampaignLedger, async (req) => {
    const orgId = (await reader(req)).organizationId;
    if (!(await repo.findCampaignRow(db, orgId, req.params.id))) throw notFound();
    return repo.ledgerPage(db, orgId, req.params.id, req.query);
  });
  route(api, endpoints.listManualContacts, async (req) => {
    const orgId = (await reader(req)).organizationId;
    if (!(await repo.findCampaignRow(db, orgId, req.params.id))) throw notFound();
    return repo.manualContactsOf(db, orgId, req.params.id);
  });
  route(api, endpoints.recordManualContact, async (req) =>
    recordManualContact(db, await writer(req), req.params.id, req.body),
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
    route(scope, endpoints.getUnsubscribeInfo, async (req) =>
      unsubscribeInfo(db, ctx.config.secret, req.params.token),
    );
    route(scope, endpoints.unsubscribe, async (req) => unsubscribe(db, ctx.config.secret, req.params.token));
    route(scope, endpoints.recordOpen, async (req, reply) => {
      await recordOpen(db, ctx.config.secret, req.params.token);
      // Loaded by mail clients on other sites: the image may be embedded anywhere.
      return reply
        .header('content-type', 'image/gif')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(PIXEL);
    });
  });
};
