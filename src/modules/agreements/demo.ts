import { and, eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import type { InstitutionInput } from '../directory/contract';
import { createInstitution } from '../directory';
import { area, institution } from '../directory/schema';
import { recordAudits } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { InstrumentStatus } from './contract';
import { createInstrument } from './create-instrument';
import { createInstrumentType } from './create-instrument-type';
import { createReview } from './create-review';
import { issueOpinion } from './issue-opinion';
import { recordAccompaniment } from './record-accompaniment';
import { recordReviewDecision } from './record-review-decision';
import * as repo from './repository';
import { requestOpinion } from './request-opinion';
import {
  accompanimentActivity,
  instrument,
  instrumentArea,
  instrumentParty,
  instrumentStatusChange,
  opinion,
  reviewDecision,
} from './schema';
import { chainTitle, type TitlePart } from './title';

// The IECM's agreements register as the reference report (2024-T1) shows it: sections IV.1.F–H,
// V.1.E and annex VI.1.B. Where the report gives no value (signing dates of instruments signed
// before the quarter, the day each opinion was issued, the day of each accompaniment activity, the
// responsible area of the IECM–INE–SSC agreement) the demo uses values marked "synthetic" below.
// The review counts (171 instruments updated in February, 2 in March) are reached with synthetic
// instruments in force, titled as such.

/** Institutions the register needs that the directory demo does not have. */
export const AGREEMENT_INSTITUTIONS: InstitutionInput[] = [
  {
    name: 'Talleres Gráficos de México',
    acronym: 'TGM',
    kind: 'government_agency',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Universidad Nacional Autónoma de México',
    acronym: 'UNAM',
    kind: 'university',
    country: 'MX',
    level: 'national',
  },
  { name: 'World Vision México', acronym: null, kind: 'civil_society', country: 'MX', level: 'national' },
  {
    name: 'Universidad de Santiago de Chile',
    acronym: 'USACH',
    kind: 'university',
    country: 'CL',
    level: 'international',
  },
  {
    name: 'Universidad Rosario Castellanos',
    acronym: 'URC',
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Universidad ICEL (International College for Experienced Learning)',
    acronym: 'ICEL',
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Universidad de la República Mexicana S.C.',
    acronym: 'UNIREM',
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Instituto Tecnológico de Tláhuac III',
    acronym: null,
    kind: 'university',
    country: 'MX',
    level: 'local',
    notes: 'Adscrito al Tecnológico Nacional de México',
  },
  {
    name: 'Poder Judicial de la Ciudad de México',
    acronym: null,
    kind: 'judiciary',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Dirección General para el Bienestar y la Cohesión Social de la Secretaría de Bienestar',
    acronym: 'Bienestar',
    kind: 'government_agency',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Servicio de Administración Tributaria',
    acronym: 'SAT',
    kind: 'government_agency',
    country: 'MX',
    level: 'national',
  },
];

/** Types the IECM added beyond the eleven defaults (the report's opinions name them). */
export const AGREEMENT_EXTRA_TYPES = [
  { name: 'Convenio de Apoyo y Colaboración', gender: 'm' as const },
  { name: 'Convenio General de Colaboración', gender: 'm' as const },
];

const SE = 'Secretaría Ejecutiva';
const SA = 'Secretaría Administrativa';
const DVOE = 'Dirección de Vinculación con Organismos Externos';
const DEOEYG = 'Dirección Ejecutiva de Organización Electoral y Geoestadística';
const DEECYCC = 'Dirección Ejecutiva de Educación Cívica y Construcción de Ciudadanía';
const DPGYDH = 'Dirección de Paridad de Género y Derechos Humanos';
const DEGDH = 'Dirección Ejecutiva de Género, Derechos Humanos, Educación Cívica y Construcción Ciudadana';
const UTSI = 'Unidad Técnica de Servicios Informáticos';
const UTCSYD = 'Unidad Técnica de Comunicación Social y Difusión';
const RAMOS_MEGA = 'Oficina del Consejero Electoral César Ernesto Ramos Mega';
const SUBCONTRALORIA = 'Subcontraloría';

type Seed = {
  key: string;
  type: string;
  parent?: string;
  ordinal?: number;
  designation?: string;
  subject?: string;
  link?: 'a' | 'de';
  parties: string[];
  areas: string[];
  object?: string;
  signedOn?: string;
  validity?: 'dated' | 'indefinite' | 'parent';
  status: InstrumentStatus;
  notes?: string;
};

const INE_SUBJECT = 'entre el IECM y el Instituto Nacional Electoral (INE)';

/** Instruments of the report, parents before children. */
export const AGREEMENT_INSTRUMENTS: Seed[] = [
  // The IECM–INE framework for the 2023-2024 concurrent electoral process and its annexes.
  {
    key: 'ine-general',
    type: 'Convenio General de Coordinación y Colaboración',
    subject: INE_SUBJECT,
    parties: ['INE'],
    areas: [SE, DEOEYG],
    signedOn: '2023-09-08', // synthetic
    validity: 'indefinite',
    status: 'in_force',
    notes: 'Proceso Electoral Concurrente 2023-2024',
  },
  {
    key: 'ine-anexo-tecnico-1',
    type: 'Anexo Técnico',
    parent: 'ine-general',
    ordinal: 1,
    parties: ['INE'],
    areas: [SE, DEOEYG],
    signedOn: '2023-11-10', // synthetic
    validity: 'parent',
    status: 'in_force',
  },
  {
    key: 'ine-anexo-financiero',
    type: 'Anexo Financiero',
    parent: 'ine-anexo-tecnico-1',
    link: 'de',
    parties: ['INE'],
    areas: [DEOEYG, SA],
    signedOn: '2023-11-10', // synthetic
    validity: 'parent',
    status: 'in_force',
  },
  {
    key: 'ine-adenda-1-at',
    type: 'Adenda',
    parent: 'ine-anexo-tecnico-1',
    ordinal: 1,
    link: 'de',
    parties: ['INE'],
    areas: [SE, DEOEYG],
    signedOn: '2023-12-15', // synthetic
    validity: 'parent',
    status: 'in_force',
  },
  {
    key: 'ine-adenda-1-af',
    type: 'Adenda',
    parent: 'ine-anexo-financiero',
    ordinal: 1,
    parties: ['INE'],
    areas: [DEOEYG, SA],
    signedOn: '2023-12-15', // synthetic
    validity: 'parent',
    status: 'in_force',
  },
  {
    // Opinion IECM/SE/DVOE/OP/02/2024 was issued on it; it was in signature at the end of the quarter.
    key: 'ine-adenda-2-af',
    type: 'Adenda',
    parent: 'ine-anexo-financiero',
    ordinal: 2,
    parties: ['INE'],
    areas: [DEOEYG, SA],
    validity: 'parent',
    status: 'signature',
  },
  {
    key: 'ine-adenda-2-at',
    type: 'Adenda',
    parent: 'ine-anexo-tecnico-1',
    ordinal: 2,
    link: 'de',
    parties: ['INE'],
    areas: [SE, DEOEYG],
    signedOn: '2024-03-04',
    validity: 'parent',
    status: 'in_force',
  },
  // Signed in the quarter (IV.1.F).
  {
    key: 'ine-ssc',
    type: 'Convenio de Coordinación y Colaboración',
    subject:
      'entre el IECM, el Instituto Nacional Electoral (INE) y la Secretaría de Seguridad Ciudadana de la Ciudad de México (SSC)',
    parties: ['INE', 'SSC'],
    areas: [DEOEYG], // synthetic: the report names no area
    signedOn: '2024-02-01',
    validity: 'indefinite',
    status: 'in_force',
  },
  {
    key: 'canaco',
    type: 'Convenio General de Apoyo y Colaboración',
    subject:
      'entre el IECM y la Cámara Nacional de Comercio, Servicios y Turismo de la Ciudad de México (CANACO CDMX)',
    parties: ['CANACO CDMX'],
    areas: [SE],
    signedOn: '2024-02-08',
    validity: 'indefinite',
    status: 'in_force',
  },
  // In negotiation, with the DVOE's accompaniment (IV.1.G).
  {
    key: 'bienestar',
    type: 'Convenio de Colaboración',
    subject:
      'entre el IECM y la Dirección General para el Bienestar y la Cohesión Social de la Secretaría de Bienestar (Bienestar)',
    parties: ['Bienestar'],
    areas: [RAMOS_MEGA],
    object:
      'Establecer las bases y mecanismos de colaboración y coordinación conjunta entre las partes para que, en el ámbito de sus respectivas competencias, realicen acciones de capacitación, formación, asesoría, investigación e información, dirigidas a la vinculación y fortalecimiento de las capacidades institucionales en materia electoral, así como de las organizaciones de la sociedad civil vinculadas a tareas de promoción de educación cívica y cultura democrática, desarrollo social, participación ciudadana y derechos político-electorales en la Ciudad de México.',
    status: 'negotiation',
  },
  {
    key: 'itam',
    type: 'Convenio General de Apoyo y Colaboración',
    subject: 'con el Instituto Tecnológico Autónomo de México (ITAM)',
    parties: ['ITAM'],
    areas: [SE],
    object:
      'Establecer las bases generales y mecanismos de apoyo y colaboración para que, en el ámbito de sus respectivas atribuciones, lleven a cabo la organización y desarrollo de actividades conjuntas de cultura política, así como de programas de educación cívica y promoción de participación ciudadana. Asimismo, participar en programas, proyectos y actividades de interés recíproco.',
    status: 'negotiation',
  },
  {
    key: 'sat',
    type: 'Convenio de Colaboración',
    subject: 'entre el IECM y el Servicio de Administración Tributaria (SAT)',
    parties: ['SAT'],
    areas: [DVOE, SUBCONTRALORIA],
    status: 'negotiation',
  },
  // Instruments of the opinions of pertinence (annex VI.1.B).
  {
    key: 'tgm-vigente',
    type: 'Convenio de Apoyo y Colaboración',
    subject: 'entre el IECM y Talleres Gráficos de México (TGM)',
    parties: ['TGM'],
    areas: [DEOEYG],
    signedOn: '2023-10-02', // synthetic
    validity: 'indefinite',
    status: 'in_force',
  },
  {
    key: 'tgm-modificador',
    type: 'Convenio Modificador',
    designation: 'Primer Convenio Modificador',
    parent: 'tgm-vigente',
    parties: ['TGM'],
    areas: [DEOEYG],
    validity: 'parent',
    status: 'negotiation',
  },
  {
    key: 'tgm-nuevo',
    type: 'Convenio de Apoyo y Colaboración',
    subject: 'entre el IECM y Talleres Gráficos de México (TGM)',
    parties: ['TGM'],
    areas: [DEECYCC],
    status: 'negotiation',
    notes:
      'Instrumento nuevo, distinto del convenio vigente con TGM que modifica el Primer Convenio Modificador',
  },
  {
    key: 'amcee',
    type: 'Convenio de Apoyo y Colaboración',
    subject: 'entre el IECM y la Asociación Mexicana de Consejeras Estatales Electorales A. C. (AMCEE)',
    parties: ['AMCEE'],
    areas: [SE, DPGYDH],
    status: 'negotiation',
  },
  {
    key: 'ine-coordinacion',
    type: 'Convenio de Coordinación y Colaboración',
    subject: INE_SUBJECT,
    parties: ['INE'],
    areas: [SE, DEOEYG],
    status: 'negotiation',
  },
  {
    key: 'unam-general',
    type: 'Convenio General de Colaboración',
    designation:
      'Convenio General de Colaboración Académica, Científica y Cultura en materia Político-Electoral',
    subject:
      'entre el IECM y la Universidad Nacional Autónoma de México (UNAM) a través de la Facultad de Estudios Superiores Aragón (FES Aragón)',
    parties: ['UNAM'],
    areas: [UTSI],
    signedOn: '2022-06-15', // synthetic
    validity: 'indefinite',
    status: 'in_force',
  },
  {
    key: 'unam-fes-especifico',
    type: 'Convenio Específico',
    parent: 'unam-general',
    parties: ['UNAM'],
    areas: [UTSI],
    validity: 'parent',
    status: 'negotiation',
  },
  {
    key: 'world-vision',
    type: 'Convenio General de Apoyo y Colaboración',
    subject: 'entre el IECM y World Vision',
    parties: ['World Vision México'],
    areas: [SE, DVOE],
    // Favourable opinion in the quarter; in signature at its end (report, V.1.D).
    status: 'signature',
  },
  {
    // In signature at the end of the quarter (report, V.1.D); the areas are synthetic.
    key: 'usach',
    type: 'Convenio General de Apoyo y Colaboración',
    subject: 'entre el IECM y la Universidad de Santiago de Chile (USACH)',
    parties: ['USACH'],
    areas: [SE, DVOE],
    status: 'signature',
  },
  {
    key: 'unam-fcpys',
    type: 'Convenio Específico',
    designation: 'Convenio Específico de Colaboración',
    subject:
      'entre el IECM y la Universidad Nacional Autónoma de México (UNAM) a través de la Facultad de Ciencias Políticas y Sociales (FCPyS)',
    parties: ['UNAM'],
    areas: [UTCSYD, DPGYDH],
    status: 'negotiation',
  },
  {
    key: 'urc',
    type: 'Convenio de Colaboración',
    subject: 'entre el IECM y la Universidad Rosario Castellanos (URC)',
    parties: ['URC'],
    areas: [DEGDH],
    status: 'negotiation',
  },
  {
    key: 'icel',
    type: 'Carta Intención',
    subject: 'entre el IECM y la Universidad ICEL (International College for Experienced Learning)',
    parties: ['ICEL'],
    areas: [DEECYCC],
    status: 'negotiation',
  },
  {
    key: 'unirem',
    type: 'Convenio General de Colaboración',
    subject: 'entre el IECM y la Universidad de la República Mexicana S.C. (UNIREM)',
    parties: ['UNIREM'],
    areas: [DEECYCC],
    status: 'negotiation',
  },
  {
    key: 'tlahuac',
    type: 'Convenio de Colaboración',
    subject:
      'entre el IECM y el Instituto Tecnológico de Tláhuac III, adscrito al Tecnológico Nacional de México',
    parties: ['Instituto Tecnológico de Tláhuac III'],
    areas: [DEECYCC],
    status: 'negotiation',
  },
  {
    key: 'poder-judicial',
    type: 'Convenio de Colaboración',
    designation: 'Convenio de Colaboración Interinstitucional',
    subject:
      'entre el IECM y el Poder Judicial de la Ciudad de México, a través del Tribunal Superior de Justicia y el Consejo de la Judicatura, ambos de la Ciudad de México',
    parties: ['Poder Judicial de la Ciudad de México'],
    areas: [DEECYCC],
    status: 'negotiation',
  },
];

/** The 14 opinions of the quarter, in number order; issue days are synthetic (the report gives none). */
export const AGREEMENT_OPINIONS: { instrument: string; areas: string[]; issuedOn: string; about: string }[] =
  [
    { instrument: 'tgm-modificador', areas: [DEOEYG], issuedOn: '2024-01-11', about: 'del' },
    { instrument: 'ine-adenda-2-af', areas: [DEOEYG, SA], issuedOn: '2024-01-17', about: 'respecto de la' },
    { instrument: 'canaco', areas: [SE], issuedOn: '2024-01-24', about: 'respecto del' },
    {
      instrument: 'tgm-nuevo',
      // The report names the area "Dirección Ejecutiva de Capacitación y Construcción de Ciudadanía"
      // (an alias of the DEECyCC in the directory).
      areas: [DEECYCC],
      issuedOn: '2024-01-31',
      about: 'respecto del',
    },
    { instrument: 'amcee', areas: [SE, DPGYDH], issuedOn: '2024-02-07', about: 'del' },
    { instrument: 'ine-coordinacion', areas: [SE, DEOEYG], issuedOn: '2024-02-14', about: 'respecto del' },
    { instrument: 'unam-fes-especifico', areas: [UTSI], issuedOn: '2024-02-21', about: 'respecto del' },
    { instrument: 'world-vision', areas: [SE, DVOE], issuedOn: '2024-02-28', about: 'respecto del' },
    { instrument: 'unam-fcpys', areas: [UTCSYD, DPGYDH], issuedOn: '2024-03-05', about: 'respecto del' },
    { instrument: 'urc', areas: [DEGDH], issuedOn: '2024-03-08', about: 'respecto del' },
    { instrument: 'icel', areas: [DEECYCC], issuedOn: '2024-03-13', about: 'respecto de la' },
    { instrument: 'unirem', areas: [DEECYCC], issuedOn: '2024-03-15', about: 'respecto del' },
    { instrument: 'tlahuac', areas: [DEECYCC], issuedOn: '2024-03-20', about: 'respecto del' },
    { instrument: 'poder-judicial', areas: [DEECYCC], issuedOn: '2024-03-22', about: 'respecto del' },
  ];

const SAT_ACCOMPANIMENT =
  'Acompañamiento a la Subcontraloría en la vinculación con el Administrador de Planeación, Análisis e Información Administración General de Planeación del Servicio de Administración Tributaria (SAT): tener una reunión con personal del SAT para explorar la posibilidad de aportar elementos técnicos y operativos respecto del proceso de negociación del convenio de mérito';

/** The seven accompaniment activities with three institutions; days are synthetic. */
export const AGREEMENT_ACCOMPANIMENTS: {
  on: string;
  area: string;
  institution: string;
  instrument: string;
  what: string;
}[] = [
  {
    on: '2024-01-16',
    area: RAMOS_MEGA,
    institution: 'Bienestar',
    instrument: 'bienestar',
    what: 'Reunión de negociación del proyecto de convenio',
  },
  {
    on: '2024-02-06',
    area: RAMOS_MEGA,
    institution: 'Bienestar',
    instrument: 'bienestar',
    what: 'Revisión de observaciones al proyecto de convenio',
  },
  {
    on: '2024-03-12',
    area: RAMOS_MEGA,
    institution: 'Bienestar',
    instrument: 'bienestar',
    what: 'Seguimiento de la negociación del convenio',
  },
  {
    on: '2024-01-23',
    area: SE,
    institution: 'ITAM',
    instrument: 'itam',
    what: 'Reunión de negociación del proyecto de convenio general',
  },
  {
    on: '2024-02-27',
    area: SE,
    institution: 'ITAM',
    instrument: 'itam',
    what: 'Intercambio de observaciones al proyecto de convenio general',
  },
  { on: '2024-02-15', area: SUBCONTRALORIA, institution: 'SAT', instrument: 'sat', what: SAT_ACCOMPANIMENT },
  {
    on: '2024-03-19',
    area: SUBCONTRALORIA,
    institution: 'SAT',
    instrument: 'sat',
    what: 'Seguimiento de la reunión con personal del SAT',
  },
];

/** The February review: 171 instruments updated in February and two more in March. */
export const AGREEMENT_REVIEW = {
  period: '2024-02',
  title: 'Revisión integral de convenios en el SISCOI',
  openedOn: '2024-02-01',
  february: 171,
  march: 2,
};

// The subjects of the instruments in force that complete the February review: each a matter and a
// counterpart, as the SISCOI's older records read (15 × 12 distinct subjects).
const REVIEW_MATTERS = [
  'en materia de educación cívica',
  'para la difusión de los mecanismos de participación ciudadana',
  'para el préstamo de instalaciones para casillas',
  'en materia de capacitación electoral',
  'para el intercambio de información estadística',
  'para la promoción del voto de la ciudadanía en el extranjero',
  'en materia de igualdad de género y no discriminación',
  'para la realización de prácticas profesionales y servicio social',
  'para la organización de debates y foros',
  'en materia de transparencia y protección de datos personales',
  'para la consulta de presupuesto participativo',
  'en materia de archivos y gestión documental',
  'para la producción de materiales de divulgación',
  'en materia de inclusión de personas con discapacidad',
  'para la atención de la ciudadanía indígena y de pueblos originarios',
];
const REVIEW_COUNTERPARTS = [
  'con la Alcaldía Coyoacán',
  'con la Alcaldía Iztapalapa',
  'con la Alcaldía Tlalpan',
  'con la Alcaldía Gustavo A. Madero',
  'con la Alcaldía Cuauhtémoc',
  'con la Alcaldía Xochimilco',
  'con la Universidad Autónoma Metropolitana',
  'con el Instituto Politécnico Nacional',
  'con la Universidad Pedagógica Nacional',
  'con el Colegio de Bachilleres',
  'con el Sistema de Transporte Colectivo',
  'con la Secretaría de Educación, Ciencia, Tecnología e Innovación',
];
/** The subject of the n-th (1-based) instrument in force that completes the February review. */
const reviewSubject = (n: number) =>
  `${REVIEW_MATTERS[(n - 1) % REVIEW_MATTERS.length]} ${
    REVIEW_COUNTERPARTS[Math.floor((n - 1) / REVIEW_MATTERS.length) % REVIEW_COUNTERPARTS.length]
  }`;

/**
 * Adds what is missing of the IECM's agreements register; running it again adds nothing. Needs the
 * directory demo (areas, institutions) first.
 */
export async function seedIecmAgreements(db: Db, actor: ScopedAuditActor) {
  const orgId = actor.organizationId;
  await repo.ensureDefaultTypes(db, orgId);

  // Directory: the institutions the register needs, through the directory's own use case.
  for (const seed of AGREEMENT_INSTITUTIONS) {
    const [existing] = await db
      .select({ id: institution.id })
      .from(institution)
      .where(and(eq(institution.organizationId, orgId), eq(institution.name, seed.name)));
    if (!existing) await createInstitution(db, actor, seed);
  }
  const institutions = await db
    .select({ id: institution.id, name: institution.name, acronym: institution.acronym })
    .from(institution)
    .where(eq(institution.organizationId, orgId));
  const institutionId = (ref: string) => {
    const found = institutions.find((i) => i.acronym === ref || i.name === ref);
    if (!found) throw new Error(`demo: institution ${ref} missing from the directory`);
    return found.id;
  };
  const areas = await db
    .select({ id: area.id, name: area.name, aliases: area.aliases })
    .from(area)
    .where(eq(area.organizationId, orgId));
  const areaId = (name: string) => {
    const found = areas.find((a) => a.name === name || a.aliases.includes(name));
    if (!found) throw new Error(`demo: area ${name} missing from the directory`);
    return found.id;
  };

  for (const t of AGREEMENT_EXTRA_TYPES) {
    if (!(await repo.findTypeByName(db, orgId, t.name))) await createInstrumentType(db, actor, t);
  }
  const types = new Map((await repo.listTypes(db, orgId)).map((t) => [t.name, t]));

  // Instruments, found again by their derived title (and signing date: two TGM agreements share a title).
  const ids = new Map<string, string>();
  let createdInstruments = 0;
  const known: { id: string; title: string; parentId: string | null; signedOn: string | null }[] =
    await repo.allInstruments(db, orgId, {}, '2024-03-31');
  const ensure = async (seed: Seed) => {
    const tree = await repo.loadTree(db, orgId);
    const type = types.get(seed.type)!;
    const part: TitlePart = {
      typeName: type.name,
      gender: type.gender,
      ordinal: seed.ordinal ?? null,
      designation: seed.designation ?? null,
      subject: seed.subject ?? null,
      linkPreposition: seed.link ?? 'a',
    };
    const parentId = seed.parent ? ids.get(seed.parent)! : null;
    const title = chainTitle([part, ...(parentId ? repo.chainOf(tree, parentId) : [])]);
    const existing = known.find(
      (r) => r.title === title && r.parentId === parentId && r.signedOn === (seed.signedOn ?? null),
    );
    if (existing) {
      ids.set(seed.key, existing.id);
      return existing.id;
    }
    const created = await createInstrument(db, actor, {
      typeId: type.id,
      parentId,
      ordinal: seed.ordinal ?? null,
      designation: seed.designation ?? null,
      subject: seed.subject ?? null,
      linkPreposition: seed.link ?? 'a',
      organizationIsParty: true,
      partyIds: seed.parties.map(institutionId),
      areaIds: seed.areas.map(areaId),
      object: seed.object ?? null,
      signedOn: seed.signedOn ?? null,
      validityKind: seed.validity ?? 'dated',
      validFrom: seed.validity === 'dated' || !seed.validity ? (seed.signedOn ?? null) : null,
      validUntil: null,
      renewalTerms: null,
      status: seed.status,
      statusOn: seed.signedOn ?? '2024-01-02',
      notes: seed.notes ?? null,
    });
    known.push(created);
    createdInstruments++;
    ids.set(seed.key, created.id);
    return created.id;
  };
  for (const seed of AGREEMENT_INSTRUMENTS) await ensure(seed);

  // Opinions of pertinence: requested five days before being issued, numbered on issue.
  let createdOpinions = 0;
  for (const o of AGREEMENT_OPINIONS) {
    const instrumentId = ids.get(o.instrument)!;
    const requestedOn = new Date(`${o.issuedOn}T00:00:00Z`);
    requestedOn.setUTCDate(requestedOn.getUTCDate() - 5);
    const requested = requestedOn.toISOString().slice(0, 10);
    const [existing] = await db
      .select({ id: opinion.id })
      .from(opinion)
      .where(
        and(
          eq(opinion.organizationId, orgId),
          eq(opinion.instrumentId, instrumentId),
          eq(opinion.requestedOn, requested),
        ),
      );
    if (existing) continue;
    const title = repo.titleIn(await repo.loadTree(db, orgId), instrumentId);
    const req = await requestOpinion(db, actor, {
      instrumentId,
      areaIds: o.areas.map(areaId),
      requestedOn: requested,
      content: `Opinión de pertinencia ${o.about} ${title}`,
    });
    await issueOpinion(db, actor, req.id, { issuedOn: o.issuedOn });
    createdOpinions++;
  }

  // Accompaniment of negotiations.
  for (const a of AGREEMENT_ACCOMPANIMENTS) {
    const [existing] = await db
      .select({ id: accompanimentActivity.id })
      .from(accompanimentActivity)
      .where(
        and(
          eq(accompanimentActivity.organizationId, orgId),
          eq(accompanimentActivity.occurredOn, a.on),
          eq(accompanimentActivity.description, a.what),
        ),
      );
    if (existing) continue;
    await recordAccompaniment(db, actor, {
      occurredOn: a.on,
      areaId: areaId(a.area),
      institutionId: institutionId(a.institution),
      instrumentId: ids.get(a.instrument)!,
      description: a.what,
    });
  }

  // The review: every instrument in force before February is kept, completed with synthetic
  // instruments up to 171 decisions in February; the two signed in February are updated in March.
  const review =
    (await repo.findReviewByPeriod(db, orgId, AGREEMENT_REVIEW.period)) ??
    (await createReview(db, actor, {
      period: AGREEMENT_REVIEW.period,
      title: AGREEMENT_REVIEW.title,
      openedOn: AGREEMENT_REVIEW.openedOn,
    }));
  const decided = new Set((await repo.reviewDecisions(db, orgId, review.id)).map((d) => d.instrumentId));
  const before = AGREEMENT_INSTRUMENTS.filter(
    (s) => s.status === 'in_force' && s.signedOn && s.signedOn < AGREEMENT_REVIEW.openedOn,
  );
  const day = (i: number, month: '02' | '03', days: number) =>
    `2024-${month}-${String(5 + (i % days)).padStart(2, '0')}`;
  let decisions = 0;
  for (const [i, s] of before.entries()) {
    const id = ids.get(s.key)!;
    if (decided.has(id)) continue;
    await recordReviewDecision(db, actor, review.id, id, { decision: 'keep', decidedOn: day(i, '02', 24) });
    decisions++;
  }
  const synthetic = await seedSyntheticInForce(db, actor, {
    count: AGREEMENT_REVIEW.february - before.length,
    typeId: types.get('Convenio de Colaboración')!.id,
    partyIds: ['UNAM', 'URC', 'UNIREM', 'ICEL', 'AMCEE', 'ITAM', 'IEEM', 'IEC', 'UNICEF', 'TGM'].map(
      institutionId,
    ),
    areaIds: [SE, DEECYCC, DEOEYG, DVOE, UTCSYD, DPGYDH].map(areaId),
    reviewId: review.id,
    decidedOn: (n) => day(before.length + n, '02', 24),
  });
  createdInstruments += synthetic;
  decisions += synthetic;
  for (const [i, key] of ['ine-ssc', 'canaco'].entries()) {
    const id = ids.get(key)!;
    if (decided.has(id)) continue;
    await recordReviewDecision(db, actor, review.id, id, {
      decision: 'keep',
      decidedOn: day(i * 7, '03', 20),
    });
    decisions++;
  }
  return { instruments: createdInstruments, opinions: createdOpinions, decisions };
}

/**
 * The synthetic instruments in force that complete the February review, each with its "keep"
 * decision, written in one transaction with one bulk audit append (as imports do). All or nothing:
 * when they exist, nothing is added.
 */
async function seedSyntheticInForce(
  db: Db,
  actor: ScopedAuditActor,
  p: {
    count: number;
    typeId: string;
    partyIds: string[];
    areaIds: string[];
    reviewId: string;
    decidedOn: (n: number) => string;
  },
): Promise<number> {
  const orgId = actor.organizationId;
  return inTransaction(db, async (tx) => {
    const [exists] = await tx
      .select({ id: instrument.id })
      .from(instrument)
      .where(and(eq(instrument.organizationId, orgId), eq(instrument.subject, reviewSubject(1))))
      .limit(1);
    if (exists || p.count < 1) return 0;
    const numbers = Array.from({ length: p.count }, (_, i) => i + 1);
    const rows = await tx
      .insert(instrument)
      .values(
        numbers.map((n) => ({
          organizationId: orgId,
          typeId: p.typeId,
          subject: reviewSubject(n),
          signedOn: `${2016 + (n % 8)}-${String((n % 12) + 1).padStart(2, '0')}-15`,
          validityKind: 'indefinite' as const,
          status: 'in_force' as const,
        })),
      )
      .returning({ id: instrument.id, signedOn: instrument.signedOn, subject: instrument.subject });
    await tx.insert(instrumentParty).values(
      rows.map((r, i) => ({
        instrumentId: r.id,
        institutionId: p.partyIds[(i + 1) % p.partyIds.length]!,
        organizationId: orgId,
        position: 0,
      })),
    );
    await tx.insert(instrumentArea).values(
      rows.map((r, i) => ({
        instrumentId: r.id,
        areaId: p.areaIds[(i + 1) % p.areaIds.length]!,
        organizationId: orgId,
      })),
    );
    await tx.insert(instrumentStatusChange).values(
      rows.map((r) => ({
        organizationId: orgId,
        instrumentId: r.id,
        fromStatus: null,
        toStatus: 'in_force' as const,
        changedOn: r.signedOn!,
      })),
    );
    const decisions = rows.map((r, i) => ({
      organizationId: orgId,
      reviewId: p.reviewId,
      instrumentId: r.id,
      decision: 'keep' as const,
      decidedOn: p.decidedOn(i),
      note: null,
    }));
    await tx.insert(reviewDecision).values(decisions);
    await recordAudits(
      tx,
      actor,
      rows.flatMap((r, i) => [
        { action: 'instrument.create', entityType: 'instrument', entityId: r.id, after: r },
        {
          action: 'review.decision',
          entityType: 'review',
          entityId: p.reviewId,
          after: { instrumentId: r.id, decision: 'keep', decidedOn: decisions[i]!.decidedOn },
        },
      ]),
    );
    return rows.length;
  });
}
