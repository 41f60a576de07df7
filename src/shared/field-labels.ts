import { z } from 'zod';

declare module 'zod/v4/core' {
  interface GlobalMeta {
    /**
     * The field's name as a sentence uses it, with its article ("el asunto", "la fecha de envío"):
     * validation messages name the field by it, on the server and in the browser.
     */
    label?: string;
  }
}

/**
 * Names of the API's fields by their key, for the fields whose contract gives no `.meta({ label })`.
 * A contract labels a field itself when the generic name would be vague there ("kind" → "el tipo de
 * institución"); the key's name here is the fallback, so that no message ever shows a key.
 */
export const FIELD_LABELS: Record<string, string> = {
  accreditationNumber: 'el número de acreditación',
  accreditationStatus: 'el estado de la acreditación',
  acronym: 'las siglas',
  activityKind: 'el tipo de actividad',
  address: 'el domicilio',
  adoptedOn: 'la fecha de aprobación',
  affiliation: 'la institución de procedencia',
  agenda: 'el orden del día',
  agendaItemId: 'el punto de la agenda',
  agreementId: 'el acuerdo',
  agreementNumber: 'el número de acuerdo',
  agreementPrefix: 'el prefijo de los acuerdos',
  agreementRef: 'el acuerdo',
  agreementReference: 'la referencia del acuerdo',
  alertLeadDays: 'la anticipación del aviso',
  alertRepeatDays: 'la frecuencia del aviso',
  aliases: 'los otros nombres',
  amendingInstrumentId: 'el instrumento modificatorio',
  approvedByAgreementId: 'el acuerdo de aprobación',
  approvedByText: 'el acuerdo de aprobación',
  approvedOn: 'la fecha de aprobación',
  arcoRequestId: 'la solicitud ARCO',
  areaId: 'el área',
  areaIds: 'las áreas',
  areaName: 'el nombre del área',
  arrivalTime: 'la hora de llegada',
  audience: 'el público',
  baseId: 'la base de contactos',
  baseIds: 'las bases de contactos',
  body: 'el texto',
  bodyId: 'el órgano colegiado',
  businessDaysLeft: 'los días hábiles restantes',
  cadence: 'la periodicidad',
  casillaType: 'el tipo de casilla',
  changedOn: 'la fecha del cambio',
  changes: 'los cambios',
  channel: 'el canal',
  channels: 'los canales',
  city: 'la ciudad',
  code: 'la clave',
  consent: 'el consentimiento',
  contactId: 'el contacto',
  contactName: 'el nombre del contacto',
  contactedOn: 'la fecha de contacto',
  content: 'el contenido',
  convokedOn: 'la fecha de la convocatoria',
  count: 'el tipo de días',
  country: 'el país',
  createdByAgreement: 'el acuerdo de creación',
  createdOn: 'la fecha de creación',
  currentPassword: 'la contraseña actual',
  date: 'la fecha',
  dates: 'las fechas',
  day: 'el día',
  days: 'el número de días',
  decidedOn: 'la fecha de la decisión',
  decision: 'la decisión',
  departureTime: 'la hora de salida',
  description: 'la descripción',
  designation: 'el cargo',
  disabled: 'la desactivación',
  distribution: 'la distribución',
  documentType: 'el tipo de documento',
  dsn: 'el aviso de rebote',
  dueOn: 'la fecha límite',
  dueRule: 'el plazo',
  election: 'la elección',
  electionDay: 'la jornada electoral',
  email: 'el correo electrónico',
  endTime: 'la hora de término',
  endedOn: 'la fecha de término',
  endsOn: 'la fecha de término',
  entries: 'las entradas',
  event: 'el movimiento',
  evidence: 'la evidencia',
  extendedOn: 'la fecha de la prórroga',
  extensionReason: 'el motivo de la prórroga',
  externalSource: 'la fuente externa',
  folio: 'el folio',
  from: 'la fecha inicial',
  fromLabel: 'el remitente',
  fulfilled: 'el cumplimiento',
  fullName: 'el nombre completo',
  gender: 'el género',
  givenOn: 'la fecha de emisión',
  groupId: 'el grupo',
  half: 'la quincena',
  headKind: 'el tipo de titularidad',
  heldOn: 'la fecha de celebración',
  historical: 'el registro histórico',
  honorific: 'el tratamiento',
  htmlTemplate: 'la plantilla HTML',
  informedTo: 'a quién se informó',
  institutionId: 'la institución',
  institutionIds: 'las instituciones',
  institutionName: 'el nombre de la institución',
  instrumentId: 'el instrumento',
  invitingInstitutionId: 'la institución que invita',
  items: 'los elementos',
  key: 'la clave',
  kind: 'el tipo',
  level: 'el ámbito',
  line: 'la línea',
  lineId: 'la línea de acción',
  linkPreposition: 'la preposición del enlace',
  memberships: 'los integrantes',
  minimumCount: 'el mínimo',
  minutesText: 'el texto del acta',
  modality: 'la modalidad',
  mode: 'el modo',
  module: 'el módulo',
  month: 'el mes',
  name: 'el nombre',
  nationality: 'la nacionalidad',
  nature: 'la naturaleza',
  newEnd: 'la nueva fecha de término',
  newPassword: 'la contraseña nueva',
  note: 'la nota',
  notes: 'las notas',
  number: 'el número',
  object: 'el objeto',
  objectiveId: 'el objetivo',
  occurredOn: 'la fecha',
  on: 'la fecha',
  openedOn: 'la fecha de apertura',
  opinionPrefix: 'el prefijo de los dictámenes',
  ordinal: 'el número',
  organization: 'la organización',
  organizationIsParty: 'si la organización es parte',
  outcome: 'el resultado',
  owedByAreaId: 'el área responsable',
  owedByInstitutionId: 'la institución responsable',
  paragraphs: 'los párrafos',
  participants: 'los participantes',
  partners: 'las contrapartes',
  partyIds: 'las partes',
  password: 'la contraseña',
  period: 'el periodo',
  periodEnd: 'el fin del periodo',
  periodStart: 'el inicio del periodo',
  personId: 'la persona',
  personName: 'el nombre de la persona',
  phone: 'el teléfono',
  place: 'el lugar',
  present: 'la asistencia',
  privacyNoticeVersion: 'la versión del aviso de privacidad',
  process: 'el proceso',
  publishedOn: 'la fecha de publicación',
  purpose: 'el propósito',
  ratePerSecond: 'la velocidad de envío',
  reason: 'el motivo',
  receivedOn: 'la fecha de recepción',
  recipientOrgIds: 'los destinatarios',
  recordSources: 'las fuentes de registro',
  registrantIds: 'las personas registradas',
  renewalTerms: 'los términos de renovación',
  renewedOn: 'la fecha de renovación',
  requestedOn: 'la fecha de solicitud',
  resolution: 'la resolución',
  resolvedOn: 'la fecha de resolución',
  reviewedOn: 'la fecha de revisión',
  role: 'el rol',
  roles: 'los roles',
  route: 'la ruta',
  scheduledAt: 'la fecha y hora programada',
  section: 'el apartado',
  segmentTags: 'las etiquetas',
  send: 'el envío',
  sentOn: 'la fecha de envío',
  seriesId: 'la serie',
  sessionId: 'la sesión',
  signedOn: 'la fecha de firma',
  sortOrder: 'el orden',
  source: 'la fuente',
  startTime: 'la hora de inicio',
  startsOn: 'la fecha de inicio',
  status: 'el estado',
  statusOn: 'la fecha del estado',
  stops: 'las paradas',
  subject: 'el asunto',
  system: 'el sistema',
  tags: 'las etiquetas',
  text: 'el texto',
  textTemplate: 'la plantilla de texto',
  title: 'el título',
  to: 'la fecha final',
  toAll: 'el envío a todos',
  tool: 'la herramienta',
  topic: 'el tema',
  trackOpens: 'el seguimiento de aperturas',
  typeId: 'el tipo',
  unit: 'la unidad',
  updatedOn: 'la fecha de actualización',
  userId: 'el usuario',
  validFrom: 'el inicio de la vigencia',
  validUntil: 'el fin de la vigencia',
  validityKind: 'el tipo de vigencia',
  vote: 'el voto',
  voteKind: 'el tipo de votación',
  votes: 'los votos',
  website: 'el sitio web',
  whatsapp: 'el WhatsApp',
  withdrawnOn: 'la fecha de retiro',
  year: 'el año',
  page: 'la página',
  pageSize: 'el tamaño de página',
  q: 'la búsqueda',
  id: 'el registro',
};

