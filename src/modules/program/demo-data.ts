import type { ActivityInput } from './contract';

// The IECM's 2024 work program and its January–March 2024 records as the reference report
// (informe trimestral CVOE 2024-T1, sections IV and V) gives them. Where the report slipped
// (report_slips in the facts) the true fact is stored: "Tlalpan" (printed "Tlapan"), February's
// news without the 30th and 31st, the Unidad Técnica de Comunicación Social y Difusión (printed
// "y Desarrollo"), and the pending targets in the quarter after the report's (printed "primer
// trimestre"). Where it gives no date, the activity is dated "within" the quarter.

export const PROGRAM_YEAR = 2024;
export const PROGRAM_NAME = 'Programa Específico de Vinculación 2024';
export const PROGRAM_APPROVAL = { number: 'CVOE/003/2023', on: '2023-09-11' };
export const Q1 = { from: '2024-01-01', to: '2024-03-31' };
export const Q2 = { from: '2024-04-01', to: '2024-06-30' };

export const LINES: {
  number: number;
  title: string;
  recordSources?: string[];
  objectives: { key: string; title: string; recordSources?: string[] }[];
}[] = [
  {
    number: 1,
    title: 'Seguimiento a la Vinculación con el Instituto Nacional Electoral',
    objectives: [
      { key: 'A', title: 'Seguimiento a las sesiones del INE' },
      {
        key: 'B',
        title:
          'Dar seguimiento de las reuniones de coordinación interinstitucional en la construcción y seguimiento del Convenio General de Coordinación y colaboración y sus anexos',
      },
      {
        key: 'C',
        title:
          'Sistema de Seguimiento de actividades del Proceso Electoral Local Ordinario 2023-2024. Plan Integral y Calendarios de Coordinación (SSPELO)',
      },
      {
        key: 'D',
        title:
          'Actualizar el Sistema de Información con los Organismos Públicos Locales Electorales (SIVOPLE)',
        recordSources: ['channel.folios', 'governance.mandate_updates'],
      },
      {
        key: 'E',
        title:
          'Gestionar la vinculación con los Organismos Públicos Locales Electorales para el intercambio de experiencias y la profesionalización',
      },
      {
        key: 'F',
        title: 'Gestionar la suscripción de Convenios de Colaboración y/o Programas de Trabajo',
        recordSources: ['agreements.signed_instruments'],
      },
      {
        key: 'G',
        title: 'Acompañamiento a las áreas del IECM en la negociación y suscripción de convenios',
        recordSources: ['agreements.accompaniments'],
      },
      {
        key: 'H',
        title: 'Emisión de opiniones de pertinencia respecto de convenios interinstitucionales',
        recordSources: ['agreements.opinions'],
      },
    ],
  },
  {
    number: 2,
    title:
      'Vinculación para relaciones de cooperación con Organismos Públicos y Privados, a nivel local y nacional',
    objectives: [
      {
        key: 'A',
        title:
          'Realizar actividades conjuntas con instituciones públicas, iniciativa privada, entidades académicas y de investigación, así como Organizaciones de la Sociedad Civil, a nivel subnacional y nacional con la finalidad de difundir los alcances del Sistema Nacional Electoral, la participación ciudadana, promover la cultura democrática, la educación cívica y la construcción de ciudadanía',
      },
      {
        key: 'B',
        title:
          'Difundir, entre la ciudadanía y la Red de Observación, temas relativos a la democracia, derechos político-electorales, educación cívica y construcción de ciudadanía',
      },
      {
        key: 'C',
        title:
          'Llevar a cabo reuniones, actividades, cursos de capacitación o eventos institucionales para la profesionalización de la Red de Observación IECM',
      },
      {
        key: 'D',
        title:
          'Realizar actividades de colaboración con Universidades públicas y privadas, con el propósito de fomentar el interés de la comunidad universitaria en temas político-electorales, que coadyuven a la promoción de la observación electoral, la cultura democrática, la participación ciudadana y la educación cívica, así como dar a conocer las actividades que realiza el IECM',
      },
    ],
  },
  {
    number: 3,
    title: 'Vinculación Permanente con la Ciudadanía de la Ciudad de México residente en el extranjero',
    objectives: [
      { key: 'A', title: 'Promover, difundir e informar sobre los derechos político-electorales' },
      {
        key: 'B',
        title:
          'Establecer y fortalecer vínculos con la ciudadanía mexicana residente en el extranjero, creando una línea de difusión de los derechos político-electorales por medio de la generación de contenido y su difusión en redes sociales y medios electrónicos',
      },
      {
        key: 'C',
        title:
          'Realizar actividades y reuniones con organizaciones e instituciones públicas y privadas que tengan vínculos con la ciudadanía mexicana residente en el extranjero',
      },
      {
        key: 'D',
        title:
          'Informar a la ciudadanía mexicana residente en el extranjero sobre asuntos de relevancia para dicha comunidad mediante la generación de materiales digitales',
      },
      {
        key: 'E',
        title:
          'Elaborar un proyecto de investigación con un organismo internacional o institución extranjera especializados en temas electorales y de democracia',
      },
      {
        key: 'F',
        title:
          'Desarrollar un programa de estudios en coordinación con instituciones en el extranjero especializadas en temas electorales y de democracia',
      },
    ],
  },
  {
    number: 4,
    title: 'Vinculación para relaciones de cooperación con organismos públicos y privados internacionales',
    objectives: [
      {
        key: 'A',
        title:
          'Realizar y dar seguimiento a actividades con organizaciones e instituciones públicas y privadas internacionales para posicionar al IECM',
      },
      {
        key: 'B',
        title:
          'Realizar y dar seguimiento a actividades con organizaciones e instituciones públicas y privadas internacionales para apoyar el trabajo de las áreas sustantivas del IECM, de acuerdo con sus necesidades',
      },
      { key: 'C', title: 'Difundir temas electorales y de coyuntura a nivel internacional' },
      {
        key: 'D',
        title:
          'Gestionar alianzas estratégicas con organismos internacionales e instituciones extranjeras, que se traduzcan, en su caso, en instrumentos jurídicos de apoyo y colaboración',
      },
      {
        key: 'E',
        title:
          'Gestionar y dar seguimiento a la participación de las autoridades del IECM en misiones de observación electoral internacional o en foros especializados',
      },
      {
        key: 'F',
        title:
          'La elaboración de un proyecto de investigación con un organismo internacional o institución extranjera especializados en temas electorales y de democracia',
      },
    ],
  },
  {
    number: 5,
    title:
      'Programa de Acompañamiento de Personas Observadoras y Visitantes Extranjeras en el marco del Proceso Electoral Local Ordinario 2023-2024',
    objectives: [],
  },
];

