import { and, eq, gt } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { addDays, todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { addAgendaItem } from './add-agenda-item';
import { AgendaItemInputSchema, SessionInputSchema } from './contract';
import { findBodyByAcronym } from './repository';
import { createSession } from './save-session';
import { bodySession } from './schema';

// The governance part of the demo's live layer, relative to the day it runs: the CVOE's next
// ordinary session, convened today for Thursday of next week, with its agenda. The inputs go
// through the same schemas as a person's (SessionInputSchema, AgendaItemInputSchema).

const AGENDA = [
  'Lista de asistencia y verificación del quórum.',
  'Aprobación del orden del día.',
  'Aprobación del proyecto de minuta de la sesión anterior.',
  'Presentación del informe de avance del programa de trabajo del trimestre.',
  'Presentación del seguimiento de los folios del SIVOPLE turnados a las áreas.',
  'Asuntos generales.',
];

/** Thursday of the week after `today`'s (weeks start on Monday). */
export function thursdayOfNextWeek(today: LocalDate): LocalDate {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(today, 7 - weekday + 3);
}

export async function seedGovernanceLiveDemo(
  db: Db,
  actor: ScopedAuditActor,
  today: LocalDate = todayInMexicoCity(),
): Promise<{ sessions: number }> {
  const cvoe = await findBodyByAcronym(db, actor.organizationId, 'CVOE');
  if (!cvoe || today <= '2024-12-31') return { sessions: 0 };
  const [later] = await db
    .select({ id: bodySession.id })
    .from(bodySession)
    .where(
      and(
        eq(bodySession.organizationId, actor.organizationId),
        eq(bodySession.bodyId, cvoe.id),
        gt(bodySession.heldOn, '2024-12-31'),
      ),
    )
    .limit(1);
  if (later) return { sessions: 0 };
  const session = await createSession(
    db,
    actor,
    cvoe.id,
    SessionInputSchema.parse({
      kind: 'ordinaria',
      heldOn: thursdayOfNextWeek(today),
      startTime: '11:00',
      endTime: '13:00',
      modality: 'hibrida',
      convokedOn: today,
      place: 'Sala de sesiones del Consejo General y plataforma de videoconferencia',
    }),
  );
  for (const title of AGENDA)
    await addAgendaItem(db, actor, session.id, AgendaItemInputSchema.parse({ title }));
  return { sessions: 1 };
}
