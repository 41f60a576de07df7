import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { foldedContains } from '../platform/db/search';
import { organization } from '../accounts/schema';
import { programLine, programObjective, workProgram } from '../program/schema';
import type {
  ArcoRequest,
  Base,
  Campaign,
  CampaignListQuery,
  Channel,
  Consent,
  Contact,
  ContactListQuery,
  LedgerRow,
  ManualContact,
  Progress,
} from './contract';
import {
  arcoRequest,
  campaign,
  campaignBase,
  consent,
  contact,
  contactBase,
  contactMembership,
  ledger,
  manualContact,
  optOut,
} from './schema';

// All reads and writes of outreach. Every function takes the organization and filters by it.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoOf = (d: Date) => d.toISOString();

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

// ---- bases

export async function listBases(db: Db, orgId: string): Promise<Base[]> {
  const rows = await db
    .select({
      id: contactBase.id,
      name: contactBase.name,
      kind: contactBase.kind,
      description: contactBase.description,
      createdAt: contactBase.createdAt,
      contacts: sql<number>`(select count(*)::int from outreach_membership m join outreach_contact c on c.id = m.contact_id where m.base_id = outreach_base.id and c.erased_at is null)`,
      consenting: sql<number>`(select count(*)::int from outreach_membership m join outreach_contact c on c.id = m.contact_id where m.base_id = outreach_base.id and c.erased_at is null and ${activeConsentFor(sql`c.id`, sql`m.base_id`)})`,
    })
    .from(contactBase)
    .where(eq(contactBase.organizationId, orgId))
    .orderBy(asc(contactBase.name));
  return rows.map((r) => ({ ...r, createdAt: isoOf(r.createdAt) }));
}

export async function findBase(db: Db, orgId: string, id: string): Promise<Base | undefined> {
  return (await listBases(db, orgId)).find((b) => b.id === id);
}

export async function baseIdsOfOrg(db: Db, orgId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: contactBase.id })
    .from(contactBase)
    .where(and(eq(contactBase.organizationId, orgId), inArray(contactBase.id, ids)));
  return rows.map((r) => r.id);
}

/** SQL: contact `c` has a consent not withdrawn, general or for base `baseId`. */
function activeConsentFor(contactId: SQL, baseId: SQL): SQL {
  return sql`exists (select 1 from outreach_consent k where k.contact_id = ${contactId} and k.withdrawn_on is null and (k.base_id is null or k.base_id = ${baseId}))`;
}

// ---- contacts

const contactColumns = {
  id: contact.id,
  kind: contact.kind,
  fullName: contact.fullName,
  email: contact.email,
  phone: contact.phone,
  country: contact.country,
  city: contact.city,
  affiliation: contact.affiliation,
  tags: contact.tags,
  notes: contact.notes,
  erasedAt: contact.erasedAt,
  emailInvalid: sql<boolean>`${contact.emailInvalidAt} is not null`,
  createdAt: contact.createdAt,
  updatedAt: contact.updatedAt,
  baseIds: sql<
    string[]
  >`coalesce((select array_agg(m.base_id order by m.base_id) from outreach_membership m where m.contact_id = outreach_contact.id), '{}')`,
  consenting: sql<boolean>`exists (select 1 from outreach_consent k where k.contact_id = outreach_contact.id and k.withdrawn_on is null)`,
  optedOut: sql<
    Channel[]
  >`coalesce((select array_agg(o.channel order by o.channel) from outreach_opt_out o where o.contact_id = outreach_contact.id), '{}')`,
};

type ContactRow = {
  [K in keyof typeof contactColumns]: K extends 'erasedAt' | 'createdAt' | 'updatedAt'
    ? K extends 'erasedAt'
      ? Date | null
      : Date
    : unknown;
};

function presentContact(r: ContactRow): Contact {
  return {
    ...(r as unknown as Omit<Contact, 'erasedAt' | 'createdAt' | 'updatedAt'>),
    erasedAt: iso(r.erasedAt),
    createdAt: isoOf(r.createdAt),
    updatedAt: isoOf(r.updatedAt),
  };
}

