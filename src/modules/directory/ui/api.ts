import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AreaInput,
  AreaListQuery,
  InstitutionInput,
  InstitutionListQuery,
  PersonInput,
  PersonListQuery,
  PositionInput,
} from '../contract';
import * as endpoints from '../endpoints';
import { callEndpoint, downloadEndpoint, uploadToEndpoint } from '@/web/shared/api/client';

// The directory's API calls: every page goes through these (ADR 0022). Every write invalidates the
// ['directory'] prefix: lists, details and options all refresh together.

export const DIRECTORY_KEY = ['directory'] as const;

export function useInstitutions(query: Partial<InstitutionListQuery>) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'institutions', query],
    queryFn: () => callEndpoint(endpoints.listInstitutions, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useAreas(query: Partial<AreaListQuery>) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'areas', query],
    queryFn: () => callEndpoint(endpoints.listAreas, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useArea(id: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'area', id],
    queryFn: () => callEndpoint(endpoints.getArea, { params: { id } }),
  });
}

export function usePeople(query: Partial<PersonListQuery>) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'people', query],
    queryFn: () => callEndpoint(endpoints.listPeople, { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'person', id],
    queryFn: () => callEndpoint(endpoints.getPerson, { params: { id } }),
  });
}

export type Option = { value: string; label: string };

/** All areas of the organization as select options (the API gives at most 200 per page). */
export function useAreaOptions(enabled = true) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'areas', 'options'],
    queryFn: () => callEndpoint(endpoints.listAreas, { query: { pageSize: 200 } }),
    enabled,
    staleTime: 60_000,
    select: (page): Option[] =>
      page.items.map((a) => ({ value: a.id, label: a.acronym ? `${a.name} (${a.acronym})` : a.name })),
  });
}

/** Institutions whose name or acronym contains `q` (server-side, accent-insensitive). */
export function useInstitutionOptions(q: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, 'institutions', 'options', q],
    queryFn: () => callEndpoint(endpoints.listInstitutions, { query: { q: q || undefined, pageSize: 30 } }),
    placeholderData: keepPreviousData,
    select: (page): Option[] =>
      page.items.map((i) => ({ value: i.id, label: i.acronym ? `${i.name} (${i.acronym})` : i.name })),
  });
}

/** "" → null, so that clearing an optional field clears it on the server. */
export function emptyToNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

/** People of the directory whose name contains `q` (server-side search), as select options. */
export function usePersonOptions(q: string) {
  return useQuery({
    queryKey: ['directory', 'people', 'options', q],
    queryFn: () => callEndpoint(endpoints.listPeople, { query: { q: q || undefined, pageSize: 30 } }),
    placeholderData: keepPreviousData,
    select: (page): Option[] => page.items.map((p) => ({ value: p.id, label: p.fullName })),
  });
}

// ---- writes
export function saveInstitution(id: string | null, input: InstitutionInput) {
  return id
    ? callEndpoint(endpoints.updateInstitution, { params: { id }, body: input })
    : callEndpoint(endpoints.createInstitution, { body: input });
}

export function saveArea(id: string | null, input: AreaInput) {
  return id
    ? callEndpoint(endpoints.updateArea, { params: { id }, body: input })
    : callEndpoint(endpoints.createArea, { body: input });
}

export function savePerson(id: string | null, input: PersonInput) {
  return id
    ? callEndpoint(endpoints.updatePerson, { params: { id }, body: input })
    : callEndpoint(endpoints.createPerson, { body: input });
}

export function savePosition(personId: string, positionId: string | null, input: PositionInput) {
  return positionId
    ? callEndpoint(endpoints.updatePosition, { params: { id: personId, positionId }, body: input })
    : callEndpoint(endpoints.addPosition, { params: { id: personId }, body: input });
}

export function removePosition(personId: string, positionId: string) {
  return callEndpoint(endpoints.removePosition, { params: { id: personId, positionId } });
}

export type DirectoryCollection = 'institutions' | 'areas' | 'people';

const DELETE = {
  institutions: endpoints.deleteInstitution,
  areas: endpoints.deleteArea,
  people: endpoints.deletePerson,
} as const;

/** Deletes a record registered by mistake (refused while other records use it). */
export function deleteRecord(collection: DirectoryCollection, id: string) {
  return callEndpoint(DELETE[collection], { params: { id } });
}

/** The filters of a collection's list, as its export takes them (every record, no paging). */
export type DirectoryFilters = {
  institutions: Omit<InstitutionListQuery, 'page' | 'pageSize'>;
  areas: Omit<AreaListQuery, 'page' | 'pageSize'>;
  people: Omit<PersonListQuery, 'page' | 'pageSize'>;
};
type ExportFormat = 'csv' | 'xlsx';

const EXPORT: {
  [C in DirectoryCollection]: (filters: DirectoryFilters[C], format: ExportFormat) => Promise<void>;
} = {
  institutions: (filters, format) =>
    downloadEndpoint(
      endpoints.exportInstitutions,
      { query: { ...filters, format } },
      `institutions.${format}`,
    ),
  areas: (filters, format) =>
    downloadEndpoint(endpoints.exportAreas, { query: { ...filters, format } }, `areas.${format}`),
  people: (filters, format) =>
    downloadEndpoint(endpoints.exportPeople, { query: { ...filters, format } }, `people.${format}`),
};

const IMPORT = {
  institutions: endpoints.importInstitutions,
  areas: endpoints.importAreas,
  people: endpoints.importPeople,
} as const;

/** Downloads the filtered list as CSV or XLSX. */
export function exportRecords<C extends DirectoryCollection>(
  collection: C,
  filters: DirectoryFilters[C],
  format: ExportFormat,
) {
  return EXPORT[collection](filters, format);
}

/** Imports a spreadsheet of records; with `skipInvalid`, the valid rows even when others are not. */
export function importRecords(collection: DirectoryCollection, file: File, skipInvalid: boolean) {
  return uploadToEndpoint(IMPORT[collection], { query: { skipInvalid } }, file);
}
