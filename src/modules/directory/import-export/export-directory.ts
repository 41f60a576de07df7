import type { z } from 'zod';
import { todayInMexicoCity } from '../../../shared/dates';
import type { ScopedAuditActor } from '../../accounts';
import { recordAudit } from '../../platform/audit/record-audit';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/transaction';
import type { AreaListQuery, ExportFormatSchema, InstitutionListQuery, PersonListQuery } from '../contract';
import { allAreas, allInstitutions, allPeople } from '../repository';
import { FILE_STEMS, type DirectoryEntity } from './directory-columns';
import { areaTable, institutionTable, personTable } from './export-rows';
import { type Table } from '../../platform/spreadsheets/write-spreadsheet';
import { CONTENT_TYPES, toCsv, toXlsx } from '../../platform/spreadsheets/write-spreadsheet';

export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export type ExportRequest =
  | { entity: 'institution'; filters: Omit<InstitutionListQuery, 'page' | 'pageSize'> }
  | { entity: 'area'; filters: Omit<AreaListQuery, 'page' | 'pageSize'> }
  | { entity: 'person'; filters: Omit<PersonListQuery, 'page' | 'pageSize'> };

export type ExportFile = { filename: string; contentType: string; body: Buffer; rows: number };

const SHEET_NAMES: Record<DirectoryEntity, string> = {
  institution: 'Instituciones',
  area: 'Áreas',
  person: 'Personas',
};

/** Only the filters actually given, for the audit trail. */
function givenFilters(filters: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
}

async function tableOf(db: Db, orgId: string, request: ExportRequest): Promise<Table> {
  switch (request.entity) {
    case 'institution':
      return institutionTable(await allInstitutions(db, orgId, request.filters));
    case 'area': {
      const items = await allAreas(db, orgId, request.filters);
      // Parents outside the filter are still named by their name.
      const filtered = Object.keys(givenFilters(request.filters)).length > 0;
      return areaTable(items, filtered ? await allAreas(db, orgId) : items);
    }
    case 'person':
      return personTable(await allPeople(db, orgId, request.filters));
  }
}

/**
 * Every record of the organization matching the list filters, as a CSV or XLSX file. Each export
 * is audited (format, filters, row count) before the file is handed out.
 */
export async function exportDirectory(
  db: Db,
  actor: ScopedAuditActor,
  request: ExportRequest,
  format: ExportFormat,
): Promise<ExportFile> {
  const table = await tableOf(db, actor.organizationId, request);
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table, SHEET_NAMES[request.entity]);
  await inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'directory.export',
      entityType: request.entity,
      after: { format, filters: givenFilters(request.filters), rows: table.rows.length },
    }),
  );
  return {
    filename: `${FILE_STEMS[request.entity]}-${todayInMexicoCity()}.${format}`,
    contentType: CONTENT_TYPES[format],
    body,
    rows: table.rows.length,
  };
}
