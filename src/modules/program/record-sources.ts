import { sql } from 'drizzle-orm';
import type { LocalDate } from '../../shared/dates';
import type { Db } from '../platform/db/client';

/**
 * Records kept by other modules that count as a line's or objective's activity (and can feed a
 * target's progress): an objective names them in `recordSources`. The program module reads them
 * with plain SQL (counts only); a module added later registers its own (registerRecordSource),
 * e.g. the outreach module's campaigns linked to an objective.
 */
export type RecordSource = {
  code: string;
  /** Spanish label for the UI. */
  label: string;
  /**
   * Counted for every objective (the source filters by the objective itself, e.g. campaigns linked
   * to an objective) rather than only where an objective names it.
   */
  automatic?: boolean;
  /** Records of the organization within [from, to]; objectiveId is the objective asking. */
  count(
    db: Db,
    orgId: string,
    period: { from: LocalDate; to: LocalDate },
    objectiveId: string | null,
  ): Promise<number>;
};

async function countOf(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute(query);
  return Number((result as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
}

const builtIn: RecordSource[] = [
  {
    code: 'channel.folios',
    label: 'Folios del canal INE–OPLE recibidos o enviados',
    count: (db, org, p) =>
      countOf(
        db,
        sql`select ((select count(*) from channel_folio where local_org_id = ${org} and received_on between ${p.from}::date and ${p.to}::date)
          + (select count(*) from channel_communication where origin_org_id = ${org} and sent_on between ${p.from}::date and ${p.to}::date))::int as n`,
      ),
  },
  {
    code: 'governance.mandate_updates',
    label: 'Actualizaciones del seguimiento de acuerdos (SSSCG)',
    count: (db, org, p) =>
      countOf(
        db,
        sql`select count(*)::int as n from mandate_update where organization_id = ${org} and occurred_on between ${p.from}::date and ${p.to}::date`,
      ),
  },
  {
    code: 'agreements.signed_instruments',
    label: 'Instrumentos jurídicos suscritos',
    count: (db, org, p) =>
      countOf(
        db,
        sql`select count(*)::int as n from instrument where organization_id = ${org} and signed_on between ${p.from}::date and ${p.to}::date`,
      ),
  },
  {
    code: 'agreements.accompaniments',
    label: 'Acompañamientos en la negociación de convenios',
    count: (db, org, p) =>
      countOf(
        db,
        sql`select count(*)::int as n from accompaniment_activity where organization_id = ${org} and occurred_on between ${p.from}::date and ${p.to}::date`,
      ),
  },
  {
    code: 'agreements.opinions',
    label: 'Opiniones de pertinencia emitidas',
    count: (db, org, p) =>
      countOf(
        db,
        sql`select count(*)::int as n from opinion where organization_id = ${org} and status = 'issued' and issued_on between ${p.from}::date and ${p.to}::date`,
      ),
  },
  {
    // The outreach module's campaigns (e-mail, WhatsApp, phone) linked to the objective asking.
    code: 'outreach.campaigns',
    label: 'Campañas de difusión vinculadas al objetivo',
    automatic: true,
    count: (db, org, p, objectiveId) =>
      objectiveId
        ? countOf(
            db,
            sql`select count(*)::int as n from outreach_campaign where organization_id = ${org}
              and objective_id = ${objectiveId} and status in ('sending', 'sent', 'recorded')
              and coalesce(sent_on, (month || '-01')::date) between ${p.from}::date and ${p.to}::date`,
          )
        : Promise.resolve(0),
  },
];

const registry = new Map<string, RecordSource>(builtIn.map((s) => [s.code, s]));

/** Adds (or replaces) a record source; modules call it when they are loaded. */
export function registerRecordSource(source: RecordSource): void {
  registry.set(source.code, source);
}

export function recordSource(code: string): RecordSource | undefined {
  return registry.get(code);
}

/** Sources counted for every objective without being named (see RecordSource.automatic). */
export function automaticRecordSources(): RecordSource[] {
  return [...registry.values()].filter((s) => s.automatic);
}

export function recordSources(): { code: string; label: string }[] {
  return [...registry.values()].map(({ code, label }) => ({ code, label }));
}