/** Institutions the activities name, added to the directory when missing (looked up by name). */
export const INSTITUTIONS: {
  key: string;
  name: string;
  acronym: string | null;
  kind: string;
  country: string;
  level: 'local' | 'national' | 'international';
}[] = [
  {
    key: 'CANACO',
    name: 'Cámara Nacional de Comercio, Servicios y Turismo de la Ciudad de México',
    acronym: 'CANACO CDMX',
    kind: 'company_or_chamber',
    country: 'MX',
    level: 'local',
  },
  {
    key: 'UNAM',
    name: 'Universidad Nacional Autónoma de México',
    acronym: 'UNAM',
    kind: 'university',
    country: 'MX',
    level: 'national',
  },
  {
    key: 'UIN',
    name: 'Universidad Insurgentes',
    acronym: null,
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    key: 'UAM',
    name: 'Universidad Autónoma Metropolitana',
    acronym: 'UAM',
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    key: 'UACM',
    name: 'Universidad Autónoma de la Ciudad de México',
    acronym: 'UACM',
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    key: 'UTC',
    name: 'Universidad Tres Culturas',
    acronym: null,
    kind: 'university',
    country: 'MX',
    level: 'local',
  },
  {
    key: 'JLE',
    name: 'Junta Local Ejecutiva del Instituto Nacional Electoral en la Ciudad de México',
    acronym: 'JLE',
    kind: 'national_electoral_authority',
    country: 'MX',
    level: 'local',
  },
  {
    key: 'INE',
    name: 'Instituto Nacional Electoral',
    acronym: 'INE',
    kind: 'national_electoral_authority',
    country: 'MX',
    level: 'national',
  },
  {
    key: 'IEEM',
    name: 'Instituto Electoral del Estado de México',
    acronym: 'IEEM',
    kind: 'local_electoral_body',
    country: 'MX',
    level: 'national',
  },
  {
    key: 'IEC',
    name: 'Instituto Electoral de Coahuila',
    acronym: 'IEC',
    kind: 'local_electoral_body',
    country: 'MX',
    level: 'national',
  },
  {
    key: 'MXDC',
    name: 'Mexican Professionals Network',
    acronym: 'MXDC',
    kind: 'migrant_organization',
    country: 'US',
    level: 'international',
  },
  {
    key: 'COLEFOM',
    name: 'Colectivo de Federaciones y Organizaciones Mexicanas Migrantes en EUA',
    acronym: 'COLEFOM',
    kind: 'migrant_organization',
    country: 'US',
    level: 'international',
  },
  {
    key: 'UNICEF',
    name: 'Fondo de las Naciones Unidas para la Infancia',
    acronym: 'UNICEF',
    kind: 'international_body',
    country: 'US',
    level: 'international',
  },
  {
    key: 'CAPEL',
    name: 'Centro de Asesoría y Promoción Electoral',
    acronym: 'CAPEL',
    kind: 'international_body',
    country: 'CR',
    level: 'international',
  },
  {
    key: 'TSE',
    name: 'Tribunal Supremo Electoral de El Salvador',
    acronym: 'TSE',
    kind: 'foreign_electoral_body',
    country: 'SV',
    level: 'international',
  },
  {
    key: 'JCE',
    name: 'Junta Central Electoral de República Dominicana',
    acronym: 'JCE',
    kind: 'foreign_electoral_body',
    country: 'DO',
    level: 'international',
  },
];

