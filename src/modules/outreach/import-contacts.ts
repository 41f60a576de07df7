import { z } from 'zod';
import type { ScopedAuditActor } from '../accounts';
import { recordAudits, type AuditEvent } from '../platform/audit/record-audit';
import type { Column, EnumLabels } from '../platform/spreadsheets/columns';
import {
  MAX_LISTED_PROBLEMS,
  checkRow,
  mapHeader,
  outcome,
  problemsToFields,
  type EntityRules,
  type Sheet,
} from '../platform/spreadsheets/import-problems';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, invalid } from '../platform/errors';
import { LocalDateSchema, todayInMexicoCity } from '../../shared/dates';
import { ERROR_CODES } from '../../shared/errors';
import { contactAuditView, newAuditSalt } from './audit-payloads';
import type { CONTACT_KINDS } from './contract';
import { ContactInputSchema, type ImportReport } from './contract';
import {
  baseIdsOfOrg,
  contactKeys,
  findContactRow,
  insertConsent,
  insertContact,
  setMemberships,
} from './repository';
import { duplicateOf, keysOf, type DuplicateKeys } from './rules';

// Imports contacts into one base from CSV/XLSX with the directory's import machinery (header
// recognition, row checks, row-by-row report, all-or-nothing unless skipInvalid). A row that
// repeats an existing contact or an earlier row (same e-mail, same phone, or the same name when
// neither has an e-mail or phone) is a problem. Consent columns, when filled, record the consent
// with its evidence ("importación de <archivo>").

const KIND_LABELS: EnumLabels<(typeof CONTACT_KINDS)[number]> = {
  person: ['Persona', 'Persona física'],
  organization: ['Organización', 'Organizacion', 'Institución', 'OSC'],
};

export const CONTACT_COLUMNS: readonly Column[] = [
  { header: 'nombre', field: 'fullName', type: 'text', required: true, width: 36 },
  { header: 'tipo', field: 'kind', type: 'enum', labels: KIND_LABELS, width: 14 },
  { header: 'correo', field: 'email', type: 'text', width: 30 },
  { header: 'telefono', field: 'phone', type: 'text', width: 18 },
  { header: 'pais', field: 'country', type: 'country', width: 8 },
  { header: 'ciudad', field: 'city', type: 'text', width: 20 },
  { header: 'organizacion', field: 'affiliation', type: 'text', width: 30 },
  { header: 'etiquetas', field: 'tags', type: 'list', width: 24 },
  { header: 'notas', field: 'notes', type: 'text', width: 40 },
  { header: 'consentimiento_fecha', field: 'consentGivenOn', type: 'text', width: 14 },
  { header: 'consentimiento_fuente', field: 'consentSource', type: 'text', width: 24 },
  { header: 'consentimiento_finalidad', field: 'consentPurpose', type: 'text', width: 30 },
  { header: 'aviso_privacidad_version', field: 'privacyNoticeVersion', type: 'text', width: 14 },
];

const DEFAULT_PURPOSE = 'Difusión de actividades institucionales';

const RowSchema = ContactInputSchema.omit({ baseIds: true })
  .extend({
    consentGivenOn: LocalDateSchema.nullable().optional(),
    consentSource: z.string().trim().max(300).nullable().optional(),
    consentPurpose: z.string().trim().max(500).nullable().optional(),
    privacyNoticeVersion: z.string().trim().max(60).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const any = v.consentSource || v.consentPurpose || v.privacyNoticeVersion;
    if (!v.consentGivenOn && any)
      ctx.addIssue({
        code: 'custom',
        path: ['consentGivenOn'],
        message: 'Indique la fecha del consentimiento',
      });
    if (v.consentGivenOn && !v.privacyNoticeVersion)
      ctx.addIssue({
        code: 'custom',
        path: ['privacyNoticeVersion'],
        message: 'Indique la versión del aviso de privacidad aceptada',
      });
    if (v.consentGivenOn && v.consentGivenOn > todayInMexicoCity())
      ctx.addIssue({
        code: 'custom',
        path: ['consentGivenOn'],
        message: 'La fecha del consentimiento no puede ser futura',
      });
  });
type RowInput = z.infer<typeof RowSchema>;

const RULES: EntityRules<RowInput> = {
  entity: 'outreach_contact',
  columns: CONTACT_COLUMNS,
  schema: RowSchema,
  nameField: 'fullName',
  noun: 'un contacto',
};

