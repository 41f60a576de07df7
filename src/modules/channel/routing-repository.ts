import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { user, userArea } from '../accounts/schema';
import { area } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { todayInMexicoCity } from '../../shared/dates';
import { businessDaysBetween, type WorkCalendar } from '../platform/calendar/business-days';
import { formatFolioNumber } from './folio-number';
import type { Attachment, QueueItem, Routing } from './routing-contract';
import { channelReminder, channelRoutingPolicy } from './routing-schema';
import { dueFlags } from './routing-state';
import {
  channelAttachment,
  channelCommunication,
  channelFolio,
  channelMessage,
  channelObligation,
  channelOccurrence,
  channelRouting,
} from './schema';
import { visibleTo } from './repository';

// SQL of routing (turno), area queues, reminders and attachments. Every function is scoped to the
// actor's organization: a slip belongs to the organization that routed it.

const assigner = alias(user, 'assigner');
const closer = alias(user, 'closer');
const closerFor = alias(user, 'closer_for');
const instructor = alias(user, 'instructor');

const routingColumns = {
  id: channelRouting.id,
  folioId: channelRouting.folioId,
  organizationId: channelRouting.organizationId,
  areaId: area.id,
  areaName: area.name,
  areaAcronym: area.acronym,
  role: channelRouting.role,
  state: channelRouting.state,
  instructions: channelRouting.instructions,
  internalDueOn: channelRouting.internalDueOn,
  assignedAt: channelRouting.assignedAt,
  assignedBy: assigner.name,
  answerText: channelRouting.answerText,
  returnReason: channelRouting.returnReason,
  closedAt: channelRouting.closedAt,
  closedBy: closer.name,
  closedOnBehalfOf: closerFor.name,
  previousId: channelRouting.previousId,
  instructedAt: channelRouting.instructedAt,
  instructedBy: instructor.name,
};

export type RoutingRow = Awaited<ReturnType<typeof selectRoutings>>[number];

function selectRoutings(db: Db, where: SQL | undefined) {
  return db
    .select(routingColumns)
    .from(channelRouting)
    .innerJoin(area, eq(area.id, channelRouting.areaId))
    .leftJoin(assigner, eq(assigner.id, channelRouting.assignedBy))
    .leftJoin(closer, eq(closer.id, channelRouting.closedBy))
    .leftJoin(closerFor, eq(closerFor.id, channelRouting.closedOnBehalfOf))
    .leftJoin(instructor, eq(instructor.id, channelRouting.instructedBy))
    .where(where);
}

export type DueWindow = { today: string; soonLimit: string; calendar: WorkCalendar };

export function presentRouting(r: RoutingRow, w: DueWindow): Omit<Routing, 'attachments'> {
  const open = r.state === 'assigned';
  // The area holds the slip from the SE's instruction when there was one; a proposal none yet.
  const to = r.closedAt ? todayInMexicoCity(r.closedAt) : w.today;
  const from = r.state === 'proposed' ? to : todayInMexicoCity(r.instructedAt ?? r.assignedAt);
  return {
    id: r.id,
    folioId: r.folioId,
    area: { id: r.areaId, name: r.areaName, acronym: r.areaAcronym },
    role: r.role,
    state: r.state,
    instructions: r.instructions,
    internalDueOn: r.internalDueOn,
    assignedAt: r.assignedAt.toISOString(),
    assignedBy: r.assignedBy,
    answerText: r.answerText,
    returnReason: r.returnReason,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    closedOnBehalfOf: r.closedOnBehalfOf,
    previousId: r.previousId,
    instructedBy: r.instructedBy,
    instructedAt: r.instructedAt?.toISOString() ?? null,
    businessDaysInArea: businessDaysBetween(w.calendar, from, to),
    ...dueFlags(open, r.internalDueOn, w.today, w.soonLimit),
  };
}

export async function routingsOfFolio(db: Db, orgId: string, folioId: string) {
  return selectRoutings(
    db,
    and(eq(channelRouting.organizationId, orgId), eq(channelRouting.folioId, folioId)),
  ).orderBy(
    asc(channelRouting.assignedAt),
    sql`case when ${channelRouting.role} = 'responsible' then 0 else 1 end`,
    asc(area.name),
  );
}

/** A slip of the organization (liaison staff), or of one of `areaIds` when given (area staff). */
/**
 * Slips through which their area still holds the folio: not moved to another area. Access follows
 * the current assignment: a reassigned area no longer reads the folio or its files (liaison staff
 * keep the history). A slip withdrawn because the folio was attended stays in its area's history.
 */
