import type { ScopedAuditActor } from '../../accounts';
import type { Db } from '../../platform/db/client';
import { assignStaff } from './assign-staff';
import type { AgendaItemInput, RegistrantInput } from './contract';
import { listAgenda, listGroups, missionNamed, staffOptions } from './repository';
import { registerRegistrant } from './register-registrant';
import { createAgendaItem } from './save-agenda-item';
import { createGroup } from './save-group';
import { createMission } from './save-mission';
import { setMembers } from './set-group-members';

// Demo data of the accompaniment mission: the program approved by agreement CVOE/011/2024 (third
// ordinary session of the CVOE, 26 March 2024) for the 2023-2024 local process, with a small
// synthetic set of registrants (invented names, example.org addresses), two groups, the agenda
// and the election-day routes (Sunday 2 June 2024) through invented polling stations. Idempotent:
// nothing is added when the mission exists.

export const DEMO_MISSION = 'Misión de Acompañamiento 2024';

const CONSENT = {
  source: 'Formulario de registro de la Misión de Acompañamiento',
  privacyNoticeVersion: 'AP-MA-2024',
};

const REGISTRANTS: (RegistrantInput & { group: 'A' | 'B' })[] = [
  {
    kind: 'visitor',
    fullName: 'Élodie Lefèvre Martin',
    nationality: 'FR',
    organization: 'Comisión Nacional de Cuentas de Campaña (Francia)',
    email: 'elodie.lefevre@example.org',
    accreditationStatus: 'accredited',
    accreditationNumber: 'VE-2024-0001',
    consent: { ...CONSENT, givenOn: '2024-04-15', evidence: 'Aceptación en línea, registro 0001' },
    group: 'A',
  },
  {
    kind: 'visitor',
    fullName: 'Joaquín Fuentes Rivas',
    nationality: 'CL',
    organization: 'Servicio Electoral de Chile',
    email: 'joaquin.fuentes@example.org',
    accreditationStatus: 'accredited',
    accreditationNumber: 'VE-2024-0002',
    consent: { ...CONSENT, givenOn: '2024-04-18', evidence: 'Aceptación en línea, registro 0002' },
    group: 'A',
  },
  {
    kind: 'observer',
    fullName: 'Hannah Schäfer Vogel',
    nationality: 'DE',
    organization: 'Fundación para la Democracia y el Diálogo',
    email: 'hannah.schaefer@example.org',
    phone: '+49 30 0000 0003',
    accreditationStatus: 'in_process',
    consent: { ...CONSENT, givenOn: '2024-04-22', evidence: 'Formato firmado, folio 0003' },
    group: 'A',
  },
  {
    kind: 'visitor',
    fullName: 'Camila Restrepo Duarte',
    nationality: 'CO',
    organization: 'Registraduría Nacional del Estado Civil (Colombia)',
    email: 'camila.restrepo@example.org',
    accreditationStatus: 'accredited',
    accreditationNumber: 'VE-2024-0004',
    consent: { ...CONSENT, givenOn: '2024-04-25', evidence: 'Aceptación en línea, registro 0004' },
    group: 'B',
  },
  {
    kind: 'observer',
    fullName: 'Samuel Porter Brooks',
    nationality: 'US',
    organization: 'Universidad de Texas en Austin',
    email: 'samuel.porter@example.org',
    accreditationStatus: 'requested',
    group: 'B',
  },
  {
    kind: 'visitor',
    fullName: 'Inês Almeida Costa',
    nationality: 'PT',
    organization: 'Comissão Nacional de Eleições (Portugal)',
    email: 'ines.almeida@example.org',
    accreditationStatus: 'rejected',
    consent: { ...CONSENT, givenOn: '2024-05-02', evidence: 'Aceptación en línea, registro 0006' },
    group: 'B',
  },
];

const route = (stops: [number, string, string, string, string][]): AgendaItemInput['stops'] =>
  stops.map(([section, casillaType, address, arrivalTime, departureTime]) => ({
    section,
    casillaType,
    address,
    arrivalTime,
    departureTime,
  }));

