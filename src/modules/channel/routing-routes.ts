import type { FastifyRequest } from 'fastify';
import { authenticate, authorize, type Actor } from '../accounts';
import { forbidden, notFound } from '../platform/errors';
import { hasPermission } from '../accounts/contract';
import { readUpload, sendUploadedFile } from '../platform/http/files';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { addDays, todayInMexicoCity } from '../../shared/dates';
import { answerRouting } from './answer-routing';
import { attachChannelFile, type AttachmentOwner } from './attach-channel-file';
import { addBusinessDays } from '../platform/calendar/business-days';
import { workCalendarOf } from '../platform/calendar/repository';
import { consolidateFolio } from './consolidate-folio';
import { channelFileToDownload } from './download-channel-file';
import * as endpoints from './endpoints';
import { reassignRouting } from './reassign-routing';
import {
  actingForOf,
  actorForOccurrence,
  actorForSlip,
  authorizeQueue,
  instructingActorOf,
  queueAccessOf,
} from './routing-access';
import { instructRouting } from './instruct-routing';
import { setRoutingPolicy } from './set-routing-policy';
import * as folios from './repository';
import { routeFolio } from './route-folio';
import * as repo from './routing-repository';

/** Same horizon as the folio lists: due within 3 business days is "due soon". */
const DUE_SOON_BUSINESS_DAYS = 3;

