import { and, eq, sql } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { recordAudits } from '../platform/audit/record-audit';
import { newAuditSalt } from './audit-payloads';
import { OBSERVER_NETWORK_TOPICS, VOTO_CHILANGO_MAILINGS } from './demo-data';
import { campaign, consent, contact, contactBase, contactMembership, optOut } from './schema';
import { keysOf } from './rules';
import { objectiveLabels } from './repository';

// Demo data of outreach: three contact bases with a small synthetic set of people (invented
// names, example.org addresses), and the reference report's 35 observer-network topics and 12
// Voto Chilango mailings as recorded campaigns linked to objectives 2.B and 3.B of the 2024
// program. Idempotent: what exists is not added again.

const BASES = [
  {
    name: 'Red de Observación del IECM',
    kind: 'observer_network',
    description: 'Personas y organizaciones integrantes de la Red de Observación',
  },
  {
    name: 'Voto Chilango',
    kind: 'citizens_abroad',
    description: 'Ciudadanía de la Ciudad de México residente en el extranjero (votochilango@iecm.mx)',
  },
  {
    name: 'Personal del IECM',
    kind: 'staff',
    description: 'Personal del Instituto que recibe el boletín interno',
  },
] as const;

type DemoContact = {
  fullName: string;
  kind?: 'person' | 'organization';
  email?: string;
  phone?: string;
  country?: string;
  city?: string;
  affiliation?: string;
  tags?: string[];
  base: (typeof BASES)[number]['name'];
  consent?: string;
  optOut?: ('email' | 'whatsapp' | 'phone')[];
};

const CONTACTS: DemoContact[] = [
  {
    fullName: 'Ximena Ortiz Ruiz',
    email: 'ximena.ortiz@example.org',
    phone: '55 1000 0001',
    city: 'Coyoacán',
    base: 'Red de Observación del IECM',
    consent: '2023-11-14',
    tags: ['observación'],
  },
  {
    fullName: 'Tomás Aguilar Ortega',
    email: 'tomas.aguilar@example.org',
    phone: '55 1000 0002',
    city: 'Iztapalapa',
    base: 'Red de Observación del IECM',
    consent: '2023-11-20',
  },
  {
    fullName: 'Observatorio Ciudadano Electoral A. C.',
    kind: 'organization',
    email: 'contacto@observatorio.example.org',
    phone: '55 1000 0003',
    base: 'Red de Observación del IECM',
    consent: '2023-10-02',
    tags: ['OSC'],
  },
  {
    fullName: 'Lucía Navarro Méndez',
    email: 'lucia.navarro@example.org',
    base: 'Red de Observación del IECM',
    consent: '2023-12-01',
    optOut: ['phone'],
  },
  {
    fullName: 'Andrés Salgado Pineda',
    email: 'andres.salgado@example.org',
    base: 'Red de Observación del IECM',
  },
  {
    fullName: 'Marisol Cárdenas Vega',
    email: 'marisol.cardenas@example.org',
    phone: '+1 213 555 0101',
    country: 'US',
    city: 'Los Ángeles',
    base: 'Voto Chilango',
    consent: '2023-09-15',
    tags: ['Los Ángeles'],
  },
  {
    fullName: 'Rodrigo Ibarra Luna',
    email: 'rodrigo.ibarra@example.org',
    phone: '+1 312 555 0102',
    country: 'US',
    city: 'Chicago',
    base: 'Voto Chilango',
    consent: '2023-09-20',
    tags: ['Chicago'],
  },
  {
    fullName: 'Club de Migrantes Capitalinos en Las Vegas',
    kind: 'organization',
    email: 'club@migrantes.example.org',
    country: 'US',
    city: 'Las Vegas',
    base: 'Voto Chilango',
    consent: '2023-08-30',
  },
  {
    fullName: 'Paola Herrera Soto',
    email: 'paola.herrera@example.org',
    country: 'ES',
    city: 'Madrid',
    base: 'Voto Chilango',
    consent: '2023-10-11',
    optOut: ['email'],
  },
  {
    fullName: 'Mariana Robles Durán',
    email: 'mariana.robles@example.org',
    base: 'Personal del IECM',
    consent: '2024-01-08',
  },
];

const PRIVACY_NOTICE = 'Aviso de privacidad integral 2023-v2';
const PROGRAM_YEAR = 2024;