/** People the activities name, added to the directory when missing (looked up by name or alias). */
export const PEOPLE: { name: string; gender: 'female' | 'male'; notes?: string }[] = [
  { name: 'Patricia Avendaño Durán', gender: 'female', notes: 'Consejera Presidenta del IECM' },
  { name: 'Bernardo Valle Monroy', gender: 'male' },
  { name: 'César Ernesto Ramos Mega', gender: 'male' },
  { name: 'Erika Estrada Ruíz', gender: 'female' },
  { name: 'Mauricio Huesca Rodríguez', gender: 'male' },
  { name: 'Rita Bell López Vences', gender: 'female', notes: 'Consejera Electoral del INE' },
  {
    name: 'Rodrigo Germán Paredes Lozano',
    gender: 'male',
    notes: 'Consejero Presidente del Instituto Electoral de Coahuila',
  },
];

/** A demo activity: where it goes (line.objective) and its input with names instead of ids. */
export type DemoActivity = Omit<
  ActivityInput,
  | 'lineId'
  | 'objectiveId'
  | 'institutionIds'
  | 'participants'
  | 'invitingInstitutionId'
  | 'route'
  | 'partners'
  | 'agenda'
> & {
  at: string;
  institutions?: string[];
  people?: { name: string; role: 'lead' | 'representative' | 'participant' | 'guest' }[];
  inviting?: string;
  route?: string[];
  partners?: string[];
  agreementNumber?: string;
};

const day = (d: string) => ({ mode: 'day' as const, day: d });
const QUARTER = { mode: 'within' as const, from: Q1.from, to: Q1.to };
const TEAMS = { modality: 'remote' as const, tool: 'Microsoft Teams' };
const VFF =
  'la sexta edición del concurso de cortometrajes Vota Film Fest “La democracia a través de tu lente: ¡Exprésate en corto!”';
const GENDER_TALK = 'Igualdad de género y derechos humanos/ Violencia política en razón de género';
const JLE_TOPIC = 'construcción del Convenio General de Coordinación y Colaboración y sus Anexos';

