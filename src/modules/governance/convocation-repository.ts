import { and, asc, eq, inArray } from 'drizzle-orm';
import { institution, person } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { organization } from '../platform/db/tenant';
import { storedFile } from '../platform/files/schema';
import type {
  AgreementOpinion,
  Convocation,
  NoticeResponse,
  NoticeSettings,
  OpinionKind,
  SessionKind,
} from './contract';
import {
  agendaDocument,
  agendaItem,
  agreementOpinion,
  convocationRecipient,
  governanceSettings,
  sessionConvocation,
} from './schema';

// Storage of convocatorias, notice periods and votos particulares/concurrentes.

export const DEFAULT_NOTICE: NoticeSettings = {
  ordinaryNoticeHours: 72,
  extraordinaryNoticeHours: 24,
  urgentNoticeHours: 0,
};

export async function noticeSettings(db: Db, orgId: string): Promise<NoticeSettings> {
  const [row] = await db
    .select({
      ordinaryNoticeHours: governanceSettings.ordinaryNoticeHours,
      extraordinaryNoticeHours: governanceSettings.extraordinaryNoticeHours,
      urgentNoticeHours: governanceSettings.urgentNoticeHours,
    })
    .from(governanceSettings)
    .where(eq(governanceSettings.organizationId, orgId));
  return row ?? DEFAULT_NOTICE;
}

export async function saveNoticeSettings(db: Db, orgId: string, values: NoticeSettings): Promise<void> {
  await db
    .insert(governanceSettings)
    .values({ organizationId: orgId, ...values })
    .onConflictDoUpdate({
      target: governanceSettings.organizationId,
      set: { ...values, updatedAt: new Date() },
    });
}

export function requiredHours(settings: NoticeSettings, kind: SessionKind): number {
  return kind === 'ordinaria'
    ? settings.ordinaryNoticeHours
    : kind === 'extraordinaria'
      ? settings.extraordinaryNoticeHours
      : settings.urgentNoticeHours;
}

export type ConvocationRow = typeof sessionConvocation.$inferSelect;
export type RecipientRow = typeof convocationRecipient.$inferSelect;

export async function findConvocationRow(
  db: Db,
  orgId: string,
  sessionId: string,
): Promise<ConvocationRow | undefined> {
  const [row] = await db
    .select()
    .from(sessionConvocation)
    .where(and(eq(sessionConvocation.organizationId, orgId), eq(sessionConvocation.sessionId, sessionId)));
  return row;
}

export async function insertConvocation(
  db: Db,
  values: typeof sessionConvocation.$inferInsert,
  recipients: Omit<typeof convocationRecipient.$inferInsert, 'organizationId' | 'sessionId'>[],
): Promise<RecipientRow[]> {
  await db.insert(sessionConvocation).values(values);
  if (!recipients.length) return [];
  return db
    .insert(convocationRecipient)
    .values(
      recipients.map((r) => ({ ...r, organizationId: values.organizationId, sessionId: values.sessionId })),
    )
    .returning();
}

export async function bumpConvocation(db: Db, orgId: string, sessionId: string): Promise<number> {
  const current = await findConvocationRow(db, orgId, sessionId);
  const sequence = current!.sequence + 1;
  await db
    .update(sessionConvocation)
    .set({ sequence, lastSentAt: new Date() })
    .where(and(eq(sessionConvocation.organizationId, orgId), eq(sessionConvocation.sessionId, sessionId)));
  return sequence;
}

export async function listRecipients(db: Db, orgId: string, sessionId: string): Promise<RecipientRow[]> {
  return db
    .select()
    .from(convocationRecipient)
    .where(and(eq(convocationRecipient.organizationId, orgId), eq(convocationRecipient.sessionId, sessionId)))
    .orderBy(asc(convocationRecipient.sortOrder), asc(convocationRecipient.name));
}

/** A recipient by id alone: the convocatoria's signed link names no organization. */
export async function findRecipientById(db: Db, id: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(convocationRecipient).where(eq(convocationRecipient.id, id));
  return row;
}

export async function updateRecipient(
  db: Db,
  orgId: string,
  id: string,
  values: {
    receivedAt?: Date;
    response?: NoticeResponse;
    respondedAt?: Date;
    respondedBy?: string | null;
  },
): Promise<void> {
  await db
    .update(convocationRecipient)
    .set(values)
    .where(and(eq(convocationRecipient.organizationId, orgId), eq(convocationRecipient.id, id)));
}

