import {
  AreaInputSchema,
  InstitutionInputSchema,
  PersonInputSchema,
  type AreaInput,
  type InstitutionInput,
  type PersonInput,
} from '../contract';
import { nameKey, type CheckedRow, type EntityRules } from '../../platform/spreadsheets/import-problems';
import { AREA_COLUMNS, INSTITUTION_COLUMNS, PERSON_COLUMNS } from './directory-columns';

// The directory's import rules: which columns and schema each record kind uses, and how an area's
// `area_superior` is found among existing areas and the rows above it.

export const INSTITUTION_RULES: EntityRules<InstitutionInput> = {
  entity: 'institution',
  columns: INSTITUTION_COLUMNS,
  schema: InstitutionInputSchema,
  nameField: 'name',
  noun: 'una institución',
};

export type AreaRowInput = Omit<AreaInput, 'parentId'>;
export const AREA_RULES: EntityRules<AreaRowInput> = {
  entity: 'area',
  columns: AREA_COLUMNS,
  schema: AreaInputSchema.omit({ parentId: true }),
  nameField: 'name',
  noun: 'un área',
};

export const PERSON_RULES: EntityRules<PersonInput> = {
  entity: 'person',
  columns: PERSON_COLUMNS,
  schema: PersonInputSchema,
  nameField: 'fullName',
  noun: 'una persona',
};

/** Where an imported area hangs: an existing area, an earlier row of the same file, or nowhere. */
export type ParentRef = { areaId: string } | { row: number } | null;

export type ExistingArea = { id: string; name: string; acronym: string | null };

/**
 * Resolves each row's `area_superior` by name, then by acronym (accent/case-insensitive), among
 * the organization's areas and the rows above it in the file. Rows whose parent is missing,
 * ambiguous, invalid or below them get a problem. Returns the parent of each valid row.
 */
export function resolveAreaParents(rows: CheckedRow<AreaRowInput>[], existing: ExistingArea[]) {
  const parents = new Map<number, ParentRef>();
  const field = AREA_COLUMNS.find((c) => c.type === 'reference')!.header;
  rows.forEach((r, i) => {
    const text = r.refs.parent;
    if (!text) {
      parents.set(r.row, null);
      return;
    }
    const key = nameKey(text);
    const fail = (message: string) => {
      r.problems.push({ row: r.row, field, message });
      delete r.input;
    };
    if (nameKey(r.name) === key || (r.acronym && nameKey(r.acronym) === key)) {
      return fail('Un área no puede depender de sí misma');
    }
    const earlier = rows.slice(0, i);
    const found = (match: (name: string, acronym: string | null) => boolean) => ({
      existing: existing.filter((a) => match(a.name, a.acronym)),
      earlier: earlier.filter((a) => match(a.name, a.acronym)),
    });
    const byName = found((name) => nameKey(name) === key);
    let hits = byName.existing.length ? { existing: byName.existing, earlier: [] } : byName;
    if (!hits.existing.length && !hits.earlier.length) {
      hits = found((_, acronym) => !!acronym && nameKey(acronym) === key);
    }
    const count = hits.existing.length + hits.earlier.length;
    if (count > 1) {
      return fail(`El área superior "${text}" es ambigua: coincide con varias áreas; use el nombre completo`);
    }
    if (hits.existing[0]) {
      if (r.input) parents.set(r.row, { areaId: hits.existing[0].id });
      return;
    }
    const above = hits.earlier[0];
    if (above) {
      if (above.problems.length) return fail(`El área superior "${text}" (fila ${above.row}) tiene errores`);
      if (r.input) parents.set(r.row, { row: above.row });
      return;
    }
    const below = rows
      .slice(i + 1)
      .find((a) => nameKey(a.name) === key || (!!a.acronym && nameKey(a.acronym) === key));
    if (below) {
      return fail(`El área superior "${text}" está en la fila ${below.row}; colóquela antes de esta fila`);
    }
    fail(`No existe el área superior "${text}" en su organización ni en las filas anteriores`);
  });
  return parents;
}
