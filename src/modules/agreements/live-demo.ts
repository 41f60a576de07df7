import { and, eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import { area, institution } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { addDays, todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { InstrumentInputSchema } from './contract';
import { createInstrument } from './create-instrument';
import * as repo from './repository';
import { instrument } from './schema';

// The agreements part of the demo's live layer, relative to the day it runs: a collaboration
// agreement with the UNAM signed two years ago whose term ends in 45 days, so the register's expiry
// alerts and the home page's "por vencer" have something to show. Validated as a person's input is.

const SUBJECT = 'entre el IECM y la Universidad Nacional Autónoma de México en materia de educación cívica';

export async function seedAgreementsLiveDemo(
  db: Db,
  actor: ScopedAuditActor,
  today: LocalDate = todayInMexicoCity(),
): Promise<{ instruments: number }> {
  const orgId = actor.organizationId;
  if (today <= '2024-12-31') return { instruments: 0 };
  const [exists] = await db
    .select({ id: instrument.id })
    .from(instrument)
    .where(and(eq(instrument.organizationId, orgId), eq(instrument.subject, SUBJECT)))
    .limit(1);
  if (exists) return { instruments: 0 };
  const type = await repo.findTypeByName(db, orgId, 'Convenio de Colaboración');
  const [unam] = await db
    .select({ id: institution.id })
    .from(institution)
    .where(and(eq(institution.organizationId, orgId), eq(institution.acronym, 'UNAM')));
  const [deecycc] = await db
    .select({ id: area.id })
    .from(area)
    .where(
      and(
        eq(area.organizationId, orgId),
        eq(area.name, 'Dirección Ejecutiva de Educación Cívica y Construcción de Ciudadanía'),
      ),
    );
  if (!type || !unam || !deecycc) return { instruments: 0 };
  const until = addDays(today, 45);
  const signedOn = addDays(until, -730);
  await createInstrument(
    db,
    actor,
    InstrumentInputSchema.parse({
      typeId: type.id,
      subject: SUBJECT,
      partyIds: [unam.id],
      areaIds: [deecycc.id],
      object:
        'Colaborar en la organización de talleres, foros y materiales de educación cívica dirigidos a la comunidad universitaria.',
      signedOn,
      validityKind: 'dated',
      validFrom: signedOn,
      validUntil: until,
      status: 'in_force',
      statusOn: signedOn,
    }),
  );
  return { instruments: 1 };
}
