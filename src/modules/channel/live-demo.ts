import { and, eq, gt, inArray } from 'drizzle-orm';
import { actorByEmail } from '../accounts';
import { area } from '../directory/schema';
import { isBusinessDay, subtractBusinessDays } from '../platform/calendar/business-days';
import { workCalendarOf } from '../platform/calendar/repository';
import type { Db } from '../platform/db/client';
import { todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { changeFolioStatus } from './change-folio-status';
import { routeFolio } from './route-folio';
import { channelFolio, channelRouting } from './schema';
import { sendCommunication } from './send-communication';

// The channel's live layer of the demo, written relative to the day it runs (the reference quarter,
// January–March 2024, is left as it is): oficios the INE sent this week, due in the coming days,
// open in the IECM's areas, one area already late with its internal term, one answered and waiting
// on the INE, and a consultation of the IECM in process. Every record goes through the channel's
// use cases (routeFolio refuses an internal term past the folio's due date) except the late slip,
// which was assigned days ago and is written with that day.

const UTAJ = 'Unidad Técnica de Asuntos Jurídicos';
const DEOEYG = 'Dirección Ejecutiva de Organización Electoral y Geoestadística';
const ADMIN = 'Secretaría Administrativa';

type LiveFolio = {
  /** Business days before today it arrived (0: today, or the last business day). */
  ago: number;
  subject: string;
  body: string;
  dueBusinessDays: number;
  route?: { responsible: string; informed?: string[]; instructions: string; days: number };
  answered?: string;
};

const LIVE_FOLIOS: LiveFolio[] = [
  {
    ago: 3,
    subject: 'Solicitud de opinión jurídica sobre el proyecto de lineamientos para el voto anticipado',
    body: 'Se solicita remitir la opinión del Instituto a más tardar en el plazo señalado.',
    dueBusinessDays: 10,
    // Routed on arrival with two days: the UTAJ's slip is now past its internal term (written below).
  },
  {
    ago: 3,
    subject: 'Requerimiento de información sobre las sedes de los consejos distritales',
    body: 'Remitir domicilio, horario y persona responsable de cada sede.',
    dueBusinessDays: 5,
    route: {
      responsible: UTAJ,
      informed: [ADMIN],
      instructions: 'Revisar los contratos de arrendamiento vigentes y proponer la respuesta.',
      days: 1,
    },
  },
  {
    ago: 2,
    subject: 'Calendario de coordinación para la revisión de la cartografía electoral',
    body: 'Se solicita confirmar las fechas propuestas para las mesas de trabajo.',
    dueBusinessDays: 5,
    route: {
      responsible: DEOEYG,
      instructions: 'Confirmar las fechas y designar a la persona enlace para las mesas.',
      days: 2,
    },
  },
  {
    ago: 1,
    subject: 'Consulta sobre el alcance del convenio de apoyo y colaboración en materia de casillas',
    body: 'Se solicita precisar las obligaciones del Instituto en la ubicación de casillas.',
    dueBusinessDays: 5,
    route: {
      responsible: UTAJ,
      instructions: 'Analizar el convenio vigente y proponer el texto de la respuesta.',
      days: 3,
    },
  },
  {
    ago: 0,
    subject: 'Solicitud de la relación de convenios vigentes con instituciones académicas',
    body: 'Remitir la relación con fecha de firma y vigencia de cada instrumento.',
    dueBusinessDays: 15,
    route: {
      responsible: UTAJ,
      instructions: 'Integrar la relación a partir del registro de convenios.',
      days: 10,
    },
  },
  {
    ago: 0,
    subject: 'Invitación a la reunión regional de organismos públicos locales electorales',
    body: 'Confirmar la asistencia de las personas designadas.',
    dueBusinessDays: 5,
  },
  {
    ago: 2,
    subject: 'Solicitud del informe de avance de las actividades de educación cívica',
    body: 'Remitir el informe con corte al último día del mes anterior.',
    dueBusinessDays: 5,
    answered: 'Se remite el informe de avance con corte al mes anterior.',
  },
];

/** The live layer exists once the IECM has a folio received after the reference year. */
async function hasLiveFolios(db: Db, orgId: string) {
  const [row] = await db
    .select({ id: channelFolio.id })
    .from(channelFolio)
    .where(and(eq(channelFolio.localOrgId, orgId), gt(channelFolio.receivedOn, '2024-12-31')))
    .limit(1);
  return Boolean(row);
}

/** Noon in Mexico City (UTC−6) of a day. */
const noon = (day: LocalDate) => new Date(`${day}T12:00:00-06:00`);

export async function seedChannelLiveDemo(
  db: Db,
  emails: { national: string; local: string },
  today: LocalDate = todayInMexicoCity(),
): Promise<{ folios: number; routings: number }> {
  const ine = await actorByEmail(db, emails.national);
  const iecm = await actorByEmail(db, emails.local);
  if (!ine || !iecm) throw new Error('the live channel demo needs the INE and IECM liaison users');
  const org = iecm.organizationId;
  // The live layer is for a later day than the reference quarter.
  if (today <= '2024-12-31' || (await hasLiveFolios(db, org))) return { folios: 0, routings: 0 };

  const areas = new Map(
    (
      await db
        .select({ id: area.id, name: area.name })
        .from(area)
        .where(and(eq(area.organizationId, org), inArray(area.name, [UTAJ, DEOEYG, ADMIN])))
    ).map((a) => [a.name, a.id]),
  );
  const calendar = await workCalendarOf(db, org);
  const lastBusinessDay = isBusinessDay(calendar, today) ? today : subtractBusinessDays(calendar, today, 1);
  const dayOf = (ago: number) =>
    ago === 0 ? lastBusinessDay : subtractBusinessDays(calendar, lastBusinessDay, ago);

  let folios = 0;
  let routings = 0;
  for (const [i, f] of LIVE_FOLIOS.entries()) {
    const receivedOn = dayOf(f.ago);
    const sent = await sendCommunication(db, ine, {
      module: 'follow_up',
      documentType: 'oficio',
      nature: 'for_attention',
      subject: f.subject,
      body: f.body,
      sentOn: receivedOn,
      recipientOrgIds: [org],
      toAll: false,
      dueRule: { kind: 'business_days', days: f.dueBusinessDays },
    });
    const folioId = sent.folioIds[0]!;
    folios++;
    if (f.answered) {
      await changeFolioStatus(db, iecm, folioId, {
        event: 'local_answers',
        on: dayOf(Math.max(0, f.ago - 1)),
        text: f.answered,
      });
    }
    if (f.route) {
      const responsibleAreaId = areas.get(f.route.responsible);
      if (!responsibleAreaId) continue;
      const { routingIds } = await routeFolio(db, iecm, folioId, {
        responsibleAreaId,
        informedAreaIds: (f.route.informed ?? []).map((n) => areas.get(n)).filter((x): x is string => !!x),
        instructions: f.route.instructions,
        internalDueOn: null,
        internalDueBusinessDays: f.route.days,
      });
      routings += routingIds.length;
    }
    if (i === 0 && areas.get(UTAJ)) {
      // Assigned the day it arrived with two business days, so now late (the folio is not).
      const assignedOn = receivedOn;
      const due = subtractBusinessDays(calendar, lastBusinessDay, 1);
      await db.insert(channelRouting).values({
        folioId,
        organizationId: org,
        areaId: areas.get(UTAJ)!,
        role: 'responsible',
        instructions: 'Emitir opinión sobre el proyecto de lineamientos.',
        internalDueOn: due,
        state: 'assigned',
        assignedBy: iecm.userId,
        assignedAt: noon(assignedOn),
      });
      routings++;
    }
  }

  // A consultation of the IECM, sent yesterday, in process with the INE.
  await sendCommunication(db, iecm, {
    module: 'consultation',
    documentType: 'consulta',
    nature: 'for_attention',
    subject:
      'Consulta sobre la integración de las listas nominales para la consulta de presupuesto participativo',
    body: '',
    sentOn: dayOf(1),
    recipientOrgIds: [],
    toAll: false,
    dueRule: null,
  });
  folios++;
  return { folios, routings };
}
