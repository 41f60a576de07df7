import { todayInMexicoCity } from '../../shared/dates';
import type { ImportPlan } from '../../shared/import-plan';
import type { Actor } from '../accounts';
import { auditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import { workCalendarOf } from '../platform/calendar/repository';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict } from '../platform/errors';
import { raiseNumberTo } from '../platform/sequences/next-number';
import { answerOrApply, refuseFatalHeader } from '../platform/spreadsheets/import-plan';
import { mapHeader, type Sheet } from '../platform/spreadsheets/import-problems';
import { initialStatus } from './contract-folio-status';
import { dueDateFor } from './due-rules';
import { folioSeries } from './folio-number';
import {
  heldFollowUpFolios,
  insertCommunication,
  insertFolioEvents,
  insertFolios,
  localBodies,
} from './repository';
import {
  planSentFolioRows,
  SENT_FOLIO_IMPORT_COLUMNS,
  type PlannedSentFolio,
} from './sent-folio-import-rules';

/**
 * The national authority brings in the follow-up folios it sent to the installation's local bodies
 * before Vincula (ADR 0032's dry run): each row one recipient's copy, with the number it had in the
 * national series, which continues after the highest imported. The real import plans again and
 * writes only when no row is refused, all in this one transaction, with one audit entry for the
 * file; the local bodies see their folios at once, as if sent through the channel.
 */
export async function importSentFolios(
  db: Db,
  actor: Actor,
  sheet: Sheet,
  options: { dryRun: boolean; filename: string; today?: string },
): Promise<ImportPlan> {
  if (actor.organization.kind !== 'national_authority') {
    throw conflict('Solo la autoridad nacional importa los folios que envió a los organismos locales.');
  }
  const header = mapHeader(SENT_FOLIO_IMPORT_COLUMNS, sheet);
  refuseFatalHeader(header);
  return inTransaction(db, async (tx) => {
    const bodies = await localBodies(tx);
    const calendars = new Map(
      await Promise.all(bodies.map(async (b) => [b.id, await workCalendarOf(tx, b.id)] as const)),
    );
    const held = await heldFollowUpFolios(tx, actor.organizationId, allYears(sheet));
    const planned = planSentFolioRows(header, sheet.rows, {
      today: options.today ?? todayInMexicoCity(),
      bodies,
      held,
      dueProblem: (orgId, rule, sentOn) => {
        const due = dueDateFor(rule, calendars.get(orgId)!, sentOn);
        return due.ok ? undefined : due.reason;
      },
    });
    const rows = planned.map((p) => p.plan);
    return answerOrApply(header, rows, options.dryRun, async (answer) => {
      await apply(tx, actor, planned, calendars);
      await recordAudit(tx, auditActor(actor), {
        action: 'channel.sent_folio_import_file',
        entityType: 'channel_communication',
        after: {
          filename: options.filename,
          rows: rows.length,
          created: answer.counts.create,
          unchanged: answer.counts.unchanged,
        },
      });
    });
  });
}

/** Every year a folio cell of the file may name (any "N/YYYY" in a row), to load what is held. */
function allYears(sheet: Sheet): number[] {
  const years = new Set<number>();
  for (const r of sheet.rows)
    for (const c of r.cells) {
      const m = /^\s*\d+\s*\/\s*(\d{4})\s*$/.exec(c);
      if (m) years.add(Number(m[1]));
    }
  return [...years];
}

async function apply(
  tx: Db,
  actor: Actor,
  planned: readonly PlannedSentFolio[],
  calendars: ReadonlyMap<string, Parameters<typeof dueDateFor>[1]>,
) {
  const communications = new Map<string, string>();
  const highest = new Map<number, number>();
  const initial = initialStatus('follow_up');
  for (const p of planned) {
    if (!p.folio || !p.communication || !p.key) continue;
    const c = p.communication;
    let communicationId = p.communicationId ?? communications.get(p.key);
    if (!communicationId) {
      communicationId = (
        await insertCommunication(tx, {
          module: 'follow_up',
          year: c.year,
          number: c.number,
          numberingOrgId: actor.organizationId,
          originOrgId: actor.organizationId,
          originLabel: actor.organization.name,
          documentType: c.documentType,
          nature: c.nature,
          subject: c.subject,
          body: c.body,
          sentOn: c.sentOn,
          createdBy: actor.userId,
        })
      ).id;
      communications.set(p.key, communicationId);
      highest.set(c.year, Math.max(highest.get(c.year) ?? 0, c.number));
    }
    const { localOrgId, dueRule, status, statusOn } = p.folio;
    const due = dueRule ? dueDateFor(dueRule, calendars.get(localOrgId)!, c.sentOn) : undefined;
    const now = status ?? initial;
    const on = statusOn ?? c.sentOn;
    const [folio] = await insertFolios(tx, [
      {
        communicationId,
        localOrgId,
        nationalOrgId: actor.organizationId,
        module: 'follow_up',
        year: c.year,
        number: c.number,
        status: now,
        receivedOn: c.sentOn,
        dueRule,
        dueOn: due?.ok ? due.due : null,
        closedOn: now === 'concluded' || now === 'cancelled' ? on : null,
      },
    ]);
    const event = {
      folioId: folio!.id,
      organizationId: actor.organizationId,
      userId: actor.userId,
      actorLabel: actor.name,
    };
    // The day it was sent with the initial status, then the day it reached the imported status.
    await insertFolioEvents(tx, [
      {
        ...event,
        event: 'sent',
        fromStatus: null,
        toStatus: on === c.sentOn ? now : initial,
        occurredOn: c.sentOn,
      },
      ...(on !== c.sentOn && now !== initial
        ? [{ ...event, event: 'status_brought', fromStatus: initial, toStatus: now, occurredOn: on }]
        : []),
    ]);
  }
  for (const [year, number] of highest)
    await raiseNumberTo(tx, actor.organizationId, folioSeries('follow_up', year), number);
}
