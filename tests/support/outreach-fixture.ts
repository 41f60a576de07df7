import { sql } from 'drizzle-orm';
import type { Db } from '../../src/modules/platform/db/client';
import { createLedger } from '../../src/modules/outreach/repository';

/**
 * A campaign ready to send to `recipients` consenting contacts of one base (created with SQL in
 * bulk: the benchmark uses 100,000), with its ledger created as startCampaign does. Returns the
 * campaign's id.
 */
export async function seedSendingCampaign(
  db: Db,
  options: { recipients: number; ratePerSecond?: number; label?: string },
): Promise<{ campaignId: string; organizationId: string }> {
  const label = options.label ?? 'OPLS';
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const rows = async <T>(q: ReturnType<typeof sql>) => (await t.execute(q)) as unknown as { rows: T[] };
    const org = (
      await rows<{ id: string }>(
        sql`insert into organization (name, acronym, kind) values (${`Organismo ${label}`}, ${label}, 'local_body') returning id`,
      )
    ).rows[0]!.id;
    const base = (
      await rows<{ id: string }>(
        sql`insert into outreach_base (organization_id, name, kind) values (${org}, 'Red de Observación', 'observer_network') returning id`,
      )
    ).rows[0]!.id;
    await t.execute(sql`insert into outreach_contact (organization_id, kind, full_name, name_key, email, email_key, audit_salt)
      select ${org}, 'person', 'Persona ' || n, 'persona ' || n, 'persona' || n || '@ejemplo.test', 'persona' || n || '@ejemplo.test', md5(n::text)
      from generate_series(1, ${options.recipients}) n`);
    await t.execute(sql`insert into outreach_membership (organization_id, base_id, contact_id)
      select ${org}, ${base}, id from outreach_contact where organization_id = ${org}`);
    await t.execute(sql`insert into outreach_consent (organization_id, contact_id, purpose, given_on, source, privacy_notice_version)
      select ${org}, id, 'Difusión', '2024-01-02', 'Registro', 'AP-1' from outreach_contact where organization_id = ${org}`);
    const campaignId = (
      await rows<{ id: string }>(
        sql`insert into outreach_campaign (organization_id, topic, channels, month, subject, text_template, html_template, rate_per_second, status, started_at)
          values (${org}, 'Invitación a la Red de Observación', '{email}', '2024-03', 'Invitación para {{nombre}}',
            'Hola {{nombre}}: le invitamos a formar parte de la Red de Observación del IECM. {{enlace_baja}}',
            '<p>Hola {{nombre}}:</p><p>Le invitamos a formar parte de la <b>Red de Observación</b>.</p><p><a href="{{enlace_baja}}">Darse de baja</a></p>',
            ${options.ratePerSecond ?? 10_000}, 'sending', now())
          returning id`,
      )
    ).rows[0]!.id;
    await t.execute(
      sql`insert into outreach_campaign_base (organization_id, campaign_id, base_id) values (${org}, ${campaignId}, ${base})`,
    );
    await createLedger(t, org, campaignId, []);
    return { campaignId, organizationId: org };
  });
}
