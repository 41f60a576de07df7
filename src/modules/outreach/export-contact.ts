import ExcelJS from 'exceljs';
import type { ScopedAuditActor } from '../accounts';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import type { Download } from '../platform/http/files';
import { listArcoRequests } from './arco-requests';
import { registrationsOfContact } from './observers/repository';
import { consentsOf, findContact, historyOf, listBases, optOutsOf } from './repository';

/** Everything the organization holds on one contact (the answer to an access request). */
export async function contactDossier(db: Db, orgId: string, id: string) {
  const person = await findContact(db, orgId, id);
  if (!person) throw notFound();
  const bases = (await listBases(db, orgId)).filter((b) => person.baseIds.includes(b.id));
  return {
    contact: person,
    bases: bases.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    consents: await consentsOf(db, orgId, id),
    optOuts: await optOutsOf(db, orgId, id),
    arcoRequests: await listArcoRequests(db, orgId, { contactId: id }),
    communications: await historyOf(db, orgId, id),
    /** Registrations for accompaniment missions (foreign observers and visitors) and their mail. */
    accompaniment: await registrationsOfContact(db, orgId, id),
  };
}

type Dossier = Awaited<ReturnType<typeof contactDossier>>;

const cell = (v: unknown) =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);

async function toXlsx(d: Dossier): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Vincula';
  const sheet = (name: string, rows: Record<string, unknown>[]) => {
    const ws = book.addWorksheet(name);
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    ws.addRow(keys).font = { bold: true };
    for (const r of rows) ws.addRow(keys.map((k) => cell(r[k])));
    keys.forEach((_, i) => (ws.getColumn(i + 1).width = 24));
  };
  sheet('Contacto', [d.contact]);
  sheet('Bases', d.bases);
  sheet('Consentimientos', d.consents);
  sheet('Bajas por canal', d.optOuts);
  sheet('Solicitudes ARCO', d.arcoRequests);
  sheet('Comunicaciones', d.communications);
  sheet('Misiones de acompañamiento', d.accompaniment.registrations);
  sheet('Correos de misiones', d.accompaniment.communications);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The dossier as a JSON or XLSX download; the export itself is audited (without its content). */
export function exportContact(
  db: Db,
  actor: ScopedAuditActor,
  id: string,
  format: 'json' | 'xlsx',
): Promise<Download> {
  return inTransaction(db, async (tx) => {
    const dossier = await contactDossier(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: 'outreach.contact.export',
      entityType: 'outreach_contact',
      entityId: id,
      after: { format },
    });
    const name = `datos-personales-${id.slice(0, 8)}`;
    return format === 'json'
      ? {
          body: JSON.stringify({ exportedAt: new Date().toISOString(), ...dossier }, null, 2),
          contentType: 'application/json; charset=utf-8',
          filename: `${name}.json`,
        }
      : {
          body: await toXlsx(dossier),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `${name}.xlsx`,
        };
  });
}
