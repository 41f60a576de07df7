import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import { workCalendarOf } from '../platform/calendar/repository';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import { nextNumber } from '../platform/sequences/next-number';
import { todayInMexicoCity } from '../../shared/dates';
import type { ArcoExtendInput, ArcoInput, ArcoListQuery, ArcoRequest, ArcoResolveInput } from './contract';
import { arcoRows, findContactRow, insertArco, presentArco, updateArcoRow, type ArcoRow } from './repository';
import { arcoDueOn, arcoExtendedDueOn, businessDaysLeft } from './rules';

// Requests of access, rectification, cancellation and opposition (ARCO), numbered per year
// (ARCO/001/2024), due 20 business days after receipt on the organization's calendar (the
// channel's: weekends, official holidays, own non-working days), extendable once by 10.

async function present(db: Db, orgId: string, rows: ArcoRow[]): Promise<ArcoRequest[]> {
  const cal = await workCalendarOf(db, orgId);
  const today = todayInMexicoCity();
  return rows.map((r) =>
    presentArco(
      r,
      r.status === 'pending' || r.status === 'extended' ? businessDaysLeft(cal, today, r.dueOn) : null,
    ),
  );
}

export async function listArcoRequests(db: Db, orgId: string, q: ArcoListQuery & { contactId?: string }) {
  const open = q.open === undefined ? undefined : q.open === 'true';
  return present(db, orgId, await arcoRows(db, orgId, { status: q.status, open, contactId: q.contactId }));
}

export async function findArcoRequest(db: Db, orgId: string, id: string): Promise<ArcoRequest | undefined> {
  const [row] = await present(db, orgId, await arcoRows(db, orgId, { id }));
  return row;
}

/** Audit view: no names, no descriptions (they may hold personal data). */
const arcoAudit = (r: ArcoRequest) => ({
  id: r.id,
  folio: r.folio,
  contactId: r.contactId,
  kind: r.kind,
  receivedOn: r.receivedOn,
  dueOn: r.dueOn,
  extendedOn: r.extendedOn,
  status: r.status,
  resolvedOn: r.resolvedOn,
});

export function createArcoRequest(db: Db, actor: ScopedAuditActor, input: ArcoInput): Promise<ArcoRequest> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const person = await findContactRow(tx, orgId, input.contactId);
    if (!person) throw invalid([{ path: 'contactId', message: 'No existe ese contacto' }]);
    if (person.erasedAt) throw conflict('Los datos de este contacto fueron suprimidos');
    if (input.receivedOn > todayInMexicoCity())
      throw invalid([{ path: 'receivedOn', message: 'La fecha de recepción no puede ser futura' }]);
    const year = Number(input.receivedOn.slice(0, 4));
    const number = await nextNumber(tx, orgId, `outreach.arco.${year}`);
    const cal = await workCalendarOf(tx, orgId);
    const id = await insertArco(tx, {
      organizationId: orgId,
      year,
      number,
      contactId: input.contactId,
      kind: input.kind,
      receivedOn: input.receivedOn,
      dueOn: arcoDueOn(cal, input.receivedOn),
      status: 'pending',
      description: input.description ?? null,
    });
    const created = (await findArcoRequest(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.arco.create',
      entityType: 'outreach_arco_request',
      entityId: id,
      after: arcoAudit(created),
    });
    return created;
  });
}

export function extendArcoRequest(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: ArcoExtendInput,
): Promise<ArcoRequest> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findArcoRequest(tx, orgId, id);
    if (!before) throw notFound();
    if (before.status !== 'pending')
      throw conflict(
        before.status === 'extended'
          ? 'El plazo de esta solicitud ya se amplió una vez; la ley permite una sola ampliación'
          : 'La solicitud ya fue resuelta',
        [{ path: 'extendedOn', message: 'No es posible ampliar el plazo' }],
      );
    if (input.extendedOn < before.receivedOn || input.extendedOn > before.dueOn)
      throw invalid([
        {
          path: 'extendedOn',
          message: `La ampliación debe notificarse dentro del plazo (a más tardar el ${before.dueOn})`,
        },
      ]);
    const cal = await workCalendarOf(tx, orgId);
    await updateArcoRow(tx, orgId, id, {
      status: 'extended',
      extendedOn: input.extendedOn,
      extensionReason: input.reason,
      dueOn: arcoExtendedDueOn(cal, before.dueOn),
    });
    const after = (await findArcoRequest(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.arco.extend',
      entityType: 'outreach_arco_request',
      entityId: id,
      before: arcoAudit(before),
      after: arcoAudit(after),
    });
    return after;
  });
}

export function resolveArcoRequest(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  input: ArcoResolveInput,
): Promise<ArcoRequest> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const before = await findArcoRequest(tx, orgId, id);
    if (!before) throw notFound();
    if (before.status === 'granted' || before.status === 'denied')
      throw conflict('La solicitud ya fue resuelta', [{ path: 'resolvedOn', message: 'Ya resuelta' }]);
    if (input.resolvedOn < before.receivedOn)
      throw invalid([{ path: 'resolvedOn', message: 'La fecha de respuesta es anterior a la de recepción' }]);
    if (input.resolvedOn > todayInMexicoCity())
      throw invalid([{ path: 'resolvedOn', message: 'La fecha de respuesta no puede ser futura' }]);
    await updateArcoRow(tx, orgId, id, {
      status: input.outcome,
      resolvedOn: input.resolvedOn,
      resolution: input.resolution,
    });
    const after = (await findArcoRequest(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.arco.resolve',
      entityType: 'outreach_arco_request',
      entityId: id,
      before: arcoAudit(before),
      after: { ...arcoAudit(after), answeredLate: input.resolvedOn > before.dueOn },
    });
    return after;
  });
}
