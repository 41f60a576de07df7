import type { ScopedAuditActor } from '../accounts';
import { agreementsBySession, findBodyByAcronym } from '../governance';
import type { Body } from '../governance/contract';
import { approveReport } from './approve-report';
import type { Db } from '../platform/db/client';
import { generateReport } from './generate-report';
import * as repo from './repository';
import { updatePendingItems } from './update-report-text';

// The draft of the CVOE's quarterly report for January–March 2024 with the pending activities the
// staff add to section V (the reference report's V.1.A, V.1.B, V.2, V.3 and the bullets of V.4 and
// V.5 that are neither next-quarter targets nor scheduled program activities). Lines are the work
// program's: the observer network's activities (reference V.3) belong to line 2.

export const DEMO_REPORT = { body: 'CVOE', from: '2024-01-01', to: '2024-03-31' };

export const DEMO_PENDING_ITEMS: { line: string | null; text: string }[] = [
  {
    line: '1',
    text: '**Reporte de las sesiones del INE:** continuar con el seguimiento de las actividades de la autoridad nacional electoral a través del Boletín Electoral y el calendario de sesiones semanal del Consejo General, la Junta General Ejecutiva, Comisiones, Comités y Grupos de trabajo del INE.',
  },
  {
    line: '1',
    text: '**Actividades de seguimiento a los trabajos de construcción del Convenio General de Coordinación y Colaboración para el Proceso Electoral Concurrente 2023-2024 (Convenio) y sus Anexos.** Se continuará dando seguimiento a los trabajos para la determinación de los alcances de los diversos Anexos Técnicos, así como a los Lineamientos del Modelo de Operación y la Documentación electoral para la organización del voto de las personas en prisión preventiva y al Conteo Rápido Institucional y su respectivo Anexo para la elección a la Jefatura de Gobierno.',
  },
  {
    line: '2',
    text: 'Se continuará con la realización de actividades en el marco de la Estrategia de Vinculación con Universidades 2023-2024.',
  },
  {
    line: '2',
    text: 'Se continuará con la realización de actividades en el marco de la profesionalización de la Red de Observación del IECM, con el Tercer Encuentro de Capacitación del Programa de Profesionalización de la Red de Observación del IECM.',
  },
  {
    line: '2',
    text: 'Realización del evento “Diálogos Electorales: Desafíos y oportunidades en el uso de IA en la democracia”.',
  },
  {
    line: '2',
    text: 'Llevar a cabo reuniones con Organizaciones de la Sociedad Civil para invitarles a formar parte de la Red de Observación del IECM.',
  },
  {
    line: '2',
    text: 'Realización del Foro “Elecciones incluyentes desde la perspectiva de la comunidad LGTBTTIQ+: avances y retos”.',
  },
  {
    line: '2',
    text: 'Realización del evento Red Flag: “Campañas e Integridad Electoral en la Ciudad de México”.',
  },
  {
    line: '2',
    text: 'Realización del evento Red Flag: “La violencia política por razón de género en los procesos electorales”.',
  },
  { line: '2', text: 'Realización del evento Red Flag: “Fake News en los Procesos Electorales”.' },
  {
    line: '2',
    text: 'Segunda reunión sobre la Mesa de Acompañamiento con Organizaciones de la Sociedad Civil y Organismos Internacionales para el Voto de las Personas en Prisión Preventiva (VPPP).',
  },
  { line: '3', text: 'Actualizar el micrositio Voto Chilango.' },
  {
    line: '3',
    text: 'Presentar y ejecutar el proyecto para la elaboración de una serie de podcasts para proporcionar información de los procesos electorales y requisitos específicos para el voto chilango en el extranjero.',
  },
  { line: '3', text: 'Envío de materiales de difusión impresos a sedes consulares.' },
  {
    line: '4',
    text: 'Realización de una actividad con organismos internacionales, organizaciones e instituciones públicas y privadas en el extranjero en el marco del PELO 2024.',
  },
  {
    line: '4',
    text: 'Participación por parte de autoridades del IECM en misiones de observación electoral o en foros internacionales especializados en temas electorales.',
  },
  {
    line: '4',
    text: 'Seguimiento a la suscripción de los convenios de colaboración con la Universidad de Santiago de Chile (USACH) y World Vision México.',
  },
  {
    line: '4',
    text: 'Seguimiento a los organismos internacionales que forman parte de la Mesa de Acompañamiento para la Implementación del Voto de las Personas en Prisión Preventiva en las próximas elecciones locales.',
  },
];

/**
 * The CVOE's first report, of September to December 2023, approved on 25 January 2024 by
 * CVOE/003/2024 ("Aprobación del primer informe…"): January–March 2024 is its second, as the
 * reference calls it ("Segundo informe trimestral").
 */
export const DEMO_FIRST_REPORT = { from: '2023-09-01', to: '2023-12-31', approvedBy: 'CVOE/003/2024' };

async function seedFirstReport(db: Db, actor: ScopedAuditActor, body: Body) {
  const orgId = actor.organizationId;
  const { from, to, approvedBy } = DEMO_FIRST_REPORT;
  const report = await generateReport(db, actor, { bodyId: body.id, from, to });
  const { sessions } = await agreementsBySession(db, orgId, body, { from: '2024-01-01', to: '2024-01-31' });
  const approving = sessions.flatMap((s) => s.agreements).find((a) => a.number === approvedBy);
  if (approving) await approveReport(db, actor, report.id, approving.id);
}

/**
 * Creates the draft of the demo report with its pending items, through the use cases the API uses.
 * Runs after every other seeder (the draft is generated from their records); a draft that already
 * exists is left as it is.
 */
export async function seedReportsDemo(db: Db, actor: ScopedAuditActor): Promise<{ reports: number }> {
  const orgId = actor.organizationId;
  const body = await findBodyByAcronym(db, orgId, DEMO_REPORT.body);
  if (!body) return { reports: 0 };
  if (await repo.findReportByPeriod(db, orgId, body.id, DEMO_REPORT.from, DEMO_REPORT.to))
    return { reports: 0 };
  await seedFirstReport(db, actor, body);
  const draft = await generateReport(db, actor, {
    bodyId: body.id,
    from: DEMO_REPORT.from,
    to: DEMO_REPORT.to,
  });
  await updatePendingItems(db, actor, draft.id, DEMO_PENDING_ITEMS);
  return { reports: 1 };
}
