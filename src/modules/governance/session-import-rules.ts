import { LocalDateSchema } from '../../shared/dates';
import { fold } from '../../shared/fold';
import type { ImportCellProblem, ImportRowPlan } from '../../shared/import-plan';
import { formatLongDate } from '../../shared/spanish-dates';
import { codeOf, LIST_SEPARATOR, type Column, type EnumLabels } from '../platform/spreadsheets/columns';
import { restoreFormulaText } from '../platform/spreadsheets/formula-guards';
import { dayFromCell } from '../platform/spreadsheets/import-plan';
import type { HeaderMap, SheetRow } from '../platform/spreadsheets/import-problems';
import type { SessionKind, SessionModality } from './contract';
import { formatAgreementNumber, parseAgreementNumber, quorum, seatOf, type RosterSeat } from './rules';

// The rules of importing past sessions of the collegiate bodies from a spreadsheet, with no I/O:
// one row names a session (body, kind, day, start time) and optionally one agreement adopted at
// it; a session with several agreements takes several rows that repeat its columns. Attendance is
// written as the names of who attended and who did not, resolved against the body's roster of that
// day. Rows are planned against the registered sessions and agreements and against the earlier rows
// of the same file (ADR 0032's dry run).

const KIND_LABELS: EnumLabels<SessionKind> = {
  ordinaria: ['Ordinaria'],
  extraordinaria: ['Extraordinaria'],
  urgente: ['Urgente'],
};
const MODALITY_LABELS: EnumLabels<SessionModality> = {
  presencial: ['Presencial'],
  a_distancia: ['A distancia', 'Virtual', 'En línea'],
  hibrida: ['Híbrida'],
};

export const SESSION_IMPORT_COLUMNS: readonly Column[] = [
  { header: 'Órgano', field: 'body', type: 'text', required: true, width: 12 },
  { header: 'Tipo de sesión', field: 'kind', type: 'enum', required: true, labels: KIND_LABELS, width: 16 },
  { header: 'Fecha', field: 'heldOn', type: 'text', required: true, width: 12 },
  { header: 'Hora de inicio', field: 'startTime', type: 'text', width: 10 },
  { header: 'Hora de término', field: 'endTime', type: 'text', width: 10 },
  { header: 'Modalidad', field: 'modality', type: 'enum', labels: MODALITY_LABELS, width: 14 },
  { header: 'Lugar', field: 'place', type: 'text', width: 30 },
  { header: 'Asistieron', field: 'present', type: 'text', width: 60 },
  { header: 'No asistieron', field: 'absent', type: 'text', width: 40 },
  { header: 'Acuerdo', field: 'agreement', type: 'text', width: 18 },
  { header: 'Título del acuerdo', field: 'agreementTitle', type: 'text', width: 60 },
];

/** An example row of the template: the reference's first ordinary session of the CVOE in 2024. */
export const SESSION_TEMPLATE_ROW = [
  'CVOE',
  'Ordinaria',
  '26/01/2024',
  '11:00',
  '12:30',
  'Híbrida',
  'Sala de juntas de la Secretaría Ejecutiva',
  'María López Ramírez | Juan Pérez Soto | Partido Acción Nacional',
  'Laura Méndez Cruz',
  'CVOE/001/2024',
  'Programa anual de trabajo de la Comisión',
];

export const sessionKindLabel = (kind: SessionKind) => KIND_LABELS[kind][0]!;
export const modalityLabel = (modality: SessionModality) => MODALITY_LABELS[modality][0]!;

const header = (field: string) => SESSION_IMPORT_COLUMNS.find((c) => c.field === field)!.header;

export type ImportBody = {
  id: string;
  acronym: string;
  agreementPrefix: string;
  createdOn: string;
  endedOn: string | null;
};

/** A registered session as the import compares rows with it. */
export type RegisteredSession = {
  id: string;
  bodyId: string;
  kind: SessionKind;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  modality: SessionModality;
  place: string | null;
  cancelled: boolean;
  minutesApproved: boolean;
  /** Recorded attendance: membership → present. */
  attendance: ReadonlyMap<string, boolean>;
};

export type RegisteredAgreement = {
  bodyId: string;
  year: number;
  number: number;
  title: string;
  sessionId: string | null;
};

/** The names a roster's seats answer to: the person's full name, or the party's name. */
export type SeatNames = { people: ReadonlyMap<string, string>; institutions: ReadonlyMap<string, string> };

export type ImportContext = {
  today: string;
  bodies: readonly ImportBody[];
  /** The roster of a body on a day (`${bodyId}|${day}`), prefetched for every day the file names. */
  rosters: ReadonlyMap<string, readonly RosterSeat[]>;
  names: SeatNames;
  sessions: readonly RegisteredSession[];
  agreements: readonly RegisteredAgreement[];
};

