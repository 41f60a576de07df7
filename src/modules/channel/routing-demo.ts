import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { actorByEmail } from '../accounts';
import { area } from '../directory/schema';
import type { Db } from '../platform/db/client';
import type { LocalDate } from '../../shared/dates';
import { channelCommunication, channelFolio, channelRouting } from './schema';

// Demo routing of the IECM: answered slips of January–March 2024 on folios the IECM answered
// (statuses and events of the folios are not touched, so every SIVOPLE figure stays). The open
// slips of area@iecm.demo's queue are on the live layer's folios of this week (live-demo.ts), so
// that no internal term falls after its folio's due date.

const ANSWERED_BY_AREA: { area: string; answer: string }[] = [
  {
    area: 'Dirección Ejecutiva de Organización Electoral y Geoestadística',
    answer: 'Se remite la información de la integración de los órganos desconcentrados.',
  },
  { area: 'Unidad Técnica de Asuntos Jurídicos', answer: 'Se emite la opinión jurídica solicitada.' },
  {
    area: 'Dirección Ejecutiva de Participación Ciudadana y Capacitación',
    answer: 'Se envía el avance de la capacitación electoral.',
  },
  { area: 'Secretaría Administrativa', answer: 'Se remite el informe presupuestal del periodo.' },
  {
    area: 'Unidad Técnica de Comunicación Social y Difusión',
    answer: 'Se adjunta el reporte de difusión en medios.',
  },
  { area: 'Unidad Técnica de Servicios Informáticos', answer: 'Se informa el estado de los sistemas.' },
];

/** Noon in Mexico City (UTC−6) of a day, plus `hours`. */
const at = (day: LocalDate, hours = 0) =>
  new Date(`${day}T${String(12 + hours).padStart(2, '0')}:00:00-06:00`);

export async function seedChannelRoutingDemo(db: Db, emails: { local: string }) {
  const iecm = await actorByEmail(db, emails.local);
  if (!iecm) throw new Error('the routing demo needs the IECM liaison user');
  const org = iecm.organizationId;
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(channelRouting)
    .where(eq(channelRouting.organizationId, org));
  if ((existing?.n ?? 0) > 0) return { routed: 0 };

  const areas = new Map(
    (
      await db
        .select({ id: area.id, name: area.name })
        .from(area)
        .where(
          and(eq(area.organizationId, org), inArray(area.name, [...ANSWERED_BY_AREA.map((a) => a.area)])),
        )
    ).map((a) => [a.name, a.id]),
  );
  const utaj = areas.get('Unidad Técnica de Asuntos Jurídicos');
  if (!utaj) return { routed: 0 };

  // Folios "para su atención" the IECM answered: their slips were answered before the folio.
  const answered = await db
    .select({
      id: channelFolio.id,
      receivedOn: channelFolio.receivedOn,
      dueOn: channelFolio.dueOn,
      answeredOn: sql<string>`(select min(e.occurred_on)::text from channel_folio_event e
        where e.folio_id = ${channelFolio.id} and e.event = 'local_answers')`,
    })
    .from(channelFolio)
    .innerJoin(channelCommunication, eq(channelCommunication.id, channelFolio.communicationId))
    .where(
      and(
        eq(channelFolio.localOrgId, org),
        eq(channelFolio.module, 'follow_up'),
        eq(channelCommunication.nature, 'for_attention'),
        sql`${channelFolio.receivedOn} <= '2024-03-31'`,
      ),
    )
    .orderBy(asc(channelFolio.year), asc(channelFolio.number))
    .limit(40);
  let routed = 0;
  for (const [i, f] of answered.filter((x) => x.answeredOn && x.answeredOn > x.receivedOn).entries()) {
    if (i >= 18) break;
    const who = ANSWERED_BY_AREA[i % ANSWERED_BY_AREA.length]!;
    const areaId = areas.get(who.area);
    if (!areaId) continue;
    const answeredAt = at(f.answeredOn, -2);
    await db.insert(channelRouting).values({
      folioId: f.id,
      organizationId: org,
      areaId,
      role: 'responsible',
      instructions: 'Atender y remitir la información a la DVOE.',
      // The area's term never passes the folio's own due date (the routing form's rule).
      internalDueOn: f.dueOn && f.dueOn < f.answeredOn ? f.dueOn : f.answeredOn,
      state: 'answered',
      assignedBy: iecm.userId,
      assignedAt: at(f.receivedOn, -1),
      answerText: who.answer,
      closedAt: answeredAt,
    });
    routed++;
  }

  return { routed };
}