export async function seedOutreachDemo(
  db: Db,
  actor: ScopedAuditActor,
): Promise<{ contacts: number; campaigns: number }> {
  const orgId = actor.organizationId;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const baseIds = new Map<string, string>();
    for (const b of BASES) {
      const [found] = await tx
        .select({ id: contactBase.id })
        .from(contactBase)
        .where(and(eq(contactBase.organizationId, orgId), eq(contactBase.name, b.name)));
      const id =
        found?.id ??
        (
          await tx
            .insert(contactBase)
            .values({ ...b, organizationId: orgId })
            .returning({ id: contactBase.id })
        )[0]!.id;
      baseIds.set(b.name, id);
    }
    const events = [];
    let contacts = 0;
    for (const c of CONTACTS) {
      const keys = keysOf(c);
      const [exists] = await tx
        .select({ id: contact.id })
        .from(contact)
        .where(and(eq(contact.organizationId, orgId), eq(contact.emailKey, keys.email!)));
      if (exists) continue;
      const [row] = await tx
        .insert(contact)
        .values({
          organizationId: orgId,
          kind: c.kind ?? 'person',
          fullName: c.fullName,
          email: c.email ?? null,
          phone: c.phone ?? null,
          country: c.country ?? 'MX',
          city: c.city ?? null,
          affiliation: c.affiliation ?? null,
          tags: c.tags ?? [],
          nameKey: keys.name,
          emailKey: keys.email,
          phoneKey: keys.phone,
          auditSalt: newAuditSalt(),
        })
        .returning({ id: contact.id });
      const id = row!.id;
      contacts++;
      await tx
        .insert(contactMembership)
        .values({ organizationId: orgId, baseId: baseIds.get(c.base)!, contactId: id });
      if (c.consent)
        await tx.insert(consent).values({
          organizationId: orgId,
          contactId: id,
          purpose: 'Difusión de actividades institucionales y de participación ciudadana',
          givenOn: c.consent,
          source: 'Formulario de registro en línea',
          privacyNoticeVersion: PRIVACY_NOTICE,
          evidence: 'Registro del formulario en línea (demostración)',
        });
      for (const channel of c.optOut ?? [])
        await tx.insert(optOut).values({ organizationId: orgId, contactId: id, channel, source: 'staff' });
      events.push({
        action: 'outreach.contact.import',
        entityType: 'outreach_contact',
        entityId: id,
        after: { id, demo: true },
      });
    }

    const objectives = (await objectiveLabels(tx, orgId)).filter((o) => o.year === PROGRAM_YEAR);
    const objective = (code: string) => objectives.find((o) => o.code === code)?.id ?? null;
    const existing = new Set(
      (
        await tx
          .select({ topic: campaign.topic, month: campaign.month, sentOn: campaign.sentOn })
          .from(campaign)
          .where(and(eq(campaign.organizationId, orgId), eq(campaign.status, 'recorded')))
      ).map((r) => `${r.month}|${r.sentOn ?? ''}|${r.topic}`),
    );
    // The report lists them in order within each month: creation times keep that order.
    const t0 = Date.parse('2024-04-01T12:00:00Z');
    let n = 0;
    let campaigns = 0;
    const add = async (values: Omit<typeof campaign.$inferInsert, 'organizationId' | 'status'>) => {
      n++;
      if (existing.has(`${values.month}|${values.sentOn ?? ''}|${values.topic}`)) {
        // Linked later if the program appeared after the first run.
        if (values.objectiveId)
          await tx.execute(sql`update outreach_campaign set objective_id = ${values.objectiveId}
            where organization_id = ${orgId} and status = 'recorded' and objective_id is null
              and topic = ${values.topic} and month = ${values.month}`);
        return;
      }
      const [row] = await tx
        .insert(campaign)
        .values({ ...values, organizationId: orgId, status: 'recorded', createdAt: new Date(t0 + n * 1000) })
        .returning({ id: campaign.id });
      campaigns++;
      events.push({
        action: 'outreach.campaign.create',
        entityType: 'outreach_campaign',
        entityId: row!.id,
        after: { ...values, demo: true },
      });
    };
    for (const item of OBSERVER_NETWORK_TOPICS)
      await add({
        topic: item.topic,
        month: item.month,
        channels: ['email', 'whatsapp', 'phone'],
        objectiveId: objective('2.B'),
      });
    for (const item of VOTO_CHILANGO_MAILINGS)
      await add({
        topic: item.topic,
        month: item.date.slice(0, 7),
        sentOn: item.date,
        channels: ['email'],
        subject: item.topic,
        fromLabel: 'Voto Chilango',
        objectiveId: objective('3.B'),
      });
    await recordAudits(tx, actor, events);
    return { contacts, campaigns };
  });
}