export const ACTIVITIES: DemoActivity[] = [
  // 1.B: seven coordination meetings with the INE's JLE and three SIVOPLE follow-up listings (10 activities).
  ...['2024-01-18', '2024-02-07', '2024-02-09', '2024-02-14', '2024-02-23', '2024-03-07', '2024-03-13'].map(
    (d): DemoActivity => ({
      at: '1.B',
      kind: 'working_meeting',
      title: 'Reunión de coordinación con la Junta Local Ejecutiva (JLE) del INE en la Ciudad de México',
      purpose: `Seguimiento al proceso de ${JLE_TOPIC}`,
      dates: day(d),
      institutions: ['JLE'],
    }),
  ),
  ...['Primer', 'Segundo', 'Tercer'].map((n): DemoActivity => ({
    at: '1.B',
    kind: 'follow_up_listing',
    title: `${n} listado del seguimiento realizado a través del SIVOPLE en el marco del Convenio General de Coordinación y Colaboración INE-IECM`,
    dates: QUARTER,
    institutions: ['INE'],
  })),
  // 1.E: OPLE liaison (dates not given for the IEEM meetings).
  {
    at: '1.E',
    kind: 'working_meeting',
    title: 'Reunión de trabajo con personal del Instituto Electoral del Estado de México (IEEM)',
    purpose: 'Compartir experiencias y buenas prácticas en materia de organización electoral',
    dates: QUARTER,
    ...TEAMS,
    institutions: ['IEEM'],
  },
  {
    at: '1.E',
    kind: 'working_meeting',
    title: 'Reunión de trabajo con personal del Instituto Electoral del Estado de México (IEEM)',
    purpose:
      'Compartir experiencias y buenas prácticas del IECM en la implementación de la firma electrónica',
    dates: QUARTER,
    ...TEAMS,
    institutions: ['IEEM'],
  },
  {
    at: '1.E',
    kind: 'training',
    title:
      'Participación del Consejero Presidente del Instituto Electoral de Coahuila (IEC) en el Programa de profesionalización “Inclusividad Electoral: Abordando el voto en condiciones excepcionales”',
    purpose: 'Intercambio de experiencias y buenas prácticas',
    dates: day('2024-03-11'),
    ...TEAMS,
    institutions: ['IEC'],
    people: [{ name: 'Rodrigo Germán Paredes Lozano', role: 'guest' }],
  },
  // 2.A: 13 institutional events.
  {
    at: '2.A',
    kind: 'signing_event',
    title:
      'Evento protocolario de firma de Convenio General de Apoyo y Colaboración entre el IECM y la Cámara Nacional de Comercio de la Ciudad de México (CANACO)',
    dates: day('2024-02-08'),
    institutions: ['CANACO'],
  },
  {
    at: '2.A',
    kind: 'conference',
    title: 'Generalidades del Proceso Electoral Local Ordinario 2023-2024',
    dates: day('2024-02-22'),
    institutions: ['UNAM'],
    place: 'Facultad de Ciencias Políticas y Sociales',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: GENDER_TALK,
    dates: day('2024-03-04'),
    institutions: ['UIN'],
    place: 'plantel Iztapalapa',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: GENDER_TALK,
    dates: day('2024-03-05'),
    institutions: ['UIN'],
    place: 'plantel San Ángel',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: GENDER_TALK,
    dates: day('2024-03-06'),
    institutions: ['UIN'],
    place: 'plantel Sur',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: 'Nuevas formas de votación y Grupos vulnerables',
    dates: day('2024-03-07'),
    institutions: ['UAM'],
    place: 'Unidad Iztapalapa',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: 'Generalidades del Proceso Electoral Local Ordinario y Modalidades de Votación',
    dates: day('2024-03-12'),
    institutions: ['CANACO'],
    place: 'instalaciones de la CANACO CDMX',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: GENDER_TALK,
    dates: day('2024-03-14'),
    institutions: ['UIN'],
    place: 'plantel Sur II',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: GENDER_TALK,
    dates: day('2024-03-15'),
    institutions: ['UIN'],
    place: 'plantel Tláhuac',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: GENDER_TALK,
    dates: day('2024-03-19'),
    institutions: ['UIN'],
    place: 'plantel Tlalpan',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: '¿Qué es el IECM? y las generalidades del Proceso Electoral Local Ordinario 2023-2024',
    dates: day('2024-03-20'),
    institutions: ['UACM'],
    place: 'plantel Cuauhtépec',
  },
  {
    at: '2.A',
    kind: 'conference',
    title: 'Funciones del Instituto Electoral de la Ciudad de México (IECM)',
    purpose: 'Conferencia dirigida al alumnado de la Universidad Tres Culturas, plantel Chalco',
    dates: day('2024-03-21'),
    institutions: ['UTC'],
    place: 'instalaciones del IECM',
  },
  {
    at: '2.A',
    kind: 'ceremony',
    title: `Ceremonia de premiación de ${VFF}`,
    dates: day('2024-03-27'),
  },
  // 2.C: five activities for the observer network's professionalization.
  {
    at: '2.C',
    kind: 'broadcast',
    title: 'Participación de funcionario del IECM en el programa televisivo "Conoce tus derechos"',
    notes: 'Derivado de una invitación de una OSC integrante de la Red de Observación del IECM',
    dates: day('2024-01-26'),
  },
  {
    at: '2.C',
    kind: 'training',
    title:
      'Participación de la Red de Observación del IECM en el curso virtual "Acción Formativa «Voto de las personas en prisión preventiva en la Ciudad de México»"',
    dates: day('2024-02-27'),
    modality: 'remote',
  },
  {
    at: '2.C',
    kind: 'broadcast',
    title: 'X Space "Diálogo y Democracia: El voto inclusivo de personas en estado de postración"',
    dates: day('2024-02-29'),
    modality: 'remote',
    tool: 'X Spaces',
  },
  {
    at: '2.C',
    kind: 'training',
    title:
      'Segundo Encuentro de Capacitación del Programa de Profesionalización de la Red de Observación del IECM, Inclusividad electoral: abordando el voto en condiciones excepcionales',
    purpose:
      'Voto de las Personas en Prisión Preventiva (VPPP) y voto de personas en estado de postración; intercambio de experiencias con el INE y el Instituto Electoral de Coahuila',
    dates: day('2024-03-11'),
    ...TEAMS,
    institutions: ['INE', 'IEC'],
    people: [
      { name: 'Rita Bell López Vences', role: 'guest' },
      { name: 'Rodrigo Germán Paredes Lozano', role: 'guest' },
    ],
  },
  {
    at: '2.C',
    kind: 'forum',
    title: 'Red Flag: La inteligencia artificial en el Escenario Electoral',
    dates: day('2024-03-18'),
  },
  // 2.D: seven university activities.
  {
    at: '2.D',
    kind: 'poster_campaign',
    title: `Colocación de carteles de ${VFF}`,
    dates: { mode: 'month', month: '2024-01' },
  },
  {
    at: '2.D',
    kind: 'poster_campaign',
    title: `Colocación de carteles de ${VFF}`,
    dates: { mode: 'month', month: '2024-02' },
  },
  { at: '2.D', kind: 'stand', title: 'Stand del IECM', dates: day('2024-02-14'), institutions: ['UTC'] },
  {
    at: '2.D',
    kind: 'stand',
    title: 'Stand del IECM',
    dates: day('2024-02-16'),
    institutions: ['UNAM'],
    place: 'Facultad de Ciencias Políticas y Sociales',
  },
  {
    at: '2.D',
    kind: 'stand',
    title: 'Stand del IECM',
    dates: day('2024-02-20'),
    institutions: ['UNAM'],
    place: 'Facultad de Ciencias Políticas y Sociales',
  },
  { at: '2.D', kind: 'stand', title: 'Stand del IECM', dates: day('2024-02-21'), institutions: ['UTC'] },
  {
    at: '2.D',
    kind: 'stand',
    title: 'Stand del IECM',
    dates: day('2024-03-13'),
    institutions: ['UAM'],
    place: 'Unidad Iztapalapa',
  },
  // 3.A: four tours abroad.
  ...(
    [
      ['Chicago', '2024-03-06', '2024-03-09', 'Patricia Avendaño Durán'],
      ['Dallas', '2024-03-07', '2024-03-10', 'Bernardo Valle Monroy'],
      ['Los Ángeles-Las Vegas', '2024-03-13', '2024-03-16', 'César Ernesto Ramos Mega'],
      ['Washington DC', '2024-03-20', '2024-03-23', 'Erika Estrada Ruíz'],
    ] as const
  ).map(([route, from, to, lead]): DemoActivity => ({
    at: '3.A',
    kind: 'tour_abroad',
    title: `Gira de trabajo en ${route.replace('-', ' y ')}`,
    purpose:
      'Promover y difundir información sobre los derechos político-electorales de la comunidad chilanga en el extranjero mediante eventos, reuniones, foros, entrevistas y encuentros',
    dates: { mode: 'range', from, to },
    route: route.split('-'),
    partners: ['Consulados de México en las ciudades visitadas', 'Red de organizaciones migrantes aliadas'],
    people: [{ name: lead, role: 'lead' }],
    country: 'Estados Unidos',
  })),
  // 3.C: three meetings with organizations of the diaspora.
  {
    at: '3.C',
    kind: 'meeting',
    title: 'Reunión presencial con MXDC',
    dates: day('2024-01-24'),
    modality: 'in_person',
    institutions: ['MXDC'],
  },
  {
    at: '3.C',
    kind: 'meeting',
    title:
      'Encuentro virtual "Diputación Migrante: Conversatorio con la Ciudadanía Chilanga Residente en el Extranjero"',
    dates: day('2024-02-05'),
    modality: 'remote',
  },
  {
    at: '3.C',
    kind: 'meeting',
    title:
      'Mesa de diálogo con el Colectivo de Federaciones y Organizaciones Mexicanas Migrantes en EUA (COLEFOM)',
    dates: day('2024-02-22'),
    institutions: ['COLEFOM'],
  },
  // 4.A and 4.B: international activities.
  {
    at: '4.A',
    kind: 'meeting',
    title:
      'Reunión técnica de avanzada en las instalaciones del IECM de las autoridades de este instituto electoral con la Misión de Observación de Expertas Internacionales con Perspectiva de Género (INE-CAPEL)',
    purpose:
      'Ofrecer información sobre el Proceso Electoral Local Ordinario 2023-2024 a las integrantes de la Misión internacional, particularmente sobre las medidas adoptadas por el IECM para garantizar la paridad e igualdad sustantiva entre mujeres y hombres durante dicho proceso.',
    dates: day('2024-03-13'),
    place: 'instalaciones del IECM',
    institutions: ['INE', 'CAPEL'],
  },
  {
    at: '4.A',
    kind: 'forum',
    title:
      'Foro "Avances y desafíos de la participación política de la mujer en la región. Protocolos en contra de la violencia política en razón de género"',
    purpose:
      'Intercambiar experiencias y reflexiones de diversas personas especialistas de América Latina sobre la importancia del principio de la paridad en la vida política, así como de la participación ciudadana y del desarrollo de la vida democrática.',
    dates: day('2024-03-20'),
  },
  {
    at: '4.B',
    kind: 'meeting',
    title: 'Reunión virtual con la Oficina en México del Fondo de Naciones Unidas para la Infancia (UNICEF)',
    purpose:
      'Contribuir a generar vínculos para colaborar con organismos internacionales en proyectos institucionales.',
    dates: day('2024-02-08'),
    modality: 'remote',
    institutions: ['UNICEF'],
  },
  // 4.E: two international observation missions.
  {
    at: '4.E',
    kind: 'observation_mission',
    title: 'Misión de observación de las Elecciones Presidenciales y Legislativas de El Salvador',
    dates: { mode: 'range', from: '2024-02-01', to: '2024-02-05' },
    inviting: 'TSE',
    country: 'El Salvador',
    election: 'Elecciones Presidenciales y Legislativas',
    people: [{ name: 'Mauricio Huesca Rodríguez', role: 'representative' }],
  },
  {
    at: '4.E',
    kind: 'observation_mission',
    title: 'Misión de observación de las Elecciones Municipales de República Dominicana',
    dates: { mode: 'range', from: '2024-02-14', to: '2024-02-19' },
    inviting: 'JCE',
    country: 'República Dominicana',
    election: 'Elecciones Municipales',
    people: [
      { name: 'Erika Estrada Ruíz', role: 'representative' },
      { name: 'Mauricio Huesca Rodríguez', role: 'representative' },
    ],
  },
  // 5: the accompaniment program.
  {
    at: '5',
    kind: 'other',
    title:
      'Presentación del Programa de Acompañamiento de Personas Observadoras y Visitantes Extranjeras en el marco del Proceso Electoral Local Ordinario 2023-2024 para su aprobación en la tercera sesión ordinaria de la Comisión',
    purpose:
      'Establecer las acciones para atender e informar a las personas observadoras y visitantes extranjeras que acudan a presenciar y acompañar el desarrollo del Proceso Electoral Local Ordinario 2023-2024, de forma que cuenten con las facilidades para desempeñar su labor según los lineamientos establecidos, así como de organizar una Misión de Observación y Acompañamiento',
    dates: day('2024-03-26'),
    agreementNumber: 'CVOE/011/2024',
  },
  {
    at: '5',
    kind: 'other',
    title:
      'Actividades preparatorias de la Misión de Acompañamiento: composición de la Misión, agenda de actividades y detalles logísticos',
    notes: 'Día de la elección y recorrido por distintas casillas electorales: domingo 2 de junio de 2024',
    dates: QUARTER,
  },
  // Scheduled after the quarter (report, V.3 and V.5): election day.
  {
    at: '5',
    kind: 'other',
    title:
      'Desarrollo de la Misión de Acompañamiento 2024, en donde se guiará a las personas observadoras nacionales y visitantes extranjeras a diversas actividades en el marco del PELO 2023-2024, destacando un recorrido por distintas casillas electorales',
    dates: day('2024-06-02'),
  },
];