type Def = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  items?: readonly z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
};

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;
const metaLabel = (schema: z.core.$ZodType | undefined) =>
  schema ? z.globalRegistry.get(schema)?.label : undefined;

/** The schema and its wrappers (optional, nullable, default, pipe…) from the outside in. */
function layers(schema: z.core.$ZodType): z.core.$ZodType[] {
  const out: z.core.$ZodType[] = [];
  let s: z.core.$ZodType | undefined = schema;
  while (s && out.length < 20) {
    out.push(s);
    const d = defOf(s);
    s = d.type === 'pipe' ? d.in : d.type === 'lazy' ? d.getter?.() : d.innerType;
  }
  return out;
}

/** The schemas that may describe `segment` inside `schema` (unions offer several). */
function childrenAt(schema: z.core.$ZodType, segment: PropertyKey): z.core.$ZodType[] {
  const found: z.core.$ZodType[] = [];
  for (const layer of layers(schema)) {
    const d = defOf(layer);
    if (d.type === 'object' && typeof segment === 'string' && d.shape?.[segment])
      found.push(d.shape[segment]);
    if (d.type === 'array' && typeof segment === 'number' && d.element) found.push(d.element);
    if (d.type === 'tuple' && typeof segment === 'number' && d.items?.[segment]) found.push(d.items[segment]);
    if (d.type === 'record' && d.valueType) found.push(d.valueType);
    if (d.type === 'union') for (const o of d.options ?? []) found.push(...childrenAt(o, segment));
    if (d.type === 'intersection')
      for (const side of [d.left, d.right]) if (side) found.push(...childrenAt(side, segment));
  }
  return found;
}