export function importContacts(
  db: Db,
  actor: ScopedAuditActor,
  baseId: string,
  sheet: Sheet,
  filename: string,
  skipInvalid: boolean,
): Promise<ImportReport> {
  const header = mapHeader(RULES.columns, sheet);
  if (header.fatal.length)
    throw new AppError(
      'IMPORT_INVALID',
      400,
      header.fatal,
      header.fatal.map((f) => f.message).join('. ') + '.',
    );
  const orgId = actor.organizationId;
  return inTransaction(db, async (tx) => {
    if (!(await baseIdsOfOrg(tx, orgId, [baseId])).length)
      throw invalid([{ path: 'baseId', message: 'No existe esa base de contactos' }]);
    const rows = sheet.rows.map((r) => checkRow(RULES, header, r));
    // Duplicates against the organization's contacts and the rows above, by key lookup.
    const HEADERS = { email: 'correo', phone: 'telefono', fullName: 'nombre' } as const;
    type Seen = { keys: DuplicateKeys; label: string };
    const index = {
      email: new Map<string, Seen>(),
      phone: new Map<string, Seen>(),
      name: new Map<string, Seen>(),
    };
    const remember = (keys: DuplicateKeys, label: string) => {
      const seen = { keys, label };
      if (keys.email && !index.email.has(keys.email)) index.email.set(keys.email, seen);
      if (keys.phone && !index.phone.has(keys.phone)) index.phone.set(keys.phone, seen);
      if (keys.name && !keys.email && !keys.phone && !index.name.has(keys.name))
        index.name.set(keys.name, seen);
    };
    for (const other of await contactKeys(tx, orgId))
      remember(other, `Ya existe un contacto con {reason}: ${other.fullName ?? ''}`);
    for (const r of rows) {
      const keys = keysOf(r.input ?? { fullName: r.name });
      const candidates = [
        keys.email ? index.email.get(keys.email) : undefined,
        keys.phone ? index.phone.get(keys.phone) : undefined,
        keys.name ? index.name.get(keys.name) : undefined,
      ];
      for (const seen of candidates) {
        const dup = seen && duplicateOf(keys, seen.keys);
        if (dup) {
          r.problems.push({
            row: r.row,
            field: HEADERS[dup.field],
            message: seen.label.replace('{reason}', dup.reason),
          });
          break;
        }
      }
      remember(keys, `Repite a la fila ${r.row} ({reason})`);
      if (r.problems.length) delete r.input;
    }
    const result = outcome(header, rows);
    if (result.problems.length && !skipInvalid) {
      const more =
        result.problems.length > MAX_LISTED_PROBLEMS
          ? ` Se muestran los primeros ${MAX_LISTED_PROBLEMS} de ${result.problems.length} problemas.`
          : '';
      throw new AppError(
        'IMPORT_INVALID',
        400,
        problemsToFields(result.problems),
        ERROR_CODES.IMPORT_INVALID + more,
      );
    }
    const events: AuditEvent[] = [];
    for (const { input } of result.valid) {
      const { consentGivenOn, consentSource, consentPurpose, privacyNoticeVersion, ...fields } = input;
      const keys = keysOf(fields);
      const id = await insertContact(tx, {
        ...fields,
        organizationId: orgId,
        nameKey: keys.name,
        emailKey: keys.email,
        phoneKey: keys.phone,
        auditSalt: newAuditSalt(),
      });
      await setMemberships(tx, orgId, id, [baseId]);
      events.push({
        action: 'outreach.contact.import',
        entityType: 'outreach_contact',
        entityId: id,
        after: contactAuditView((await findContactRow(tx, orgId, id))!, [baseId]),
      });
      if (consentGivenOn) {
        const c = await insertConsent(tx, {
          organizationId: orgId,
          contactId: id,
          baseId: null,
          purpose: consentPurpose || DEFAULT_PURPOSE,
          givenOn: consentGivenOn,
          source: consentSource || `Importación de ${filename}`,
          privacyNoticeVersion: privacyNoticeVersion!,
          evidence: `Archivo importado: ${filename}`,
        });
        events.push({
          action: 'outreach.consent.record',
          entityType: 'outreach_consent',
          entityId: c.id,
          after: {
            id: c.id,
            contactId: id,
            purpose: c.purpose,
            givenOn: c.givenOn,
            privacyNoticeVersion: c.privacyNoticeVersion,
          },
        });
      }
    }
    await recordAudits(tx, actor, events);
    return {
      imported: result.valid.length,
      skipped: result.skipped,
      problems: result.problems.slice(0, MAX_LISTED_PROBLEMS),
    };
  });
}