export const CUSTOM_KINDS = [{ code: 'follow_up_listing', name: 'Listado de seguimiento' }];

export const SSPELO = {
  at: '1.C',
  system:
    'Sistema de Seguimiento de actividades del Proceso Electoral Local Ordinario 2023-2024. Plan Integral y Calendarios de Coordinación (SSPELO)',
  changes: 'Revisión de las actualizaciones del INE en el Plan Integral y Calendarios de Coordinación',
  informedTo:
    'Personas Consejeras Electorales, Secretarios Ejecutivo y Administrativo, Contralor Interno y personas titulares de las áreas ejecutivas y técnicas del IECM',
  dates: [
    '2024-01-16',
    '2024-01-25',
    '2024-01-31',
    '2024-02-07',
    '2024-02-14',
    '2024-02-21',
    '2024-02-27',
    '2024-03-06',
    '2024-03-13',
    '2024-03-21',
    '2024-03-27',
  ],
};

const RECIPIENTS = SSPELO.informedTo;
const NEWS_TITLE =
  'Noticias para informar a la ciudadanía mexicana residente en el extranjero sobre asuntos de relevancia para dicha comunidad';

export const SERIES: {
  at: string;
  name: string;
  cadence: 'weekly' | 'monthly' | 'irregular';
  startsOn?: string;
  audience?: string;
  distribution?: string;
  datesByMonth?: boolean;
  sentWeekly?: boolean;
  issues: { on: string; title: string; numbered?: boolean }[];
}[] = [
  {
    at: '1.A',
    name: 'Calendario semanal de sesiones del INE',
    cadence: 'weekly',
    audience: RECIPIENTS,
    distribution: 'Correo institucional',
    issues: [
      '2024-01-08',
      '2024-01-15',
      '2024-01-22',
      '2024-01-29',
      '2024-02-05',
      '2024-02-12',
      '2024-02-19',
      '2024-02-26',
      '2024-03-04',
      '2024-03-11',
      '2024-03-18',
      '2024-03-25',
    ].map((on) => ({
      on,
      title:
        'Sesiones del Consejo General, la Junta General Ejecutiva, Comisiones, Comités y Grupos de trabajo',
    })),
  },
  {
    at: '1.A',
    name: 'Boletín Electoral',
    cadence: 'weekly',
    // The reference lists its dates month by month.
    datesByMonth: true,
    audience: 'Comunidad del IECM',
    distribution: 'Correo institucional ADIM',
    issues: [
      '2024-01-05',
      '2024-01-12',
      '2024-01-19',
      '2024-01-26',
      '2024-02-02',
      '2024-02-09',
      '2024-02-16',
      '2024-02-23',
      '2024-03-01',
      '2024-03-15',
      '2024-03-22',
      '2024-03-29',
    ].map((on) => ({
      on,
      title: 'Boletín Electoral: actividades y temas relevantes del INE',
    })),
  },
  {
    at: '3.D',
    name: 'Infografías Voto Chilango',
    cadence: 'irregular',
    audience: 'Ciudadanía de la Ciudad de México residente en el extranjero',
    distribution:
      'Redes sociales de Voto Chilango, con la Unidad Técnica de Comunicación Social y Difusión (UTCSyD)',
    issues: [
      { on: '2024-01-16', title: 'Infografía-Voto desde el extranjero' },
      { on: '2024-01-31', title: 'Infografía-Voto desde el extranjero' },
      { on: '2024-02-20', title: 'Infografía-Ampliación de plazo para registrarte desde el extranjero' },
      { on: '2024-02-28', title: 'Infografía-Total de registros' },
      { on: '2024-03-27', title: 'Infografía-Voto desde el extranjero' },
    ],
  },
  {
    at: '3.D',
    name: 'Noticias del micrositio Voto Chilango',
    cadence: 'irregular',
    audience: 'Ciudadanía mexicana residente en el extranjero',
    distribution:
      'Enviadas a la Unidad Técnica de Comunicación Social y Difusión (UTCSyD) para su publicación en el micrositio Voto Chilango',
    issues: [
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-08',
      '2024-01-09',
      '2024-01-10',
      '2024-01-11',
      '2024-01-12',
      '2024-01-16',
      '2024-01-17',
      '2024-01-18',
      '2024-01-19',
      '2024-01-22',
      '2024-01-23',
      '2024-01-26',
      '2024-01-27',
      '2024-01-28',
      '2024-01-29',
      '2024-01-30',
      '2024-01-31',
      '2024-02-01',
      '2024-02-02',
      '2024-02-03',
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-16',
      '2024-02-17',
      '2024-02-18',
      '2024-02-19',
      '2024-02-22',
      '2024-02-23',
      '2024-02-26',
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-10',
      '2024-03-11',
      '2024-03-12',
      '2024-03-13',
      '2024-03-14',
      '2024-03-15',
      '2024-03-19',
      '2024-03-20',
      '2024-03-21',
      '2024-03-22',
      '2024-03-25',
      '2024-03-26',
      '2024-03-27',
      '2024-03-28',
      '2024-03-29',
    ].map((on) => ({ on, title: NEWS_TITLE, numbered: false })),
  },
  {
    at: '3.D',
    name: 'Podcast Voto Chilango',
    cadence: 'irregular',
    audience: 'Ciudadanía mexicana residente en el extranjero',
    distribution:
      'Grabación, edición y difusión con la Unidad Técnica de Comunicación Social y Difusión (UTCSyD)',
    issues: ['2024-02-19', '2024-02-28'].map((on) => ({
      on,
      title:
        'Grabación, edición y difusión de la nueva temporada del Podcast "Voto Chilango" (Episodios 1, 2, 3 y 4)',
      numbered: false,
    })),
  },
  {
    at: '3.D',
    name: 'Boletín Voto Chilango',
    cadence: 'monthly',
    audience: 'Ciudadanía mexicana residente en el extranjero',
    distribution: 'Redes sociales de Voto Chilango',
    issues: [
      { on: '2024-02-24', title: 'Boletín-Voto Chilango' },
      { on: '2024-03-24', title: 'Boletín-Voto Chilango' },
    ],
  },
  {
    at: '3.B',
    name: 'Boletín mensual «Corazón Chilango»',
    cadence: 'monthly',
    startsOn: Q2.from,
    audience: 'Ciudadanía de la Ciudad de México residente en el extranjero',
    distribution: 'Correo votochilango@iecm.mx',
    issues: [],
  },
  {
    at: '4.C',
    name: 'Notas ejecutivas de elecciones en el extranjero',
    cadence: 'irregular',
    audience: 'Comunidad del IECM',
    issues: [
      {
        on: '2024-02-02',
        title: 'Nota Ejecutiva de las Elecciones Presidenciales y Legislativas de El Salvador',
      },
      { on: '2024-02-16', title: 'Nota Ejecutiva de las Elecciones Municipales de República Dominicana' },
      { on: '2024-03-15', title: 'Nota Ejecutiva de las Elecciones Presidenciales de Rusia' },
    ],
  },
  {
    // The report says the weekly sending continued but lists no dates: no issue is invented; the
    // series is declared sent every week, and the report says so.
    at: '4.C',
    name: 'Pulso Internacional',
    cadence: 'weekly',
    sentWeekly: true,
    audience: 'Comunidad del IECM',
    distribution: 'Compilado semanal de noticias y análisis internacionales',
    issues: [],
  },
];