/** The `.meta({ label })` given to the field at `path` of `root`, wrappers included. */
function labelInSchema(root: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  let candidates = [root];
  for (const segment of path) {
    candidates = candidates.flatMap((c) => childrenAt(c, segment));
    if (candidates.length === 0) return undefined;
  }
  for (const c of candidates) for (const layer of layers(c)) if (metaLabel(layer)) return metaLabel(layer);
  return undefined;
}

/** The last named segment of a path: "agenda.0.day" → "day"; "aliases.2" → "aliases". */
function fieldKey(path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/**
 * The human name of the field an issue is about: the contract's `.meta({ label })` on that field
 * (looked up from `root` along the path, or on the schema that raised the issue), else the name of
 * its key in FIELD_LABELS.
 */
export function fieldLabel(
  path: readonly PropertyKey[],
  options: { root?: z.core.$ZodType; schema?: z.core.$ZodType; inst?: unknown } = {},
): string | undefined {
  const fromRoot = options.root ? labelInSchema(options.root, path) : undefined;
  if (fromRoot) return fromRoot;
  const own = metaLabel(options.schema) ?? metaLabel(options.inst as z.core.$ZodType | undefined);
  if (own) return own;
  const key = fieldKey(path);
  return key && Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key] : undefined;
}

/** The most characters the text field at `path` of `root` admits (its `.max()`), if it has a limit. */
export function maxLengthAt(root: z.core.$ZodType, path: readonly PropertyKey[]): number | undefined {
  let candidates = [root];
  for (const segment of path) candidates = candidates.flatMap((c) => childrenAt(c, segment));
  for (const c of candidates)
    for (const layer of layers(c)) {
      const checks = (layer._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
      for (const check of checks) {
        const d = check._zod.def as { check: string; maximum?: number };
        if (d.check === 'max_length' && typeof d.maximum === 'number') return d.maximum;
      }
    }
  return undefined;
}
