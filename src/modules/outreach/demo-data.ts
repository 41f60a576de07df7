// The reference report's outreach of January–March 2024 (sections IV.2.B and IV.3.B), as the
// demo's campaign records. Source: ../shared/reference/informe-2024-T1.facts.json.

/** IV.2.B: topics sent to citizens and the IECM's observer network, by e-mail, WhatsApp and phone. */
export const OBSERVER_NETWORK_TOPICS: readonly { month: string; topic: string }[] = [
  {
    month: '2024-01',
    topic:
      'Difusión de la convocatoria de la sexta edición del concurso de cortometrajes Vota Film Fest "La democracia a través de tu lente: ¡Exprésate en corto!"',
  },
  { month: '2024-01', topic: 'Invitación a formar parte de la Red de Observación del IECM' },
  {
    month: '2024-01',
    topic: 'Invitación al curso «Voto de las personas en prisión preventiva en la Ciudad de México»',
  },
  { month: '2024-01', topic: 'Envío de dos noticias semanales en materia electoral' },
  { month: '2024-01', topic: 'Invitación para participar como personas observadoras electorales' },
  { month: '2024-01', topic: 'Invitación para participar en la Misión de Acompañamiento' },
  {
    month: '2024-01',
    topic:
      'Invitación a seguir la transmisión de las sesiones de Consejo General del IECM y las comisiones correspondientes en el mes de enero',
  },
  {
    month: '2024-02',
    topic:
      'Difusión de la convocatoria de la sexta edición del concurso de cortometrajes Vota Film Fest "La democracia a través de tu lente: ¡Exprésate en corto!"',
  },
  {
    month: '2024-02',
    topic:
      'Difusión de la convocatoria para ser observadores electorales en el Proceso Electoral Concurrente (PEC) 2023-2024',
  },
  { month: '2024-02', topic: 'Invitación a formar parte de la Red de Observación del IECM' },
  { month: '2024-02', topic: 'Envío de dos noticias semanales en materia electoral' },
  { month: '2024-02', topic: 'Invitación para participar como personas observadoras electorales' },
  { month: '2024-02', topic: 'Invitación para participar en la Misión de Acompañamiento' },
  {
    month: '2024-02',
    topic:
      'Difusión sobre el derecho de todas las personas de celebrar debates en el marco de los procesos electorales que se llevan a cabo en la Ciudad de México',
  },
  {
    month: '2024-02',
    topic: 'Invitación al concurso de comunicación en redes sociales "#HablemosDeLoQueImporta"',
  },
  {
    month: '2024-02',
    topic:
      'Invitación a seguir la transmisión de las sesiones de Consejo General del IECM y las comisiones correspondientes en el mes de febrero',
  },
  {
    month: '2024-02',
    topic:
      'Invitación a seguir la transmisión del X Space "Diálogo y Democracia: El voto inclusivo de personas en estado de postración"',
  },
  {
    month: '2024-02',
    topic:
      'Invitación a las actividades que se ejecutarán por los Consejos Distritales en el marco del Proceso Electoral Local Ordinario 2023-2024',
  },
  {
    month: '2024-02',
    topic:
      'Invitación a participar en el curso autogestivo "Diversidad de opciones para garantizar los derechos político-electorales de la ciudadanía en la Ciudad de México en elecciones locales durante el Proceso Electoral Concurrente 2023-2024"',
  },
  { month: '2024-03', topic: 'Invitación a formar parte de la Red de Observación del IECM' },
  { month: '2024-03', topic: 'Envío de dos noticias semanales en materia electoral' },
  { month: '2024-03', topic: 'Invitación para participar como personas observadoras electorales' },
  { month: '2024-03', topic: 'Invitación para participar en la Misión de Acompañamiento 2024' },
  {
    month: '2024-03',
    topic:
      'Invitación para participar en el "Segundo Encuentro de Capacitación del Programa de Profesionalización de la Red de Observación del IECM: Inclusividad electoral: abordando el voto en condiciones excepcionales"',
  },
  {
    month: '2024-03',
    topic:
      'Difusión del Primer Debate entre las candidaturas a la Jefatura de Gobierno de la Ciudad de México',
  },
  {
    month: '2024-03',
    topic:
      'Invitación a seguir la transmisión de las sesiones de Consejo General del IECM y las comisiones correspondientes en el mes de marzo',
  },
  {
    month: '2024-03',
    topic:
      'Invitación a la conferencia "Generalidades del Proceso Electoral Local Ordinario y Modalidades de Votación" en las instalaciones de la CANACO CDMX',
  },
  {
    month: '2024-03',
    topic:
      'Invitación a la presentación de la Guía sobre Violencia Política contra las Mujeres en Razón de Género que desempeñan un cargo de elección popular en la CDMX',
  },
  {
    month: '2024-03',
    topic:
      'Invitación a la transmisión del evento "Red Flag: la inteligencia artificial en el Escenario Electoral"',
  },
  {
    month: '2024-03',
    topic:
      'Invitación a la ceremonia de premiación de la sexta edición del concurso de cortometrajes Vota Film Fest "La democracia a través de tu lente: ¡Exprésate en corto!"',
  },
  {
    month: '2024-03',
    topic:
      'Invitación al foro regional "Avances y desafíos de la participación política de la mujer en la región. Protocolos en contra de la violencia política en razón de género"',
  },
  {
    month: '2024-03',
    topic:
      'Invitación para participar en los dos Simulacros de Votación que permitan verificar el funcionamiento y usabilidad del Sistema de Voto Electrónico por Internet para las y los Mexicanos Residentes en el Extranjero (SIVEI)',
  },
  {
    month: '2024-03',
    topic: 'Invitación al evento "Diálogos con tus candidatos CDMX" en las instalaciones de la CANACO CDMX',
  },
  {
    month: '2024-03',
    topic: 'Invitación a los cursos de capacitación en materia de participación ciudadana del IECM',
  },
  {
    month: '2024-03',
    topic:
      'Difusión de la convocatoria para participar como Supervisor/Supervisora Electoral Local o Capacitador/Capacitadora-Asistente Electoral Local durante el proceso electoral 2023-2024',
  },
];