/** Routing (turno), the areas' queues, consolidation and the channel's attachments. */
export const channelRoutingRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;

  async function dueWindow(orgId: string): Promise<repo.DueWindow> {
    const today = todayInMexicoCity();
    const calendar = await workCalendarOf(db, orgId);
    return {
      today,
      calendar,
      soonLimit: addBusinessDays(calendar, addDays(today, -1), DUE_SOON_BUSINESS_DAYS + 1),
    };
  }

  async function withAttachments(rows: repo.RoutingRow[], orgId: string) {
    const w = await dueWindow(orgId);
    const files = await repo.routingAttachments(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      ...repo.presentRouting(r, w),
      attachments: files.filter((f) => f.ownerId === r.id),
    }));
  }

  const upload = (req: FastifyRequest, actor: Actor, owner: AttachmentOwner) =>
    readUpload(req, { what: 'el archivo' }).then((file) =>
      attachChannelFile(db, ctx.config.channel, actor, owner, file),
    );

  // ---- liaison staff

  route(api, endpoints.listFolioRoutings, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    const folio = await folios.findFolioRow(db, actor.organizationId, req.params.id);
    if (!folio) throw notFound();
    return withAttachments(
      await repo.routingsOfFolio(db, actor.organizationId, folio.id),
      actor.organizationId,
    );
  });

  route(api, endpoints.routeFolio, async (req) =>
    routeFolio(db, await authorize(ctx, req, 'channel.route'), req.params.id, req.body),
  );

  route(api, endpoints.reassignRouting, async (req) =>
    reassignRouting(db, await authorize(ctx, req, 'channel.route'), req.params.id, req.body),
  );

  route(api, endpoints.consolidateFolio, async (req) =>
    consolidateFolio(db, await authorize(ctx, req, 'channel.write'), req.params.id, req.body),
  );

  route(api, endpoints.listFolioAttachments, async (req) => {
    const actor = await authorize(ctx, req, 'channel.read');
    const folio = await folios.findFolioRow(db, actor.organizationId, req.params.id);
    if (!folio) throw notFound();
    return repo.folioSharedAttachments(db, folio);
  });

  route(api, endpoints.attachToCommunication, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    return upload(req, actor, { kind: 'communication', id: req.params.id });
  });

  route(api, endpoints.attachToMessage, async (req) => {
    const actor = await authorize(ctx, req, 'channel.write');
    return upload(req, actor, { kind: 'message', id: req.params.id });
  });

  // ---- the Secretaría Ejecutiva's instruction (ADR 0038)

  route(api, endpoints.getRoutingPolicy, async (req) => {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    return { instructingArea: await repo.routingPolicyOf(db, actor.organizationId) };
  });

  route(api, endpoints.setRoutingPolicy, async (req) =>
    setRoutingPolicy(db, await authorize(ctx, req, 'channel.settings'), req.body),
  );

  route(api, endpoints.listRoutingsToInstruct, async (req) => {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    const as = await instructingActorOf(db, actor);
    if (!as) return { instructs: false, items: [] };
    const w = await dueWindow(actor.organizationId);
    const rows = await repo.proposedRoutings(db, actor.organizationId);
    const byFolio = new Map<string, { folio: (typeof rows)[number]['folio']; routings: repo.RoutingRow[] }>();
    for (const r of rows) {
      const entry = byFolio.get(r.folio.id) ?? { folio: r.folio, routings: [] };
      entry.routings.push(r.routing);
      byFolio.set(r.folio.id, entry);
    }
    return {
      instructs: true,
      items: [...byFolio.values()].map((e) => ({
        folioSummary: repo.presentFolioSummary(e.folio, w),
        routings: e.routings.map((r) => repo.presentRouting(r, w)),
      })),
    };
  });

  route(api, endpoints.instructRouting, async (req) => {
    const actor = await authenticate(ctx, req);
    if (actor.operator) throw notFound();
    const as = await instructingActorOf(db, actor);
    if (!as) throw forbidden();
    return instructRouting(db, as, req.params.id, req.body);
  });

  // ---- area staff: their queue

  route(api, endpoints.listMyRoutings, async (req) => {
    const access = await authorizeQueue(ctx, req);
    const org = access.actor.organizationId;
    const w = await dueWindow(org);
    const { rows, total } = await repo.areaQueue(db, org, access.areaIds, req.query);
    return {
      items: rows.map((r) => ({
        ...repo.presentRouting(r.routing, w),
        folioSummary: repo.presentFolioSummary(r.folio, w),
        actingFor: actingForOf(access, r.routing.areaId),
      })),
      total,
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });

  route(api, endpoints.getMyRouting, async (req) => {
    const access = await authorizeQueue(ctx, req);
    const org = access.actor.organizationId;
    const slip = await repo.findRouting(db, org, req.params.id, access.areaIds);
    if (!slip) throw notFound();
    const w = await dueWindow(org);
    const folio = (await repo.folioSummary(db, slip.folioId))!;
    const [[routing], folioAttachments] = await Promise.all([
      withAttachments([slip], org),
      repo.folioSharedAttachments(db, folio),
    ]);
    return {
      ...routing!,
      folioSummary: { ...repo.presentFolioSummary(folio, w), body: folio.body },
      folioAttachments,
      actingFor: actingForOf(access, slip.areaId),
    };
  });

  // The slip's own area's staff, or whoever acts for them while they are away (routing-access.ts).
  const slipActor = async (req: FastifyRequest<{ Params: { id: string } }>) =>
    actorForSlip(db, await authorizeQueue(ctx, req), req.params.id);

  route(api, endpoints.answerRouting, async (req) =>
    answerRouting(db, await slipActor(req), req.params.id, { kind: 'answer', text: req.body.text }),
  );

  route(api, endpoints.returnRouting, async (req) =>
    answerRouting(db, await slipActor(req), req.params.id, { kind: 'return', reason: req.body.reason }),
  );

  route(api, endpoints.attachToRouting, async (req) =>
    upload(req, await slipActor(req), { kind: 'routing', id: req.params.id }),
  );

  route(api, endpoints.attachToOccurrence, async (req) => {
    const user = await authenticate(ctx, req);
    if (user.operator) throw notFound();
    const actor = await actorForOccurrence(db, user, req.params.id);
    if (!hasPermission(actor.roles, 'channel.write') && !hasPermission(actor.roles, 'channel.answer')) {
      throw forbidden();
    }
    return upload(req, actor, { kind: 'occurrence', id: req.params.id });
  });

  // ---- download, for whoever may see the folio

  route(api, endpoints.downloadAttachment, async (req, reply) => {
    const actor = await authenticate(ctx, req);
    const access = actor.operator ? undefined : await queueAccessOf(db, actor);
    const { file, stored } = await channelFileToDownload(db, actor, req.params.id, access);
    return sendUploadedFile(reply, { body: stored.content, filename: file.filename });
  });
};