function contactFilters(orgId: string, q: Omit<ContactListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const f: SQL[] = [eq(contact.organizationId, orgId)];
  if (q.q)
    f.push(
      foldedContains(
        sql`coalesce(${contact.fullName}, '') || ' ' || coalesce(${contact.email}, '') || ' ' || coalesce(${contact.affiliation}, '')`,
        q.q,
      ),
    );
  if (q.baseId)
    f.push(
      sql`exists (select 1 from outreach_membership m where m.contact_id = outreach_contact.id and m.base_id = ${q.baseId})`,
    );
  if (q.tag) f.push(sql`${q.tag} = any(${contact.tags})`);
  return and(...f);
}

export async function listContacts(db: Db, orgId: string, q: ContactListQuery) {
  const where = contactFilters(orgId, q);
  const [rows, [total]] = await Promise.all([
    db
      .select(contactColumns)
      .from(contact)
      .where(where)
      .orderBy(sql`${contact.erasedAt} is not null`, asc(contact.nameKey), asc(contact.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(contact).where(where),
  ]);
  return {
    items: rows.map((r) => presentContact(r as ContactRow)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findContact(db: Db, orgId: string, id: string): Promise<Contact | undefined> {
  const [row] = await db
    .select(contactColumns)
    .from(contact)
    .where(and(eq(contact.organizationId, orgId), eq(contact.id, id)));
  return row && presentContact(row as ContactRow);
}

export async function findContactRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(contact)
    .where(and(eq(contact.organizationId, orgId), eq(contact.id, id)));
  return row;
}

/** The organization's live contacts' duplicate keys (for creation and import). */
export async function contactKeys(db: Db, orgId: string) {
  return db
    .select({
      id: contact.id,
      name: contact.nameKey,
      email: contact.emailKey,
      phone: contact.phoneKey,
      fullName: contact.fullName,
    })
    .from(contact)
    .where(and(eq(contact.organizationId, orgId), isNull(contact.erasedAt)));
}

export async function insertContact(db: Db, values: typeof contact.$inferInsert) {
  const [row] = await db.insert(contact).values(values).returning({ id: contact.id });
  return row!.id;
}

export async function updateContactRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof contact.$inferInsert>,
) {
  await db
    .update(contact)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(contact.organizationId, orgId), eq(contact.id, id)));
}

export async function setMemberships(db: Db, orgId: string, contactId: string, baseIds: string[]) {
  await db.delete(contactMembership).where(eq(contactMembership.contactId, contactId));
  if (baseIds.length)
    await db
      .insert(contactMembership)
      .values(baseIds.map((baseId) => ({ organizationId: orgId, baseId, contactId })));
}

// ---- consent and opt-outs

function presentConsent(r: typeof consent.$inferSelect): Consent {
  return {
    id: r.id,
    contactId: r.contactId,
    baseId: r.baseId,
    purpose: r.purpose,
    givenOn: r.givenOn,
    source: r.source,
    privacyNoticeVersion: r.privacyNoticeVersion,
    evidence: r.evidence,
    withdrawnOn: r.withdrawnOn,
    withdrawalSource: r.withdrawalSource,
    createdAt: isoOf(r.createdAt),
  };
}

export async function consentsOf(db: Db, orgId: string, contactId: string): Promise<Consent[]> {
  const rows = await db
    .select()
    .from(consent)
    .where(and(eq(consent.organizationId, orgId), eq(consent.contactId, contactId)))
    .orderBy(desc(consent.givenOn), desc(consent.createdAt));
  return rows.map(presentConsent);
}

export async function findConsent(db: Db, orgId: string, id: string): Promise<Consent | undefined> {
  const [row] = await db
    .select()
    .from(consent)
    .where(and(eq(consent.organizationId, orgId), eq(consent.id, id)));
  return row && presentConsent(row);
}

export async function insertConsent(db: Db, values: typeof consent.$inferInsert): Promise<Consent> {
  const [row] = await db.insert(consent).values(values).returning();
  return presentConsent(row!);
}

export async function withdrawConsentRow(db: Db, orgId: string, id: string, on: string, source: string) {
  const [row] = await db
    .update(consent)
    .set({ withdrawnOn: on, withdrawalSource: source, updatedAt: new Date() })
    .where(and(eq(consent.organizationId, orgId), eq(consent.id, id)))
    .returning();
  return presentConsent(row!);
}

export async function optOutsOf(db: Db, orgId: string, contactId: string) {
  const rows = await db
    .select()
    .from(optOut)
    .where(and(eq(optOut.organizationId, orgId), eq(optOut.contactId, contactId)))
    .orderBy(asc(optOut.channel));
  return rows.map((r) => ({ channel: r.channel, source: r.source, optedOutAt: isoOf(r.optedOutAt) }));
}

export async function addOptOut(
  db: Db,
  orgId: string,
  contactId: string,
  channel: Channel,
  source: (typeof optOut.$inferInsert)['source'],
) {
  await db.insert(optOut).values({ organizationId: orgId, contactId, channel, source }).onConflictDoNothing();
}

export async function removeOptOut(db: Db, orgId: string, contactId: string, channel: Channel) {
  await db
    .delete(optOut)
    .where(
      and(eq(optOut.organizationId, orgId), eq(optOut.contactId, contactId), eq(optOut.channel, channel)),
    );
}

// ---- ARCO requests

export type ArcoRow = typeof arcoRequest.$inferSelect & { contactName: string | null };

export async function arcoRows(
  db: Db,
  orgId: string,
  filter: { id?: string; contactId?: string; status?: string; open?: boolean },
): Promise<ArcoRow[]> {
  const f: SQL[] = [eq(arcoRequest.organizationId, orgId)];
  if (filter.id) f.push(eq(arcoRequest.id, filter.id));
  if (filter.contactId) f.push(eq(arcoRequest.contactId, filter.contactId));
  if (filter.status) f.push(eq(arcoRequest.status, filter.status as never));
  if (filter.open === true) f.push(inArray(arcoRequest.status, ['pending', 'extended']));
  if (filter.open === false) f.push(inArray(arcoRequest.status, ['granted', 'denied']));
  const rows = await db
    .select({ r: arcoRequest, contactName: contact.fullName })
    .from(arcoRequest)
    .leftJoin(contact, eq(contact.id, arcoRequest.contactId))
    .where(and(...f))
    .orderBy(desc(arcoRequest.year), desc(arcoRequest.number));
  return rows.map((x) => ({ ...x.r, contactName: x.contactName }));
}

export function presentArco(r: ArcoRow, businessDaysLeft: number | null): ArcoRequest {
  return {
    id: r.id,
    folio: `ARCO/${String(r.number).padStart(3, '0')}/${r.year}`,
    contactId: r.contactId,
    contactName: r.contactName,
    kind: r.kind,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    extendedOn: r.extendedOn,
    extensionReason: r.extensionReason,
    status: r.status,
    description: r.description,
    resolvedOn: r.resolvedOn,
    resolution: r.resolution,
    businessDaysLeft,
    createdAt: isoOf(r.createdAt),
  };
}

export async function insertArco(db: Db, values: typeof arcoRequest.$inferInsert) {
  const [row] = await db.insert(arcoRequest).values(values).returning({ id: arcoRequest.id });
  return row!.id;
}

export async function updateArcoRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof arcoRequest.$inferInsert>,
) {
  await db
    .update(arcoRequest)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(arcoRequest.organizationId, orgId), eq(arcoRequest.id, id)));
}