const notReassigned = sql`not exists (select 1 from channel_routing successor
  where successor.folio_id = ${channelRouting.folioId} and successor.previous_id = ${channelRouting.id})`;

/** Areas do not see a slip until the Secretaría Ejecutiva has instructed it (ADR 0038). */
const instructed = sql`(not ${channelRouting.requiresInstruction} or ${channelRouting.instructedAt} is not null)`;

/** A slip of the organization; with `areaIds`, only one those areas still hold (not reassigned). */
export async function findRouting(db: Db, orgId: string, id: string, areaIds?: readonly string[]) {
  if (areaIds && !areaIds.length) return undefined;
  const [row] = await selectRoutings(
    db,
    and(
      eq(channelRouting.id, id),
      eq(channelRouting.organizationId, orgId),
      areaIds ? and(inArray(channelRouting.areaId, [...areaIds]), notReassigned, instructed) : undefined,
    ),
  );
  return row;
}

/** Locks a slip for a state change, so two answers cannot both apply. */
export async function lockRouting(db: Db, id: string) {
  await db.execute(sql`select 1 from channel_routing where id = ${id} for update`);
}

export async function activeAreasOf(db: Db, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: area.id, name: area.name })
    .from(area)
    .where(and(eq(area.organizationId, orgId), inArray(area.id, ids)));
}

export async function insertRoutings(db: Db, values: (typeof channelRouting.$inferInsert)[]) {
  return db.insert(channelRouting).values(values).returning({ id: channelRouting.id });
}

export async function closeRouting(
  db: Db,
  id: string,
  values: {
    state: 'answered' | 'returned' | 'withdrawn';
    answerText?: string;
    returnReason?: string | null;
    closedBy: string;
    closedOnBehalfOf?: string | null;
  },
) {
  await db
    .update(channelRouting)
    .set({ ...values, closedAt: new Date() })
    .where(and(eq(channelRouting.id, id), inArray(channelRouting.state, ['assigned', 'proposed'])));
}

const folioSummaryColumns = {
  id: channelFolio.id,
  module: channelFolio.module,
  number: channelFolio.number,
  year: channelFolio.year,
  documentType: channelCommunication.documentType,
  nature: channelCommunication.nature,
  subject: channelCommunication.subject,
  body: channelCommunication.body,
  originLabel: channelCommunication.originLabel,
  status: channelFolio.status,
  receivedOn: channelFolio.receivedOn,
  dueOn: channelFolio.dueOn,
  communicationId: channelFolio.communicationId,
};

type FolioSummaryRow = {
  id: string;
  module: 'follow_up' | 'consultation';
  number: number;
  year: number;
  documentType: QueueItem['folioSummary']['documentType'];
  nature: QueueItem['folioSummary']['nature'];
  subject: string;
  originLabel: string;
  status: QueueItem['folioSummary']['status'];
  receivedOn: string;
  dueOn: string | null;
};

export function presentFolioSummary(f: FolioSummaryRow, w: DueWindow): QueueItem['folioSummary'] {
  return {
    id: f.id,
    folio: formatFolioNumber(f),
    module: f.module,
    documentType: f.documentType,
    nature: f.nature,
    subject: f.subject,
    originLabel: f.originLabel,
    status: f.status,
    receivedOn: f.receivedOn,
    dueOn: f.dueOn,
    ...dueFlags(f.status === 'pending_local', f.dueOn, w.today, w.soonLimit),
  };
}

export async function folioSummary(db: Db, folioId: string) {
  const [row] = await db
    .select(folioSummaryColumns)
    .from(channelFolio)
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(eq(channelFolio.id, folioId));
  return row;
}

/** Slips with the folio each belongs to (an area's queue, the SE's proposals). */
function selectSlipsWithFolios(db: Db, where: SQL | undefined) {
  return db
    .select({ routing: routingColumns, folio: folioSummaryColumns })
    .from(channelRouting)
    .innerJoin(area, eq(area.id, channelRouting.areaId))
    .leftJoin(assigner, eq(assigner.id, channelRouting.assignedBy))
    .leftJoin(closer, eq(closer.id, channelRouting.closedBy))
    .leftJoin(closerFor, eq(closerFor.id, channelRouting.closedOnBehalfOf))
    .leftJoin(instructor, eq(instructor.id, channelRouting.instructedBy))
    .innerJoin(channelFolio, eq(channelFolio.id, channelRouting.folioId))
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(where);
}