const AGENDA: (AgendaItemInput & { group?: 'A' | 'B' })[] = [
  {
    kind: 'activity',
    title: 'Recepción y sesión informativa sobre el Proceso Electoral Local 2023-2024',
    day: '2024-05-31',
    startTime: '17:00',
    endTime: '19:00',
    place: 'Sede del Instituto (sala del Consejo General)',
  },
  {
    kind: 'activity',
    title: 'Visita a un consejo distrital y a la bodega electoral',
    day: '2024-06-01',
    startTime: '10:00',
    endTime: '13:00',
    place: 'Consejo distrital 12',
  },
  {
    kind: 'route',
    title: 'Recorrido por casillas — Grupo A',
    day: '2024-06-02',
    startTime: '07:30',
    endTime: '14:00',
    place: 'Salida desde la sede del Instituto',
    group: 'A',
    stops: route([
      [345, 'B', 'Escuela primaria Benito Juárez, calle Zacatecas 10, Cuauhtémoc', '08:00', '08:45'],
      [345, 'C1', 'Escuela primaria Benito Juárez, calle Zacatecas 10, Cuauhtémoc', '08:45', '09:15'],
      [1021, 'B', 'Centro comunitario Del Valle, avenida Coyoacán 200, Benito Juárez', '10:00', '11:00'],
      [1480, 'E1', 'Jardín Hidalgo, plaza Hidalgo s/n, Coyoacán', '12:00', '13:15'],
    ]),
  },
  {
    kind: 'route',
    title: 'Recorrido por casillas — Grupo B',
    day: '2024-06-02',
    startTime: '07:30',
    endTime: '14:30',
    place: 'Salida desde la sede del Instituto',
    group: 'B',
    stops: route([
      [2210, 'B', 'Escuela secundaria 45, calle Oriente 116, Iztacalco', '08:15', '09:00'],
      [2875, 'C2', 'Biblioteca pública de Iztapalapa, avenida Ermita 12, Iztapalapa', '10:00', '11:00'],
      [
        3302,
        'S1',
        'Casilla especial de la terminal de autobuses TAPO, Venustiano Carranza',
        '12:00',
        '13:30',
      ],
    ]),
  },
  {
    kind: 'activity',
    title: 'Seguimiento del cómputo y reunión de cierre de la Misión',
    day: '2024-06-03',
    startTime: '10:00',
    endTime: '12:00',
    place: 'Sede del Instituto (sala del Consejo General)',
  },
];

export async function seedObserversDemo(db: Db, actor: ScopedAuditActor): Promise<{ registrants: number }> {
  const orgId = actor.organizationId;
  if (await missionNamed(db, orgId, DEMO_MISSION)) return { registrants: 0 };
  const mission = await createMission(db, actor, {
    name: DEMO_MISSION,
    process: 'Proceso Electoral Local Ordinario 2023-2024',
    electionDay: '2024-06-02',
    startsOn: '2024-05-31',
    endsOn: '2024-06-03',
    agreementRef: 'CVOE/011/2024',
    approvedOn: '2024-03-26',
  });
  const groups = {
    A: await createGroup(db, actor, mission.id, {
      name: 'Grupo A',
      description: 'Recorrido por el centro y sur',
    }),
    B: await createGroup(db, actor, mission.id, { name: 'Grupo B', description: 'Recorrido por el oriente' }),
  };
  const members: Record<'A' | 'B', string[]> = { A: [], B: [] };
  for (const { group, ...r } of REGISTRANTS) {
    members[group].push((await registerRegistrant(db, actor, mission.id, r)).id);
  }
  for (const g of ['A', 'B'] as const)
    await setMembers(db, actor, groups[g].id, { registrantIds: members[g] });
  for (const { group, ...item } of AGENDA)
    await createAgendaItem(db, actor, mission.id, { ...item, groupId: group ? groups[group].id : null });

  // The liaison office's staff accompany the groups on election day.
  const staff = (await staffOptions(db, orgId, undefined)).filter((s) => s.kind === 'user');
  const agenda = await listAgenda(db, orgId, mission.id);
  const all = await listGroups(db, orgId, mission.id);
  for (const [i, g] of all.entries()) {
    const who = staff[i % Math.max(staff.length, 1)];
    const item = agenda.find((a) => a.kind === 'route' && a.groupId === g.id);
    if (who && item)
      await assignStaff(db, actor, mission.id, {
        agendaItemId: item.id,
        groupId: g.id,
        userId: who.userId,
        role: 'Enlace del grupo',
      });
  }
  return { registrants: REGISTRANTS.length };
}
