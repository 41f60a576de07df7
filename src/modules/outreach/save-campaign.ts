import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { conflict, invalid, notFound } from '../platform/errors';
import type { FieldProblem } from '../../shared/errors';
import type { Campaign, CampaignInput, CampaignPatch } from './contract';
import {
  baseIdsOfOrg,
  findCampaign,
  findCampaignRow,
  insertCampaign,
  objectiveExists,
  setCampaignBases,
  updateCampaignRow,
} from './repository';
import { unknownMergeFields } from './rules';

// Creating and editing campaigns. A historical campaign (already carried out, recorded for the
// report) is stored as `recorded`; any other starts as a draft and is edited until it starts.

/** Audit view of a campaign: its settings, not its progress counts. */
export const campaignAudit = (c: Campaign) => {
  const { progress: _, ...rest } = c;
  return rest;
};

async function checkReferences(
  tx: Db,
  orgId: string,
  v: {
    baseIds?: string[];
    objectiveId?: string | null;
    textTemplate?: string | null;
    htmlTemplate?: string | null;
    subject?: string | null;
  },
) {
  const problems: FieldProblem[] = [];
  if (v.baseIds?.length) {
    const found = await baseIdsOfOrg(tx, orgId, v.baseIds);
    v.baseIds.forEach((id, i) => {
      if (!found.includes(id))
        problems.push({ path: `baseIds.${i}`, message: 'No existe esa base de contactos' });
    });
  }
  if (v.objectiveId && !(await objectiveExists(tx, orgId, v.objectiveId)))
    problems.push({ path: 'objectiveId', message: 'No existe ese objetivo en el programa de trabajo' });
  for (const field of ['subject', 'textTemplate', 'htmlTemplate'] as const) {
    const unknown = unknownMergeFields(v[field] ?? '');
    if (unknown.length)
      problems.push({
        path: field,
        message: `Campo de combinación desconocido: ${unknown.map((u) => `{{${u}}}`).join(', ')}. Use {{nombre}}, {{correo}}, {{organizacion}} o {{enlace_baja}}`,
      });
  }
  if (problems.length) throw invalid(problems);
}

export function createCampaign(db: Db, actor: ScopedAuditActor, input: CampaignInput): Promise<Campaign> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    await checkReferences(tx, orgId, input);
    const { baseIds, historical, scheduledAt, ...fields } = input;
    const id = await insertCampaign(tx, {
      ...fields,
      organizationId: orgId,
      scheduledAt: scheduledAt ? new Date(scheduledAt) : null,
      status: historical ? 'recorded' : 'draft',
    });
    await setCampaignBases(tx, orgId, id, [...new Set(baseIds)]);
    const created = (await findCampaign(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.campaign.create',
      entityType: 'outreach_campaign',
      entityId: id,
      after: campaignAudit(created),
    });
    return created;
  });
}

export function updateCampaign(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  patch: CampaignPatch,
): Promise<Campaign> {
  return inTransaction(db, async (tx) => {
    const orgId = actor.organizationId;
    const row = await findCampaignRow(tx, orgId, id);
    if (!row) throw notFound();
    const before = (await findCampaign(tx, orgId, id))!;
    // Once sending, the content is what recipients got: only the link to the program may change.
    const frozen = row.status === 'sending' || row.status === 'sent' || row.status === 'scheduled';
    const changed = Object.keys(patch).filter((k) => k !== 'objectiveId');
    if (frozen && changed.length)
      throw conflict('La campaña ya se programó o envió: solo puede cambiarse el objetivo del programa', [
        { path: changed[0]!, message: 'No modificable' },
      ]);
    await checkReferences(tx, orgId, patch);
    const month = patch.month ?? row.month;
    const sentOn = patch.sentOn === undefined ? row.sentOn : patch.sentOn;
    if (sentOn && sentOn.slice(0, 7) !== month)
      throw invalid([{ path: 'sentOn', message: 'La fecha de envío no está en el mes indicado' }]);
    const { baseIds, scheduledAt, ...fields } = patch;
    await updateCampaignRow(tx, orgId, id, {
      ...fields,
      ...(scheduledAt !== undefined ? { scheduledAt: scheduledAt ? new Date(scheduledAt) : null } : {}),
    });
    if (baseIds) await setCampaignBases(tx, orgId, id, [...new Set(baseIds)]);
    const after = (await findCampaign(tx, orgId, id))!;
    await recordAudit(tx, actor, {
      action: 'outreach.campaign.update',
      entityType: 'outreach_campaign',
      entityId: id,
      before: campaignAudit(before),
      after: campaignAudit(after),
    });
    return after;
  });
}
