import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { actorByEmail } from '../accounts';
import { area } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { workCalendarOf } from '../platform/calendar/repository';
import { routeFolio } from './route-folio';
import { businessDaysBefore } from './routing-state';
import { channelCommunication, channelFolio, channelRouting } from './schema';

// Demo routing of the IECM: answered slips of January–March 2024 on folios the IECM answered
// (statuses and events of the folios are not touched, so every SIVOPLE figure stays), and open
// slips to the Unidad Técnica de Asuntos Jurídicos so that area@iecm.demo has a queue.

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
      internalDueOn: f.answeredOn,
      state: 'answered',
      assignedBy: iecm.userId,
      assignedAt: at(f.receivedOn, -1),
      answerText: who.answer,
      closedAt: answeredAt,
    });
    routed++;
  }

  // Open slips to the UTAJ on folios still in process, due around today.
  const open = await db
    .select({ id: channelFolio.id })
    .from(channelFolio)
    .where(
      and(
        eq(channelFolio.localOrgId, org),
        eq(channelFolio.module, 'follow_up'),
        eq(channelFolio.status, 'in_process_national'),
        sql`${channelFolio.number} not in (24, 30) and ${channelFolio.year} = 2024`,
        sql`not exists (select 1 from channel_routing r where r.folio_id = ${channelFolio.id})`,
      ),
    )
    .orderBy(asc(channelFolio.number))
    .limit(4);
  const calendar = await workCalendarOf(db, org);
  const today = todayInMexicoCity();
  const plans = [
    { days: 1, informed: [areas.get('Secretaría Administrativa')] },
    { days: 3, informed: [] },
    { days: 10, informed: [] },
  ];
  for (const [i, plan] of plans.entries()) {
    const folio = open[i];
    if (!folio) break;
    await routeFolio(db, iecm, folio.id, {
      responsibleAreaId: utaj,
      informedAreaIds: plan.informed.filter((x): x is string => Boolean(x)),
      instructions: 'Revisar el alcance jurídico de la solicitud y proponer la respuesta.',
      internalDueOn: null,
      internalDueBusinessDays: plan.days,
    });
    routed++;
  }
  // One slip already past its internal due date.
  if (open[3]) {
    const due = businessDaysBefore(calendar, today, 1);
    const assigned = businessDaysBefore(calendar, due, 5);
    await db.insert(channelRouting).values({
      folioId: open[3].id,
      organizationId: org,
      areaId: utaj,
      role: 'responsible',
      instructions: 'Emitir opinión sobre el proyecto de lineamientos.',
      internalDueOn: due,
      state: 'assigned',
      assignedBy: iecm.userId,
      assignedAt: at(assigned),
    });
    routed++;
  }
  return { routed };
}