export async function convocationOf(db: Db, orgId: string, sessionId: string): Promise<Convocation | null> {
  const row = await findConvocationRow(db, orgId, sessionId);
  if (!row) return null;
  const recipients = await listRecipients(db, orgId, sessionId);
  return {
    sentAt: row.sentAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    sequence: row.sequence,
    requiredHours: row.requiredHours,
    givenHours: row.givenHours,
    late: row.late,
    message: row.message,
    recipients: recipients.map((r) => ({
      id: r.id,
      membershipId: r.membershipId,
      name: r.name,
      roleLabel: r.roleLabel,
      voting: r.voting,
      email: r.email,
      receivedAt: r.receivedAt?.toISOString() ?? null,
      response: r.response,
      respondedAt: r.respondedAt?.toISOString() ?? null,
      recordedByStaff: r.respondedBy !== null,
    })),
  };
}

/** The e-mail of each person and institution given (the directory's). */
export async function emailsOf(
  db: Db,
  orgId: string,
  personIds: string[],
  institutionIds: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (personIds.length) {
    const rows = await db
      .select({ id: person.id, email: person.email })
      .from(person)
      .where(and(eq(person.organizationId, orgId), inArray(person.id, personIds)));
    for (const r of rows) if (r.email) found.set(r.id, r.email);
  }
  if (institutionIds.length) {
    const rows = await db
      .select({ id: institution.id, email: institution.email })
      .from(institution)
      .where(and(eq(institution.organizationId, orgId), inArray(institution.id, institutionIds)));
    for (const r of rows) if (r.email) found.set(r.id, r.email);
  }
  return found;
}

export async function organizationName(db: Db, orgId: string): Promise<string> {
  const [row] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row?.name ?? '';
}

/** An agenda document of the session, with its bytes (the convocatoria's link downloads it). */
export async function sessionDocument(db: Db, orgId: string, sessionId: string, documentId: string) {
  const [row] = await db
    .select({ filename: agendaDocument.filename, content: storedFile.content })
    .from(agendaDocument)
    .innerJoin(agendaItem, eq(agendaItem.id, agendaDocument.agendaItemId))
    .innerJoin(storedFile, eq(storedFile.sha256, agendaDocument.fileSha256))
    .where(
      and(
        eq(agendaDocument.organizationId, orgId),
        eq(agendaDocument.id, documentId),
        eq(agendaItem.sessionId, sessionId),
      ),
    );
  return row;
}

// ---- votos particulares and concurrentes

export async function insertOpinion(
  db: Db,
  values: Omit<typeof agreementOpinion.$inferInsert, 'id' | 'createdAt'>,
): Promise<string> {
  const [row] = await db.insert(agreementOpinion).values(values).returning({ id: agreementOpinion.id });
  return row!.id;
}

export async function opinionsOf(
  db: Db,
  agreementIds: string[],
): Promise<(AgreementOpinion & { agreementId: string })[]> {
  if (!agreementIds.length) return [];
  return db
    .select({
      id: agreementOpinion.id,
      agreementId: agreementOpinion.agreementId,
      kind: agreementOpinion.kind,
      personId: agreementOpinion.personId,
      personName: person.fullName,
      filename: agreementOpinion.filename,
      sha256: agreementOpinion.fileSha256,
    })
    .from(agreementOpinion)
    .innerJoin(person, eq(person.id, agreementOpinion.personId))
    .where(inArray(agreementOpinion.agreementId, agreementIds))
    .orderBy(asc(agreementOpinion.createdAt));
}

export async function findOpinionFile(db: Db, orgId: string, agreementId: string, opinionId: string) {
  const [row] = await db
    .select({ filename: agreementOpinion.filename, content: storedFile.content })
    .from(agreementOpinion)
    .innerJoin(storedFile, eq(storedFile.sha256, agreementOpinion.fileSha256))
    .where(
      and(
        eq(agreementOpinion.organizationId, orgId),
        eq(agreementOpinion.agreementId, agreementId),
        eq(agreementOpinion.id, opinionId),
      ),
    );
  return row;
}

export type { OpinionKind };