// ---- campaigns

const progressColumns = sql`
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id) as total,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'queued') as queued,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'sending') as sending,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'sent') as sent,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'failed') as failed,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'bounced') as bounced,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'skipped') as skipped,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.status = 'cancelled') as cancelled,
  (select count(*)::int from outreach_ledger l where l.campaign_id = outreach_campaign.id and l.opened_at is not null) as opened,
  (select count(*)::int from outreach_manual_contact x where x.campaign_id = outreach_campaign.id) as manual`;

export async function progressOf(db: Db, campaignId: string): Promise<Progress> {
  const rows = await rowsOf<Record<string, number | string>>(
    db,
    sql`select status, count(*)::int as n, count(opened_at)::int as opened from outreach_ledger where campaign_id = ${campaignId} group by status`,
  );
  const p: Progress = {
    total: 0,
    queued: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    bounced: 0,
    skipped: 0,
    cancelled: 0,
    opened: 0,
    manual: 0,
  };
  for (const r of rows) {
    const n = Number(r.n);
    p[r.status as keyof Progress] = n;
    p.total += n;
    p.opened += Number(r.opened);
  }
  const [m] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from outreach_manual_contact where campaign_id = ${campaignId}`,
  );
  p.manual = Number(m?.n ?? 0);
  return p;
}

const campaignColumns = {
  c: campaign,
  baseIds: sql<
    string[]
  >`coalesce((select array_agg(b.base_id order by b.base_id) from outreach_campaign_base b where b.campaign_id = outreach_campaign.id), '{}')`,
};

function presentCampaign(r: typeof campaign.$inferSelect, baseIds: string[], progress: Progress): Campaign {
  return {
    id: r.id,
    topic: r.topic,
    channels: r.channels,
    month: r.month,
    sentOn: r.sentOn,
    objectiveId: r.objectiveId,
    baseIds,
    segmentTags: r.segmentTags,
    subject: r.subject,
    textTemplate: r.textTemplate,
    htmlTemplate: r.htmlTemplate,
    fromLabel: r.fromLabel,
    scheduledAt: iso(r.scheduledAt),
    ratePerSecond: r.ratePerSecond,
    trackOpens: r.trackOpens,
    status: r.status,
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    progress,
    createdAt: isoOf(r.createdAt),
  };
}

export async function findCampaign(db: Db, orgId: string, id: string): Promise<Campaign | undefined> {
  const [row] = await db
    .select(campaignColumns)
    .from(campaign)
    .where(and(eq(campaign.organizationId, orgId), eq(campaign.id, id)));
  return row && presentCampaign(row.c, row.baseIds, await progressOf(db, id));
}

export async function findCampaignRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(campaign)
    .where(and(eq(campaign.organizationId, orgId), eq(campaign.id, id)));
  return row;
}

export async function listCampaigns(db: Db, orgId: string, q: CampaignListQuery) {
  const f: SQL[] = [eq(campaign.organizationId, orgId)];
  if (q.from) f.push(sql`${campaign.month} >= ${q.from}`);
  if (q.to) f.push(sql`${campaign.month} <= ${q.to}`);
  if (q.q) f.push(foldedContains(sql`${campaign.topic}`, q.q));
  const where = and(...f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...campaignColumns,
        progress: sql<Progress>`(select row_to_json(p) from (select ${progressColumns}) p)`,
      })
      .from(campaign)
      .where(where)
      .orderBy(
        desc(campaign.month),
        desc(sql`coalesce(${campaign.sentOn}, '1900-01-01')`),
        desc(campaign.createdAt),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(campaign).where(where),
  ]);
  return {
    items: rows.map((r) => {
      const { textTemplate: _t, htmlTemplate: _h, ...rest } = presentCampaign(r.c, r.baseIds, r.progress);
      return rest;
    }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function insertCampaign(db: Db, values: typeof campaign.$inferInsert) {
  const [row] = await db.insert(campaign).values(values).returning({ id: campaign.id });
  return row!.id;
}

export async function updateCampaignRow(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof campaign.$inferInsert>,
) {
  await db
    .update(campaign)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(campaign.organizationId, orgId), eq(campaign.id, id)));
}

export async function setCampaignBases(db: Db, orgId: string, campaignId: string, baseIds: string[]) {
  await db.delete(campaignBase).where(eq(campaignBase.campaignId, campaignId));
  if (baseIds.length)
    await db
      .insert(campaignBase)
      .values(baseIds.map((baseId) => ({ organizationId: orgId, campaignId, baseId })));
}

/** The objective exists in the organization's work program. */
export async function objectiveExists(db: Db, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programObjective.id })
    .from(programObjective)
    .where(and(eq(programObjective.organizationId, orgId), eq(programObjective.id, id)));
  return !!row;
}

/** "2.B" and the objective's title, for lists and the report. */
export async function objectiveLabels(db: Db, orgId: string) {
  const rows = await db
    .select({
      id: programObjective.id,
      key: programObjective.key,
      title: programObjective.title,
      line: programLine.number,
      year: workProgram.year,
    })
    .from(programObjective)
    .innerJoin(programLine, eq(programLine.id, programObjective.lineId))
    .innerJoin(workProgram, eq(workProgram.id, programLine.programId))
    .where(eq(programObjective.organizationId, orgId))
    .orderBy(desc(workProgram.year), asc(programLine.number), asc(programObjective.key));
  return rows.map((r) => ({ id: r.id, code: `${r.line}.${r.key}`, title: r.title, year: r.year }));
}

// ---- recipients and ledger

/**
 * SQL: contact `c` may receive campaign `campaignId` by e-mail: not erased, with an address not
 * flagged invalid by hard bounces, without an e-mail opt-out, with a consent not withdrawn that is general or for one of the
 * campaign's bases.
 */
export function emailEligible(campaignId: SQL | string): SQL {
  return sql`c.erased_at is null and c.email_key is not null and c.email_invalid_at is null
    and not exists (select 1 from outreach_opt_out o where o.contact_id = c.id and o.channel = 'email')
    and exists (select 1 from outreach_consent k where k.contact_id = c.id and k.withdrawn_on is null
      and (k.base_id is null or k.base_id in (select cb.base_id from outreach_campaign_base cb where cb.campaign_id = ${campaignId})))`;
}

/** SQL: contact `c` is in one of the campaign's bases and carries all its segment tags. */
function targeted(campaignId: string, tags: string[]): SQL {
  return sql`exists (select 1 from outreach_membership m join outreach_campaign_base cb on cb.base_id = m.base_id
      where m.contact_id = c.id and cb.campaign_id = ${campaignId})
    and c.tags @> string_to_array(${tags.join('\u001f')}, ${'\u001f'})`;
}

/** How many contacts the campaign would reach by e-mail now, and how many it targets. */
export async function audienceOf(db: Db, orgId: string, campaignId: string, tags: string[]) {
  const [row] = await rowsOf<{ targeted: number; eligible: number }>(
    db,
    sql`select count(*)::int as targeted, count(*) filter (where ${emailEligible(campaignId)})::int as eligible
      from outreach_contact c where c.organization_id = ${orgId} and ${targeted(campaignId, tags)}`,
  );
  return { targeted: Number(row?.targeted ?? 0), eligible: Number(row?.eligible ?? 0) };
}

/** Creates the campaign's ledger rows (one per eligible contact); returns how many. */
export async function createLedger(db: Db, orgId: string, campaignId: string, tags: string[]) {
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`insert into outreach_ledger (organization_id, campaign_id, contact_id, email, status)
      select ${orgId}, ${campaignId}, c.id, c.email, 'queued' from outreach_contact c
      where c.organization_id = ${orgId} and ${targeted(campaignId, tags)} and ${emailEligible(campaignId)}
      order by c.id
      on conflict (campaign_id, contact_id) do nothing
      returning id`,
  );
  return rows.length;
}

export async function ledgerPage(
  db: Db,
  orgId: string,
  campaignId: string,
  q: { status?: string; page: number; pageSize: number },
) {
  const f: SQL[] = [eq(ledger.organizationId, orgId), eq(ledger.campaignId, campaignId)];
  if (q.status) f.push(eq(ledger.status, q.status as never));
  const where = and(...f);
  const [rows, [total]] = await Promise.all([
    db
      .select({ l: ledger, contactName: contact.fullName })
      .from(ledger)
      .innerJoin(contact, eq(contact.id, ledger.contactId))
      .where(where)
      .orderBy(asc(ledger.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(ledger).where(where),
  ]);
  const items: LedgerRow[] = rows.map(({ l, contactName }) => ({
    id: l.id,
    contactId: l.contactId,
    contactName,
    email: l.email,
    status: l.status,
    attempts: l.attempts,
    sentAt: iso(l.sentAt),
    openedAt: iso(l.openedAt),
    lastError: l.lastError,
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function manualContactsOf(db: Db, orgId: string, campaignId: string): Promise<ManualContact[]> {
  const rows = await db
    .select({ m: manualContact, contactName: contact.fullName })
    .from(manualContact)
    .innerJoin(contact, eq(contact.id, manualContact.contactId))
    .where(and(eq(manualContact.organizationId, orgId), eq(manualContact.campaignId, campaignId)))
    .orderBy(desc(manualContact.contactedOn), desc(manualContact.createdAt));
  return rows.map(({ m, contactName }) => ({
    id: m.id,
    contactId: m.contactId,
    contactName,
    channel: m.channel,
    outcome: m.outcome,
    contactedOn: m.contactedOn,
    notes: m.notes,
    recordedBy: m.recordedBy,
  }));
}

/** A contact's campaigns: e-mails of the ledger and logged WhatsApp messages and calls. */
export async function historyOf(db: Db, orgId: string, contactId: string) {
  const mails = await db
    .select({
      campaignId: ledger.campaignId,
      topic: campaign.topic,
      status: ledger.status,
      at: ledger.sentAt,
    })
    .from(ledger)
    .innerJoin(campaign, eq(campaign.id, ledger.campaignId))
    .where(and(eq(ledger.organizationId, orgId), eq(ledger.contactId, contactId)));
  const manual = await db
    .select({
      campaignId: manualContact.campaignId,
      topic: campaign.topic,
      channel: manualContact.channel,
      status: manualContact.outcome,
      at: manualContact.contactedOn,
    })
    .from(manualContact)
    .innerJoin(campaign, eq(campaign.id, manualContact.campaignId))
    .where(and(eq(manualContact.organizationId, orgId), eq(manualContact.contactId, contactId)));
  return [
    ...mails.map((m) => ({ ...m, channel: 'email' as Channel, at: iso(m.at) })),
    ...manual.map((m) => ({ ...m, at: m.at })),
  ];
}

export async function organizationName(db: Db, orgId: string): Promise<string> {
  const [row] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, orgId));
  return row?.name ?? '';
}

/** Locks the campaign row (pause, resume and cancel serialize with each other and with the start). */
export async function lockCampaignRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(campaign)
    .where(and(eq(campaign.organizationId, orgId), eq(campaign.id, id)))
    .for('update');
  return row;
}

/**
 * Cancels the ledger rows no sender holds: queued ones, and claims whose lease ran out (their
 * sender died). Rows a live sender holds are cancelled by that sender when it sees the campaign
 * cancelled (within its status poll); a message already handed to SMTP is committed as sent.
 */
export async function cancelOpenLedgerRows(db: Db, orgId: string, campaignId: string): Promise<number> {
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`update outreach_ledger set status = 'cancelled', lease_until = null
      where organization_id = ${orgId} and campaign_id = ${campaignId}
        and (status = 'queued' or (status = 'sending' and (lease_until is null or lease_until < now())))
      returning id`,
  );
  return rows.length;
}
