import type { Area, Institution, Person, Position } from '../contract';
import { AREA_COLUMNS, INSTITUTION_COLUMNS, PERSON_COLUMNS } from './directory-columns';
import { LIST_SEPARATOR } from '../../platform/spreadsheets/columns';
import type { Table } from '../../platform/spreadsheets/write-spreadsheet';

// Records as spreadsheet rows: one string per column, in the order of the column tables. Coded
// values are exported as their code ("university"), which the import reads back as is.

const cell = (v: string | null | undefined) => v ?? '';

export function institutionTable(items: Institution[]): Table {
  return {
    columns: INSTITUTION_COLUMNS,
    rows: items.map((i) => [
      i.name,
      cell(i.acronym),
      i.kind,
      i.country,
      i.level,
      cell(i.email),
      cell(i.phone),
      cell(i.website),
      cell(i.address),
      cell(i.notes),
    ]),
  };
}

/**
 * Areas in tree order, each parent before its children and siblings by name, so that the file
 * imports back as is (an area's `area_superior` must appear above it). Areas whose parent is not
 * in the list (filtered out) start their own branch.
 */
export function treeOrder(items: Area[]): Area[] {
  const ids = new Set(items.map((a) => a.id));
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, 'es');
  const children = new Map<string | null, Area[]>();
  for (const a of items) {
    const key = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(key, [...(children.get(key) ?? []), a]);
  }
  const out: Area[] = [];
  const seen = new Set<string>();
  const visit = (a: Area) => {
    if (seen.has(a.id)) return;
    seen.add(a.id);
    out.push(a);
    for (const child of (children.get(a.id) ?? []).sort(byName)) visit(child);
  };
  for (const root of (children.get(null) ?? []).sort(byName)) visit(root);
  // A cycle (which the services prevent) would leave areas unvisited: list them anyway.
  for (const a of [...items].sort(byName)) visit(a);
  return out;
}

export function areaTable(items: Area[], allAreas: Area[] = items): Table {
  const names = new Map(allAreas.map((a) => [a.id, a.name]));
  return {
    columns: AREA_COLUMNS,
    rows: treeOrder(items).map((a) => [
      a.name,
      cell(a.acronym),
      a.kind,
      a.parentId ? cell(names.get(a.parentId)) : '',
      a.aliases.join(` ${LIST_SEPARATOR} `),
      a.currentHead
        ? a.currentHead.personName +
          (a.currentHead.headKind === 'encargado_de_despacho' ? ' (encargado(a) de despacho)' : '')
        : '',
    ]),
  };
}

/** "Directora de Vinculación — Secretaría Ejecutiva". */
export function positionText(p: Position): string {
  const where = p.areaName ?? p.institutionName;
  return where ? `${p.title} — ${where}` : p.title;
}

export function personTable(items: Person[]): Table {
  return {
    columns: PERSON_COLUMNS,
    rows: items.map((p) => [
      p.fullName,
      cell(p.honorific),
      p.gender,
      p.aliases.join(` ${LIST_SEPARATOR} `),
      cell(p.email),
      cell(p.phone),
      cell(p.notes),
      p.currentPositions.map(positionText).join(` ${LIST_SEPARATOR} `),
    ]),
  };
}
