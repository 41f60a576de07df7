import type { Db } from '../platform/db/client';
import type { Column } from '../platform/spreadsheets/columns';
import { CONTENT_TYPES, toCsv, toXlsxBook } from '../platform/spreadsheets/write-spreadsheet';
import * as repo from './repository';
import { SESSION_IMPORT_COLUMNS, SESSION_TEMPLATE_ROW } from './session-import-rules';

const NOTE_COLUMNS: readonly Column[] = [
  { header: 'Columna', field: 'column', type: 'exportOnly', width: 22 },
  { header: 'Qué escribir', field: 'what', type: 'exportOnly', width: 110 },
];

/**
 * The template of the sessions import: headers and an example row; as XLSX, a second sheet says
 * what each column takes, with the organization's own bodies and their agreement numbers.
 */
export async function sessionImportTemplate(db: Db, orgId: string, format: 'csv' | 'xlsx') {
  const table = { columns: SESSION_IMPORT_COLUMNS, rows: [SESSION_TEMPLATE_ROW] };
  let body: Buffer;
  if (format === 'csv') body = toCsv(table);
  else {
    const bodies = await repo.listBodies(db, orgId);
    const acronyms = bodies.map((b) => `${b.acronym} (acuerdos ${b.agreementPrefix}001/AAAA)`).join(', ');
    const notes = [
      [
        'Órgano',
        `Obligatorio. Las siglas del órgano colegiado: ${acronyms || 'registre primero sus órganos'}.`,
      ],
      ['Tipo de sesión', 'Obligatorio. Ordinaria, Extraordinaria o Urgente.'],
      ['Fecha', 'Obligatoria. El día en que se celebró (dd/mm/aaaa); no puede ser futura.'],
      [
        'Hora de inicio / Hora de término',
        'HH:MM. Dos sesiones del mismo tipo el mismo día se distinguen por la hora de inicio.',
      ],
      ['Modalidad', 'Presencial (si la deja vacía), A distancia o Híbrida.'],
      ['Lugar', 'Donde se celebró.'],
      [
        'Asistieron / No asistieron',
        'Los nombres completos, como en el directorio, separados por «|»; de una representación partidista, el nombre del partido. Cada quien debe tener cargo o invitación en el órgano ese día.',
      ],
      [
        'Acuerdo',
        'El número que ya tiene el acuerdo adoptado en esa sesión (p. ej. CVOE/001/2024); la numeración del año sigue después del mayor importado.',
      ],
      ['Título del acuerdo', 'Obligatorio si escribe el número.'],
      [
        'Varias filas',
        'Una sesión con varios acuerdos ocupa una fila por acuerdo, con los mismos datos de la sesión.',
      ],
    ];
    body = await toXlsxBook([
      { name: 'Sesiones', table },
      { name: 'Instrucciones', table: { columns: NOTE_COLUMNS, rows: notes } },
    ]);
  }
  return { body, contentType: CONTENT_TYPES[format], filename: `plantilla-sesiones.${format}` };
}
