import type { FastifyRequest } from 'fastify';
import { authenticate, authorize, type Actor } from '../accounts';
import { hasPermission } from '../accounts/contract';
import { addDays, todayInMexicoCity } from '../../shared/dates';
import { forbidden, invalid, notFound } from '../platform/errors';
import { readFormWithFiles, sendDownload } from '../platform/http/files';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { addBusinessDays } from '../platform/calendar/business-days';
import { workCalendarOf } from '../platform/calendar/repository';
import { addObligation } from './add-obligation';
import { answerOccurrence } from './answer-occurrence';
import { assignObligationArea } from './assign-obligation-area';
import { folioObligations, myOccurrences } from './folio-obligations';
import { reviewOccurrence } from './review-occurrence';
import { changeFolioStatus } from './change-folio-status';
import * as endpoints from './endpoints';
import { actorForOccurrence, authorizeQueue } from './routing-access';
import { exportFolios } from './export-folios';
import { monthlyStatusTable } from './monthly-status-table';
import { registerReceivedFolio } from './register-received-folio';
import * as repo from './repository';
import { COMMUNICATION_MAX_FILES, sendCommunication } from './send-communication';
import { SendCommunicationInputSchema } from './contract';
import { issuesToFields } from '../platform/http/errors';
import { parseWithMessages } from '../../shared/zod-setup';

/** A folio is "due soon" when its due date falls within this many business days. */
const DUE_SOON_BUSINESS_DAYS = 3;

export const channelRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;

  async function window(orgId: string) {
    const today = todayInMexicoCity();
    const cal = await workCalendarOf(db, orgId);
    return { today, soonLimit: addBusinessDays(cal, addDays(today, -1), DUE_SOON_BUSINESS_DAYS + 1) };
  }

  route(api, endpoints.listFolios, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    const today = todayInMexicoCity();
    // The calendar is read only when a folio of the page may be due soon.
    return repo.listFolios(
      db,
      actor.organization,
      req.query,
      today,
      async () => (await window(actor.organizationId)).soonLimit,
    );
  });

  route(api, endpoints.getFolio, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    const row = await repo.findFolioRow(db, actor.organizationId, req.params.id);
    if (!row) throw notFound();
    const { today, soonLimit } = await window(actor.organizationId);
    const [history, messages, areas] = await Promise.all([
      repo.folioHistory(db, row.id, actor.organizationId),
      repo.folioMessages(db, row.id),
      repo.areasOfFolios(db, actor.organizationId, [row.id]),
    ]);
    return {
      ...repo.presentFolio(row, today, soonLimit, areas.get(row.id)),
      body: row.body,
      dueRule: row.dueRule,
      history,
      messages,
    };
  });

  route(api, endpoints.sendCommunication, async (req) =>
    sendCommunication(db, await authorize(ctx, req, 'channel.write'), req.body),
  );

  route(api, endpoints.sendCommunicationWithFiles, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    const form = await readFormWithFiles(req, COMMUNICATION_MAX_FILES);
    const input = parseWithMessages(SendCommunicationInputSchema, form.data);
    if (!input.success) throw invalid(issuesToFields(input.error.issues));
    return sendCommunication(db, actor, input.data, { limits: ctx.config.channel, files: form.files });
  });

  route(api, endpoints.getCommunicationSummary, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    const summary = await repo.communicationSummary(db, actor.organizationId, req.params.id);
    if (!summary) throw notFound();
    return summary;
  });

  route(api, endpoints.registerFolio, async (req) =>
    registerReceivedFolio(db, await authorize(ctx, req, 'channel.write'), req.body),
  );

  route(api, endpoints.changeFolioStatus, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    return changeFolioStatus(db, actor, req.params.id, req.body);
  });

  route(api, endpoints.getMonthlyStatusTable, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    return monthlyStatusTable(db, actor.organizationId, req.query);
  });

  route(api, endpoints.listCounterparts, async (req) => {
    await authorize(ctx, req, 'channel.read');
    const [national, localBodies] = await Promise.all([repo.nationalAuthority(db), repo.localBodies(db)]);
    return {
      national: national ?? null,
      localBodies: localBodies.sort((x, y) => x.name.localeCompare(y.name, 'es')),
    };
  });

  route(api, endpoints.exportFolios, async (req, reply) => {
    const actor = await authorize(ctx, req, 'channel.read');
    const { format, ...filters } = req.query;
    const file = await exportFolios(db, actor, filters, format, await window(actor.organizationId));
    return sendDownload(reply, file);
  });

  route(api, endpoints.listFolioObligations, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    return folioObligations(db, actor, req.params.id);
  });

  route(api, endpoints.addObligation, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    return { id: await addObligation(db, actor, req.params.id, req.body) };
  });

  route(api, endpoints.setObligationArea, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    return assignObligationArea(db, actor, req.params.id, req.body.areaId);
  });

  /** Answering a month: liaison staff (channel.write) or staff of the obligation's area (channel.answer). */
  function mayReadMonths(actor: Actor): Actor {
    if (
      !(['channel.read', 'channel.write', 'channel.answer'] as const).some((p) =>
        hasPermission(actor.roles, p),
      )
    ) {
      throw forbidden();
    }
    return actor;
  }
  async function occurrenceActor(req: FastifyRequest) {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    return mayReadMonths(actor);
  }

  route(api, endpoints.answerOccurrence, async (req) => {
    const user = await authenticate(ctx, req);
    if (user.operator) throw notFound();
    // Someone acting for an absent person answers the months of that person's areas (ADR 0035).
    const actor = mayReadMonths(await actorForOccurrence(db, user, req.params.id));
    return answerOccurrence(db, actor, req.params.id, req.body);
  });

  route(api, endpoints.acceptOccurrence, async (req) =>
    reviewOccurrence(db, await occurrenceActor(req), req.params.id, { decision: 'accept', on: req.body.on }),
  );

  route(api, endpoints.returnOccurrence, async (req) =>
    reviewOccurrence(db, await occurrenceActor(req), req.params.id, { decision: 'return', ...req.body }),
  );

  route(api, endpoints.listMyOccurrences, async (req) => {
    // The months of the user's own areas, then those of each absent person the user acts for today
    // (ADR 0035), each marked with whom it is answered for; a month in both is the user's own.
    const access = await authorizeQueue(ctx, req);
    const seen = new Set<string>();
    const months = [];
    for (const scope of access.scopes) {
      const actingFor = scope.as.onBehalfOf
        ? { userId: scope.as.onBehalfOf.userId, name: scope.as.onBehalfOf.name }
        : null;
      for (const month of await myOccurrences(db, scope.as, req.query.state)) {
        if (seen.has(month.id)) continue;
        seen.add(month.id);
        months.push({ ...month, actingFor });
      }
    }
    return months;
  });
};
