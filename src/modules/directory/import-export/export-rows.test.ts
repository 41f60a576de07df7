import { describe, expect, it } from 'vitest';
import type { Area, Person } from '../contract';
import { areaTable, personTable, treeOrder } from './export-rows';

const area = (id: string, name: string, parentId: string | null = null, extra: Partial<Area> = {}): Area => ({
  id,
  name,
  acronym: null,
  kind: 'other',
  parentId,
  aliases: [],
  currentHead: null,
  createdAt: '',
  updatedAt: '',
  ...extra,
});

describe('treeOrder', () => {
  it('puts each parent before its children, siblings by name', () => {
    const items = [
      area('d', 'Dirección de Vinculación', 's'),
      area('s', 'Secretaría Ejecutiva'),
      area('c', 'Contraloría Interna'),
      area('b', 'Subcontraloría', 'c'),
      area('a', 'Área de Archivo', 's'),
    ];
    expect(treeOrder(items).map((a) => a.id)).toEqual(['c', 'b', 's', 'a', 'd']);
  });
  it('keeps areas whose parent is not listed, and survives a cycle', () => {
    expect(treeOrder([area('x', 'X', 'missing')]).map((a) => a.id)).toEqual(['x']);
    expect(
      treeOrder([area('x', 'X', 'y'), area('y', 'Y', 'x')])
        .map((a) => a.id)
        .sort(),
    ).toEqual(['x', 'y']);
  });
});

describe('areaTable', () => {
  it('names the parent, joins aliases and shows the current head', () => {
    const table = areaTable([
      area('s', 'Secretaría Ejecutiva', null, { acronym: 'SE', kind: 'executive_secretariat' }),
      area('d', 'Dirección de Vinculación', 's', {
        aliases: ['DVOE', 'Vinculación'],
        currentHead: {
          positionId: 'p',
          personId: 'q',
          personName: 'Ana Pérez',
          headKind: 'encargado_de_despacho',
          title: 'Encargada',
          startsOn: '2024-01-01',
          endsOn: null,
        },
      }),
    ]);
    expect(table.columns.map((c) => c.header)).toEqual([
      'nombre',
      'siglas',
      'tipo',
      'area_superior',
      'alias',
      'titular_actual',
    ]);
    expect(table.rows).toEqual([
      ['Secretaría Ejecutiva', 'SE', 'executive_secretariat', '', '', ''],
      [
        'Dirección de Vinculación',
        '',
        'other',
        'Secretaría Ejecutiva',
        'DVOE | Vinculación',
        'Ana Pérez (encargado(a) de despacho)',
      ],
    ]);
  });
});

describe('personTable', () => {
  it('lists current positions with where they are held', () => {
    const p: Person = {
      id: 'p',
      fullName: 'Ana Pérez',
      honorific: 'Mtra.',
      gender: 'female',
      aliases: [],
      email: 'ana@x.mx',
      phone: null,
      notes: null,
      currentPositions: [
        {
          id: 'x',
          personId: 'p',
          title: 'Directora',
          areaId: 'a',
          areaName: 'DVOE',
          institutionId: null,
          institutionName: null,
          headKind: 'titular',
          startsOn: '2024-01-01',
          endsOn: null,
        },
      ],
      createdAt: '',
      updatedAt: '',
    };
    expect(personTable([p]).rows).toEqual([
      ['Ana Pérez', 'Mtra.', 'female', '', 'ana@x.mx', '', '', 'Directora — DVOE'],
    ]);
  });
});
