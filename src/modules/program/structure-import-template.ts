import type { Db } from '../platform/db/client';
import type { Column } from '../platform/spreadsheets/columns';
import { CONTENT_TYPES, toCsv, toXlsxBook } from '../platform/spreadsheets/write-spreadsheet';
import { recordSources } from './record-sources';
import * as repo from './repository';
import { PROGRAM_IMPORT_COLUMNS, PROGRAM_TEMPLATE_ROW } from './structure-import-rules';

const NOTE_COLUMNS: readonly Column[] = [
  { header: 'Columna', field: 'column', type: 'exportOnly', width: 22 },
  { header: 'Qué escribir', field: 'what', type: 'exportOnly', width: 110 },
];

/**
 * The template of the program's structure import: headers and an example row; as XLSX, a second
 * sheet says what each column takes, with the organization's own activity kinds and series.
 */
export async function programImportTemplate(db: Db, orgId: string, format: 'csv' | 'xlsx') {
  const table = { columns: PROGRAM_IMPORT_COLUMNS, rows: [PROGRAM_TEMPLATE_ROW] };
  let body: Buffer;
  if (format === 'csv') body = toCsv(table);
  else {
    const kinds = (await repo.listActivityKinds(db, orgId)).map((k) => k.name).join(', ');
    const series = (await repo.listSeriesRows(db, orgId)).map((s) => s.name).join(', ') || 'ninguna todavía';
    const notes = [
      ['Línea', 'Obligatoria. El número de la línea, de 1 a 99.'],
      ['Título de la línea', 'Obligatorio. Igual en todas las filas de la misma línea.'],
      [
        'Objetivo',
        'La letra del objetivo (A, B, …); vacía si la fila es de la línea sola o de una meta de la línea.',
      ],
      [
        'Título del objetivo',
        'Obligatorio si escribe la letra. Igual en todas las filas del mismo objetivo.',
      ],
      ['Meta', 'El texto de la meta; vacía si la fila solo registra la línea o el objetivo.'],
      ['Cantidad mínima', 'Con meta: un número entero.'],
      ['Unidad', 'Con meta: lo que se cuenta (reuniones, números, carteles…).'],
      ['Desde / Hasta', 'El periodo de la meta (dd/mm/aaaa). Vacíos: todo el año del programa.'],
      [
        'Se cuenta con',
        `Actividades (o vacío), Números de una publicación, o los registros de otro módulo: ${recordSources()
          .map((r) => r.label)
          .join('; ')}.`,
      ],
      [
        'Tipo o serie',
        `Con Actividades, un tipo de actividad (${kinds}); con Números de una publicación, la serie (${series}).`,
      ],
    ];
    body = await toXlsxBook([
      { name: 'Programa', table },
      { name: 'Instrucciones', table: { columns: NOTE_COLUMNS, rows: notes } },
    ]);
  }
  return { body, contentType: CONTENT_TYPES[format], filename: `plantilla-programa.${format}` };
}