/** The slips of an area-staff user's areas, soonest internal due date first. */
export async function areaQueue(
  db: Db,
  orgId: string,
  areaIds: readonly string[],
  q: { state: 'open' | 'closed' | 'all'; page: number; pageSize: number },
) {
  if (!areaIds.length) return { rows: [], total: 0 };
  const where = and(
    eq(channelRouting.organizationId, orgId),
    inArray(channelRouting.areaId, [...areaIds]),
    notReassigned,
    instructed,
    q.state === 'open'
      ? eq(channelRouting.state, 'assigned')
      : q.state === 'closed'
        ? ne(channelRouting.state, 'assigned')
        : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectSlipsWithFolios(db, where)
      .orderBy(
        sql`${channelRouting.internalDueOn} asc nulls last`,
        desc(channelRouting.assignedAt),
        asc(channelRouting.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(channelRouting).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// ---- attachments

const attachmentColumns = {
  id: channelAttachment.id,
  communicationId: channelAttachment.communicationId,
  messageId: channelAttachment.messageId,
  routingId: channelAttachment.routingId,
  occurrenceId: channelAttachment.occurrenceId,
  filename: channelAttachment.filename,
  mediaType: channelAttachment.mediaType,
  size: channelAttachment.size,
  sha256: channelAttachment.sha256,
  createdAt: channelAttachment.createdAt,
};
type AttachmentRow = {
  id: string;
  communicationId: string | null;
  messageId: string | null;
  routingId: string | null;
  occurrenceId: string | null;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
};

export function presentAttachment(r: AttachmentRow): Attachment {
  const owner = r.communicationId
    ? 'communication'
    : r.messageId
      ? 'message'
      : r.routingId
        ? 'routing'
        : 'occurrence';
  return {
    id: r.id,
    owner,
    ownerId: (r.communicationId ?? r.messageId ?? r.routingId ?? r.occurrenceId)!,
    filename: r.filename,
    mediaType: r.mediaType,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function insertAttachment(db: Db, values: typeof channelAttachment.$inferInsert) {
  const [row] = await db.insert(channelAttachment).values(values).returning(attachmentColumns);
  return presentAttachment(row!);
}

/** Files of the communication and of the messages of a folio (what both sides see). */
export async function folioSharedAttachments(db: Db, folio: { id: string; communicationId: string }) {
  const rows = await db
    .select(attachmentColumns)
    .from(channelAttachment)
    .leftJoin(channelMessage, eq(channelMessage.id, channelAttachment.messageId))
    .where(
      or(eq(channelAttachment.communicationId, folio.communicationId), eq(channelMessage.folioId, folio.id)),
    )
    .orderBy(asc(channelAttachment.createdAt), asc(channelAttachment.id));
  return rows.map(presentAttachment);
}

export async function routingAttachments(db: Db, routingIds: string[]) {
  if (!routingIds.length) return [];
  const rows = await db
    .select(attachmentColumns)
    .from(channelAttachment)
    .where(inArray(channelAttachment.routingId, routingIds))
    .orderBy(asc(channelAttachment.createdAt), asc(channelAttachment.id));
  return rows.map(presentAttachment);
}

/** The files of the answers of months of recurring obligations. */
export async function occurrenceAttachments(db: Db, occurrenceIds: string[]) {
  if (!occurrenceIds.length) return [];
  const rows = await db
    .select(attachmentColumns)
    .from(channelAttachment)
    .where(inArray(channelAttachment.occurrenceId, occurrenceIds))
    .orderBy(asc(channelAttachment.createdAt), asc(channelAttachment.id));
  return rows.map(presentAttachment);
}

/** An attachment with the folios through which it may be seen. */
export async function findAttachment(db: Db, id: string) {
  const [row] = await db
    .select({
      ...attachmentColumns,
      routingOrgId: channelRouting.organizationId,
      routingAreaId: channelRouting.areaId,
      routingHeld: sql<boolean>`${notReassigned}`,
      routingFolioId: channelRouting.folioId,
      messageFolioId: channelMessage.folioId,
      occurrenceFolioId: channelObligation.folioId,
      occurrenceAreaId: channelObligation.areaId,
    })
    .from(channelAttachment)
    .leftJoin(channelRouting, eq(channelRouting.id, channelAttachment.routingId))
    .leftJoin(channelMessage, eq(channelMessage.id, channelAttachment.messageId))
    .leftJoin(channelOccurrence, eq(channelOccurrence.id, channelAttachment.occurrenceId))
    .leftJoin(channelObligation, eq(channelObligation.id, channelOccurrence.obligationId))
    .where(eq(channelAttachment.id, id));
  return row;
}

/** Some folio of `folioIds` (or of the communication) visible to the organization. */
export async function seesFolio(
  db: Db,
  orgId: string,
  by: { folioId: string } | { communicationId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: channelFolio.id })
    .from(channelFolio)
    .where(
      and(
        'folioId' in by
          ? eq(channelFolio.id, by.folioId)
          : eq(channelFolio.communicationId, by.communicationId),
        visibleTo(orgId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A slip the user's areas still hold on the folio (or on a folio of the communication). */
export async function areaSeesFolio(
  db: Db,
  orgId: string,
  areaIds: readonly string[],
  by: { folioId: string } | { communicationId: string },
): Promise<boolean> {
  if (!areaIds.length) return false;
  const [row] = await db
    .select({ id: channelRouting.id })
    .from(channelRouting)
    .innerJoin(channelFolio, eq(channelFolio.id, channelRouting.folioId))
    .where(
      and(
        eq(channelRouting.organizationId, orgId),
        inArray(channelRouting.areaId, [...areaIds]),
        notReassigned,
        'folioId' in by
          ? eq(channelRouting.folioId, by.folioId)
          : eq(channelFolio.communicationId, by.communicationId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function findMessage(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: channelMessage.id, folioId: channelMessage.folioId })
    .from(channelMessage)
    .where(and(eq(channelMessage.id, id), eq(channelMessage.organizationId, orgId)));
  return row;
}

export async function findOwnCommunication(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: channelCommunication.id })
    .from(channelCommunication)
    .where(
      and(
        eq(channelCommunication.id, id),
        or(
          eq(channelCommunication.originOrgId, orgId),
          // A folio typed in from an outside system: the local body keeps its documents.
          and(
            sql`${channelCommunication.originOrgId} is null`,
            sql`exists (select 1 from channel_folio f where f.communication_id = ${channelCommunication.id} and f.local_org_id = ${orgId})`,
          ),
        ),
      ),
    );
  return row;
}

export async function lastMessageId(db: Db, folioId: string, orgId: string) {
  const [row] = await db
    .select({ id: channelMessage.id })
    .from(channelMessage)
    .where(and(eq(channelMessage.folioId, folioId), eq(channelMessage.organizationId, orgId)))
    .orderBy(desc(channelMessage.createdAt))
    .limit(1);
  return row?.id;
}

// ---- reminders

/** Open slips with a due date (internal, else the folio's) in [from, to], for every organization. */
export async function openSlipsDueBetween(db: Db, from: string, to: string) {
  const due = sql<string>`coalesce(${channelRouting.internalDueOn}, ${channelFolio.dueOn})`;
  return db
    .select({
      id: channelRouting.id,
      organizationId: channelRouting.organizationId,
      areaId: channelRouting.areaId,
      areaName: area.name,
      dueOn: sql<string>`${due}::text`,
      folioId: channelFolio.id,
      module: channelFolio.module,
      number: channelFolio.number,
      year: channelFolio.year,
      subject: channelCommunication.subject,
      instructions: channelRouting.instructions,
    })
    .from(channelRouting)
    .innerJoin(area, eq(area.id, channelRouting.areaId))
    .innerJoin(channelFolio, eq(channelFolio.id, channelRouting.folioId))
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(
      and(
        eq(channelRouting.state, 'assigned'),
        eq(channelRouting.role, 'responsible'),
        isNotNull(due),
        sql`${due} between ${from}::date and ${to}::date`,
      ),
    );
}

/** Active area-staff users of an area. */
/** Months still owed (pending or returned) of obligations answered by an area, due between two days. */
export async function owedOccurrencesDueBetween(db: Db, from: string, to: string) {
  return db
    .select({
      id: channelOccurrence.id,
      organizationId: channelOccurrence.organizationId,
      period: channelOccurrence.period,
      dueOn: channelOccurrence.dueOn,
      description: channelObligation.description,
      areaId: area.id,
      areaName: area.name,
      number: channelFolio.number,
      year: channelFolio.year,
      subject: channelCommunication.subject,
    })
    .from(channelOccurrence)
    .innerJoin(channelObligation, eq(channelObligation.id, channelOccurrence.obligationId))
    .innerJoin(area, eq(area.id, channelObligation.areaId))
    .innerJoin(channelFolio, eq(channelFolio.id, channelObligation.folioId))
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(
      and(
        inArray(channelOccurrence.status, ['pending', 'returned']),
        ne(channelFolio.status, 'cancelled'),
        sql`${channelOccurrence.dueOn} between ${from}::date and ${to}::date`,
      ),
    )
    .orderBy(asc(channelOccurrence.dueOn), asc(channelOccurrence.id));
}

export async function areaStaffEmails(db: Db, orgId: string, areaId: string) {
  const rows = await db
    .select({ email: user.email, roles: user.roles, disabledAt: user.disabledAt })
    .from(userArea)
    .innerJoin(user, eq(user.id, userArea.userId))
    .where(and(eq(userArea.areaId, areaId), eq(user.organizationId, orgId)));
  return rows
    .filter((r) => !r.disabledAt && (r.roles as string[]).includes('area_staff'))
    .map((r) => r.email)
    .sort();
}

/** Records a reminder; false when it was already recorded (by this or another instance). */
export async function claimReminder(db: Db, values: typeof channelReminder.$inferInsert) {
  const rows = await db
    .insert(channelReminder)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: channelReminder.id });
  return rows.length === 1;
}

// ---- the Secretaría Ejecutiva's instruction (ADR 0038)

/** The organization's instructing area (the SE), or null when routings reach the areas directly. */
export async function routingPolicyOf(db: Db, orgId: string) {
  const [row] = await db
    .select({ id: area.id, name: area.name })
    .from(channelRoutingPolicy)
    .innerJoin(area, eq(area.id, channelRoutingPolicy.instructingAreaId))
    .where(eq(channelRoutingPolicy.organizationId, orgId));
  return row ?? null;
}

export async function saveRoutingPolicy(db: Db, orgId: string, instructingAreaId: string | null) {
  await db
    .insert(channelRoutingPolicy)
    .values({ organizationId: orgId, instructingAreaId })
    .onConflictDoUpdate({
      target: channelRoutingPolicy.organizationId,
      set: { instructingAreaId, updatedAt: new Date() },
    });
}

/** Folios of the organization with slips awaiting the SE's instruction, oldest proposal first. */
export async function proposedRoutings(db: Db, orgId: string, limit = 200) {
  return selectSlipsWithFolios(
    db,
    and(eq(channelRouting.organizationId, orgId), eq(channelRouting.state, 'proposed')),
  )
    .orderBy(
      asc(channelRouting.assignedAt),
      asc(channelRouting.folioId),
      sql`case when ${channelRouting.role} = 'responsible' then 0 else 1 end`,
      asc(area.name),
    )
    .limit(limit);
}

/** Locks the folio's proposed slips and returns them, so two instructions cannot both apply. */
export async function lockProposedRoutings(db: Db, orgId: string, folioId: string) {
  await db.execute(
    sql`select 1 from channel_routing where organization_id = ${orgId} and folio_id = ${folioId}
      and state = 'proposed' for update`,
  );
  return selectRoutings(
    db,
    and(
      eq(channelRouting.organizationId, orgId),
      eq(channelRouting.folioId, folioId),
      eq(channelRouting.state, 'proposed'),
    ),
  );
}

/** The SE instructs proposed slips: they enter their areas' queues, with the SE's words added. */
export async function instructRoutings(
  db: Db,
  ids: string[],
  values: { instructedBy: string; note: string },
) {
  if (!ids.length) return;
  await db
    .update(channelRouting)
    .set({
      state: 'assigned',
      instructedBy: values.instructedBy,
      instructedAt: new Date(),
      ...(values.note
        ? {
            instructions: sql`case when ${channelRouting.instructions} = '' then ${values.note}
              else ${channelRouting.instructions} || E'\n\n' || ${values.note} end`,
          }
        : {}),
    })
    .where(and(inArray(channelRouting.id, ids), eq(channelRouting.state, 'proposed')));
}

/** Sends every waiting proposal of the organization to its area (the SE's instruction lifted). */
export async function releaseProposedRoutings(db: Db, orgId: string) {
  const rows = await db
    .update(channelRouting)
    .set({ state: 'assigned', requiresInstruction: false })
    .where(and(eq(channelRouting.organizationId, orgId), eq(channelRouting.state, 'proposed')))
    .returning({ id: channelRouting.id });
  return rows.map((r) => r.id);
}
