import type { Actor } from '../accounts';
import type { Db } from '../platform/db/client';
import { notFound } from '../platform/errors';
import { todayInMexicoCity } from '../../shared/dates';
import { formatFolioNumber } from './folio-number';
import { occurrenceView, type MyOccurrence, type Obligation, type Occurrence } from './occurrence-contract';
import { areaOccurrences, findFolioRow, obligationsOfFolio } from './repository';
import { occurrenceAttachments } from './routing-repository';
import type { channelOccurrence } from './schema';

type OccurrenceRow = typeof channelOccurrence.$inferSelect;

async function present(db: Db, rows: OccurrenceRow[]): Promise<Map<string, Occurrence>> {
  const today = todayInMexicoCity();
  const files = await occurrenceAttachments(
    db,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((x) => [
      x.id,
      {
        id: x.id,
        period: x.period.slice(0, 7),
        dueOn: x.dueOn,
        status: x.status,
        ...occurrenceView(x, today),
        answeredOn: x.answeredOn,
        answerText: x.answerText,
        reviewedOn: x.reviewedOn,
        returnReason: x.returnReason,
        attachments: files.filter((f) => f.ownerId === x.id),
      },
    ]),
  );
}

/** The recurring obligations of a folio the organization sees, each month with its answer and files. */
export async function folioObligations(db: Db, actor: Actor, folioId: string): Promise<Obligation[]> {
  const folio = await findFolioRow(db, actor.organizationId, folioId);
  if (!folio) throw notFound();
  const obligations = await obligationsOfFolio(db, folio.id);
  const months = await present(
    db,
    obligations.flatMap((o) => o.occurrences),
  );
  return obligations.map((o) => ({
    id: o.id,
    folioId: o.folioId,
    description: o.description,
    dueRule: o.dueRule,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    area: o.areaId && o.areaName ? { id: o.areaId, name: o.areaName } : null,
    occurrences: o.occurrences.map((x) => months.get(x.id)!),
  }));
}

/** The months the user's areas answer ("Mis turnos"): owed first, by due date. */
export async function myOccurrences(
  db: Db,
  actor: Actor,
  state: 'open' | 'closed' | 'all',
): Promise<MyOccurrence[]> {
  const rows = await areaOccurrences(db, actor.organizationId, actor.areaIds, state);
  const months = await present(
    db,
    rows.map((r) => r.occurrence),
  );
  return rows.map((r) => ({
    ...months.get(r.occurrence.id)!,
    obligation: {
      id: r.obligationId,
      description: r.description,
      area: { id: r.areaId, name: r.areaName },
    },
    folio: { id: r.folioId, folio: formatFolioNumber(r), subject: r.subject },
    actingFor: null,
  }));
}