export type AttendanceEntry = Omit<RosterSeat, 'voting' | 'sortOrder' | 'areaId'> & { present: boolean };

export type SessionValues = {
  bodyId: string;
  kind: SessionKind;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  modality: SessionModality;
  place: string | null;
};

export type PlannedSessionRow = {
  plan: ImportRowPlan;
  /** The session key; the first row of a new session creates it. */
  sessionKey?: string;
  createSession?: SessionValues;
  /** The session registered already, when the row's session is one. */
  existingSessionId?: string;
  /** Attendance to record (a new session, or a registered one without attendance). */
  attendance?: AttendanceEntry[];
  agreement?: { bodyId: string; year: number; number: number; title: string; adoptedOn: string };
};

/** The body's key and the day a row names, for the importer to fetch that day's roster first. */
export function rowBodyAndDay(
  headerMap: HeaderMap,
  sheetRow: SheetRow,
  bodies: readonly ImportBody[],
): { bodyId: string; day: string } | undefined {
  const cell = cellsOf(headerMap, sheetRow);
  const body = bodyNamed(bodies, cell.body ?? '');
  const day = dayFromCell(cell.heldOn ?? '');
  return body && LocalDateSchema.safeParse(day).success ? { bodyId: body.id, day } : undefined;
}

function cellsOf(headerMap: HeaderMap, sheetRow: SheetRow): Record<string, string> {
  const cell: Record<string, string> = {};
  for (const [column, index] of headerMap.at)
    cell[column.field] = restoreFormulaText((sheetRow.cells[index] ?? '').trim());
  return cell;
}

const bodyNamed = (bodies: readonly ImportBody[], text: string) =>
  bodies.find((b) => fold(b.acronym) === fold(text));

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const time = (text: string) => {
  const m = TIME.exec(text);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
};

function day(text: string, problems: ImportCellProblem[]): string | undefined {
  const value = dayFromCell(text);
  const parsed = LocalDateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.push({
    field: header('heldOn'),
    message: /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? parsed.error.issues[0]!.message
      : `«${text}» no es una fecha: escríbala como DD/MM/AAAA (p. ej. 26/01/2024)`,
  });
  return undefined;
}

const names = (text: string | undefined) =>
  (text ?? '')
    .split(LIST_SEPARATOR)
    .map((n) => n.trim())
    .filter(Boolean);

/** Who a name is among the day's seats: a person by full name, a party by its name. */
function seatNamed(seats: readonly RosterSeat[], seatNames: SeatNames, name: string) {
  const key = fold(name);
  for (const s of seats) {
    if (
      s.role !== 'party_representation' &&
      s.personId &&
      fold(seatNames.people.get(s.personId) ?? '') === key
    )
      return seatOf(seats, { personId: s.personId });
    if (s.institutionId && fold(seatNames.institutions.get(s.institutionId) ?? '') === key)
      return seatOf(seats, { institutionId: s.institutionId });
  }
  return undefined;
}

const sameAttendance = (a: readonly AttendanceEntry[], recorded: ReadonlyMap<string, boolean>) =>
  a.length === recorded.size && a.every((e) => recorded.get(e.membershipId) === e.present);

/**
 * Plans every row. A session is known by its body, kind, day and start time; an agreement by its
 * body and number. A new session is created with its attendance, a new agreement is recorded with
 * its number (the year's numbering continues after it); a row equal to what is registered changes
 * nothing, so the same file twice changes nothing. A registered session without attendance gets
 * the file's (an update); any other difference with what is registered is refused, since a
 * session and its agreements are corrected on their page, where their minutes and follow-up hang.
 */