/** IV.3.B: e-mails sent from votochilango@iecm.mx to the Voto Chilango contact base. */
export const VOTO_CHILANGO_MAILINGS: readonly { date: string; topic: string }[] = [
  { date: '2024-01-01', topic: 'Boletín informativo diciembre 2023' },
  {
    date: '2024-01-08',
    topic:
      'Invitación a la sexta edición del concurso de cortometrajes Vota Film Fest "La democracia a través de tu lente: ¡Exprésate en corto!"',
  },
  { date: '2024-01-25', topic: 'Invitación para participar como Observador/a Electoral' },
  {
    date: '2024-01-31',
    topic:
      'Invitación al encuentro virtual titulado "Diputación Migrante: Conversatorio con la Ciudadanía Chilanga Residente en el Extranjero"',
  },
  {
    date: '2024-02-01',
    topic:
      'Invitación a la sexta edición del concurso de cortometrajes Vota Film Fest "La democracia a través de tu lente: ¡Exprésate en corto!"',
  },
  {
    date: '2024-02-05',
    topic:
      'Invitación-Encuentro virtual titulado "Diputación Migrante: Conversatorio con la Ciudadanía Chilanga Residente en el Extranjero"',
  },
  {
    date: '2024-02-15',
    topic:
      'Envío del Acuerdo del IECM por el cual se aprobó promover la organización y celebración de debates en el marco del Proceso Electoral Local 2023-2024 (bases mínimas)',
  },
  {
    date: '2024-02-21',
    topic:
      'Envío del aviso sobre nueva fecha de registro para votar desde el extranjero-Material digital informativo',
  },
  { date: '2024-03-02', topic: 'Boletín informativo febrero 2024' },
  { date: '2024-03-13', topic: 'Invitación al 1° Debate para la Jefatura de Gobierno en la CDMX' },
  { date: '2024-03-21', topic: 'Invitación para escuchar y difundir el Podcast "Voto Chilango"' },
  { date: '2024-03-29', topic: 'Invitación para escuchar y difundir el Podcast "Voto Chilango"' },
];