const NONE = 'No se reportan actividades en este rubro durante el periodo de referencia.';
export const REASONS: { at: string; reason: string }[] = [
  { at: '3.E', reason: NONE },
  { at: '3.F', reason: NONE },
  {
    at: '4.D',
    reason:
      'Se realizaron pláticas con dos instituciones potenciales (World Vision México y la Universidad de Santiago de Chile) sin que se concretara la suscripción del instrumento por motivos de agenda.',
  },
  { at: '4.F', reason: NONE },
];

/** The next period's targets (the report's V.4 and V.5), in the quarter after the report's. */
export const TARGETS: {
  at: string;
  description: string;
  minimumCount: number;
  unit: string;
  source: 'activities' | 'publication_issues' | 'external';
  series?: string;
  externalSource?: string;
}[] = [
  {
    at: '3.B',
    description: 'Envío de al menos 20 correos electrónicos con distinta información',
    minimumCount: 20,
    unit: 'correos electrónicos',
    source: 'external',
    externalSource: 'outreach.campaigns',
  },
  {
    at: '3.B',
    description: 'Elaboración de tres boletines mensuales “Corazón Chilango”',
    minimumCount: 3,
    unit: 'boletines',
    source: 'publication_issues',
    series: 'Boletín mensual «Corazón Chilango»',
  },
  {
    at: '3.D',
    description:
      'Envío de al menos 30 noticias sobre temas de interés para la comunidad mexicana residente en el extranjero a la Unidad Técnica de Comunicación Social y Difusión',
    minimumCount: 30,
    unit: 'noticias',
    source: 'publication_issues',
    series: 'Noticias del micrositio Voto Chilango',
  },
  {
    at: '3.A',
    description:
      'Organización de al menos dos eventos dirigidos a personas chilangas residentes en el extranjero',
    minimumCount: 2,
    unit: 'eventos',
    source: 'activities',
  },
  {
    at: '4.C',
    description:
      'Elaboración de dos notas informativas sobre temas electorales y de coyuntura a nivel internacional (Panamá y República Dominicana)',
    minimumCount: 2,
    unit: 'notas',
    source: 'publication_issues',
    series: 'Notas ejecutivas de elecciones en el extranjero',
  },
];