export function planSessionRows(
  headerMap: HeaderMap,
  rows: readonly SheetRow[],
  ctx: ImportContext,
): PlannedSessionRow[] {
  const fileSessions = new Map<
    string,
    { row: number; values: SessionValues; attendance: AttendanceEntry[] | null }
  >();
  const fileAgreements = new Map<string, number>();
  const quorumOf = new Map<string, ReturnType<typeof quorum> | null>();
  return rows.map((sheetRow) => {
    const cell = cellsOf(headerMap, sheetRow);
    const problems: ImportCellProblem[] = [];
    const problem = (field: string, message: string) => problems.push({ field: header(field), message });
    for (const field of ['body', 'kind', 'heldOn'])
      if (!cell[field]) problem(field, 'Este dato es obligatorio');

    const body = cell.body ? bodyNamed(ctx.bodies, cell.body) : undefined;
    if (cell.body && !body)
      problem(
        'body',
        ctx.bodies.length
          ? `Órgano colegiado no registrado: «${cell.body}». Escriba sus siglas: ${ctx.bodies.map((b) => b.acronym).join(', ')}`
          : `Órgano colegiado no registrado: «${cell.body}». Registre primero sus órganos colegiados`,
      );
    const enumOf = <C extends string>(field: string, labels: EnumLabels<C>): C | undefined => {
      if (!cell[field]) return undefined;
      const code = codeOf(labels, cell[field]);
      if (!code)
        problem(
          field,
          `Valor no reconocido: «${cell[field]}». Use uno de: ${Object.values<readonly string[]>(labels)
            .map((l) => l[0])
            .join(', ')}`,
        );
      return code;
    };
    const kind = enumOf('kind', KIND_LABELS);
    const modality = enumOf('modality', MODALITY_LABELS) ?? 'presencial';
    const heldOn = cell.heldOn ? day(cell.heldOn, problems) : undefined;
    if (heldOn && heldOn > ctx.today)
      problem('heldOn', 'Se importan sesiones ya celebradas: la fecha no puede ser futura');
    if (heldOn && body && (heldOn < body.createdOn || (body.endedOn && heldOn > body.endedOn)))
      problem('heldOn', `La fecha está fuera de la vigencia de la ${body.acronym}`);
    const startTime = cell.startTime ? time(cell.startTime) : null;
    const endTime = cell.endTime ? time(cell.endTime) : null;
    if (startTime === undefined)
      problem('startTime', `«${cell.startTime}» no es una hora: escríbala como HH:MM (p. ej. 11:00)`);
    if (endTime === undefined)
      problem('endTime', `«${cell.endTime}» no es una hora: escríbala como HH:MM (p. ej. 12:30)`);
    if (startTime && endTime && endTime < startTime)
      problem('endTime', 'La hora de término es anterior a la de inicio');

    // Attendance, by name, against the roster of that day.
    let attendance: AttendanceEntry[] | null = null;
    const listed = [
      ...names(cell.present).map((n) => [n, true] as const),
      ...names(cell.absent).map((n) => [n, false] as const),
    ];
    if (listed.length && body && heldOn) {
      const seats = ctx.rosters.get(`${body.id}|${heldOn}`) ?? [];
      attendance = [];
      const seen = new Set<string>();
      for (const [name, present] of listed) {
        const field = present ? 'present' : 'absent';
        const seat = seatNamed(seats, ctx.names, name);
        if (!seat) {
          problem(
            field,
            `«${name}» no tenía cargo ni invitación en la ${body.acronym} el ${formatLongDate(heldOn)} (escriba el nombre como en el directorio, o el del partido)`,
          );
        } else if (seen.has(seat.membershipId)) {
          problem(field, `«${name}» aparece dos veces en la asistencia`);
        } else {
          seen.add(seat.membershipId);
          attendance.push({
            membershipId: seat.membershipId,
            role: seat.role,
            personId: seat.personId,
            institutionId: seat.institutionId,
            headKind: seat.headKind,
            present,
          });
        }
      }
      const voting = seats.filter((s) => s.voting);
      const votingPresent = voting.filter((s) =>
        attendance!.some((a) => a.membershipId === s.membershipId && a.present),
      );
      quorumOf.set(`${body.id}|${heldOn}`, quorum(voting.length, votingPresent.length));
    }

    // The agreement, with the body's number.
    let agreement: PlannedSessionRow['agreement'];
    if (cell.agreement && body) {
      const parsed = parseAgreementNumber(body.agreementPrefix, cell.agreement.trim());
      if (!parsed)
        problem(
          'agreement',
          `Número inválido para la ${body.acronym}: escríbalo como ${formatAgreementNumber(body.agreementPrefix, 1, Number((heldOn ?? ctx.today).slice(0, 4)))}`,
        );
      else if (heldOn && String(parsed.year) !== heldOn.slice(0, 4))
        problem('agreement', 'El año del número no coincide con el de la sesión');
      if (!cell.agreementTitle) problem('agreementTitle', 'Escriba el título del acuerdo');
      if (parsed && heldOn && cell.agreementTitle)
        agreement = {
          bodyId: body.id,
          year: parsed.year,
          number: parsed.number,
          title: cell.agreementTitle,
          adoptedOn: heldOn,
        };
    } else if (cell.agreementTitle) {
      problem('agreement', 'Escriba el número del acuerdo que lleva ese título');
    }

    const label = [
      body?.acronym ?? cell.body,
      cell.heldOn,
      kind ? sessionKindLabel(kind).toLowerCase() : cell.kind,
      cell.agreement,
    ]
      .filter(Boolean)
      .join(' · ');
    const refused = (more: ImportCellProblem[] = []): PlannedSessionRow => ({
      plan: {
        row: sheetRow.row,
        outcome: 'refused',
        label: label || '—',
        changes: [],
        problems: [...problems, ...more],
      },
    });
    if (problems.length || !body || !kind || !heldOn || startTime === undefined || endTime === undefined)
      return refused();

    const values: SessionValues = {
      bodyId: body.id,
      kind,
      heldOn,
      startTime,
      endTime,
      modality,
      place: cell.place || null,
    };
    const sessionKey = `${body.id}|${heldOn}|${kind}|${startTime ?? ''}`;

    // Later rows of the same session repeat its columns (or leave them empty).
    const earlier = fileSessions.get(sessionKey);
    if (earlier) {
      const differ: string[] = [];
      if (cell.endTime && earlier.values.endTime !== endTime) differ.push(header('endTime'));
      if (cell.modality && earlier.values.modality !== modality) differ.push(header('modality'));
      if (cell.place && earlier.values.place !== values.place) differ.push(header('place'));
      if (
        attendance &&
        (!earlier.attendance ||
          !sameAttendance(attendance, new Map(earlier.attendance.map((a) => [a.membershipId, a.present]))))
      )
        differ.push(header('present'));
      if (differ.length)
        return refused([
          {
            field: differ[0]!,
            message: `La misma sesión lleva otros datos en la fila ${earlier.row} (${differ.join(', ')})`,
          },
        ]);
      attendance = earlier.attendance;
    }

    const registered = ctx.sessions.find(
      (s) =>
        s.bodyId === body.id &&
        s.heldOn === heldOn &&
        s.kind === kind &&
        (s.startTime ?? '') === (startTime ?? ''),
    );
    const planned: PlannedSessionRow = {
      plan: { row: sheetRow.row, outcome: 'unchanged', label, changes: [], problems: [] },
      sessionKey,
    };
    if (registered) {
      planned.existingSessionId = registered.id;
      if (registered.cancelled)
        return refused([{ field: header('heldOn'), message: 'Esa sesión está registrada como cancelada' }]);
      const differ: string[] = [];
      if (cell.endTime && registered.endTime !== endTime) differ.push(header('endTime'));
      if (cell.modality && registered.modality !== modality) differ.push(header('modality'));
      if (cell.place && (registered.place ?? '') !== values.place) differ.push(header('place'));
      if (attendance && registered.attendance.size && !sameAttendance(attendance, registered.attendance))
        differ.push(header('present'));
      if (differ.length)
        return refused([
          {
            field: differ[0]!,
            message: `La sesión ya está registrada con otros datos (${differ.join(', ')}); una sesión registrada se corrige en su página, no con un archivo`,
          },
        ]);
      if (attendance && !registered.attendance.size && !earlier) {
        if (registered.minutesApproved)
          return refused([
            {
              field: header('present'),
              message: 'La minuta de esa sesión ya fue aprobada: su asistencia no puede modificarse',
            },
          ]);
        planned.attendance = attendance;
        planned.plan.outcome = 'update';
        planned.plan.changes = [header('present')];
      }
    } else if (!earlier) {
      planned.createSession = values;
      planned.attendance = attendance ?? undefined;
      planned.plan.outcome = 'create';
    }
    if (!earlier) fileSessions.set(sessionKey, { row: sheetRow.row, values, attendance });

    if (agreement) {
      const number = cell.agreement!.trim();
      const key = `${agreement.bodyId}|${agreement.year}|${agreement.number}`;
      const repeated = fileAgreements.get(key);
      if (repeated !== undefined)
        return refused([
          {
            field: header('agreement'),
            message: `El acuerdo ${number} ya aparece en la fila ${repeated} del archivo`,
          },
        ]);
      fileAgreements.set(key, sheetRow.row);
      const q = quorumOf.get(`${body.id}|${heldOn}`);
      if (q && !q.reached)
        return refused([
          {
            field: header('agreement'),
            message: `Sin quórum no se adoptan acuerdos: asistieron ${q.votingPresent} de ${q.votingMembers} integrantes con voto (se requieren ${q.required})`,
          },
        ]);
      const known = ctx.agreements.find(
        (a) => a.bodyId === agreement.bodyId && a.year === agreement.year && a.number === agreement.number,
      );
      if (known) {
        const sameSession = registered ? known.sessionId === registered.id : false;
        if (!sameSession || fold(known.title) !== fold(agreement.title))
          return refused([
            {
              field: header(sameSession ? 'agreementTitle' : 'agreement'),
              message: `El acuerdo ${number} ya está registrado ${sameSession ? 'con otro título' : 'en otra sesión'}; se corrige en su página, no con un archivo`,
            },
          ]);
      } else {
        planned.agreement = agreement;
        if (planned.plan.outcome === 'unchanged') planned.plan.outcome = 'create';
      }
    }
    return planned;
  });
}
