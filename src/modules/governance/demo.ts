import { and, eq, inArray } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import { area, institution, person } from '../directory/schema';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { addAgendaItem } from './add-agenda-item';
import { adoptAgreement, recordHistoricalAgreement } from './adopt-agreement';
import { approveMinutes } from './approve-minutes';
import { createBody } from './create-body';
import { recordAttendance } from './record-attendance';
import { findBodyByAcronym, listSessionRows } from './repository';
import { addMembership, updateMembership } from './save-membership';
import { addMandateUpdates, createMandate } from './save-mandate';
import { createSession } from './save-session';
import { rostersOn } from './session-view';

// The CVOE of the IECM as the reference report (2024-T1) shows it: composition and its history, the
// three ordinary sessions of the quarter with their attendance, the 11 agreements, and the SSSCG
// updates. People, areas and parties are the directory demo's records (seedIecmDirectory), looked up
// by name. Where the report is silent (session times, the Consejo General's own dates, which CG
// agreements the SSSCG updates concerned) the demo leaves the field empty or says so.

const CREATED_ON = '2023-08-29';
const CG_CREATION = 'IECM/ACU-CG-077/2023';

const MEMBERS = [
  ['Erika Estrada Ruíz', 'president'],
  ['Mauricio Huesca Rodríguez', 'member'],
  ['Sonia Pérez Pérez', 'member'],
  ['César Ernesto Ramos Mega', 'member'],
  ['Bernardo Valle Monroy', 'member'],
] as const;

/** Party representations in the order the report lists them. */
const PARTIES = [
  'Partido Revolucionario Institucional',
  'Partido de la Revolución Democrática',
  'Partido Verde Ecologista de México',
  'Partido MORENA',
  'Partido Acción Nacional',
];

/** Areas whose heads are standing invitees, in the order the report lists them. */
const INVITED_AREAS = [
  'Secretaría Administrativa',
  'Secretaría Ejecutiva',
  'Contraloría Interna',
  'Dirección Ejecutiva de Asociaciones Políticas y Fiscalización',
  'Dirección Ejecutiva de Educación Cívica y Construcción de Ciudadanía',
  'Dirección Ejecutiva de Participación Ciudadana y Capacitación',
  'Dirección Ejecutiva de Organización Electoral y Geoestadística',
  'Unidad Técnica de Asuntos Jurídicos',
  'Unidad Técnica de Comunicación Social y Difusión',
  'Unidad Técnica de Servicios Informáticos',
];

/** Who was absent from each 2024 ordinary session (everyone else on the roster attended). */
const SESSIONS_2024 = [
  {
    heldOn: '2024-01-25',
    absent: ['Partido de la Revolución Democrática'],
    agreements: [
      'Aprobación del orden del día correspondiente a la primera sesión ordinaria de 2024 de la Comisión Provisional de Vinculación con Organismos Externos, celebrada el jueves 25 de enero.',
      'Aprobación del proyecto de minuta de la cuarta sesión ordinaria de 2023 de la Comisión Provisional de Vinculación con Organismos Externos.',
      'Aprobación del primer informe de la Comisión Provisional de Vinculación con Organismos Externos de septiembre a diciembre de 2023.',
      'Aprobación del Proyecto de Acuerdo de la Comisión Provisional de Vinculación con Organismos Externos por el que se modifica la Convocatoria de la sexta edición del concurso Vota Film Fest “La democracia a través de tu lente: ¡Exprésate en corto!”, en materia de ampliación de plazo',
    ],
  },
  {
    heldOn: '2024-02-22',
    absent: [
      'Partido Revolucionario Institucional',
      'Partido de la Revolución Democrática',
      'Partido MORENA',
    ],
    agreements: [
      'Aprobación del orden del día correspondiente a la segunda sesión ordinaria de 2024 de la Comisión Provisional de Vinculación con Organismos Externos, celebrada el jueves 22 de febrero.',
      'Aprobación de la designación del maestro Álvaro Mario Castañón Cuevas, Director de Vinculación con Organismos Externos, como nuevo secretario técnico de la Comisión Provisional de Vinculación con Organismos Externos.',
      'Aprobación del proyecto de minuta de la primera sesión ordinaria de 2024 de la Comisión Provisional de Vinculación con Organismos Externos.',
      'Aprobación de la integración del jurado de la sexta edición del concurso de cortometrajes Vota Film Fest “La democracia a través de tu lente: ¡Exprésate en corto!”, así como de la rúbrica para la evaluación de los cortometrajes, y presentación del tercer informe sobre la organización de dicho concurso.',
    ],
  },
  {
    heldOn: '2024-03-26',
    absent: ['Bernardo Valle Monroy', 'Partido Revolucionario Institucional'],
    agreements: [
      'Aprobación del orden del día correspondiente a la tercera sesión ordinaria de 2024 de la Comisión Provisional de Vinculación con Organismos Externos, celebrada el martes 26 de marzo.',
      'Aprobación del proyecto de minuta de la segunda sesión ordinaria de 2024 de la Comisión Provisional de Vinculación con Organismos Externos.',
      'Aprobación del Programa de acompañamiento de personas observadoras y visitantes extranjeras en el marco del Proceso Electoral Local Ordinario 2023-2024',
    ],
  },
];

/** The dates of the report's SSSCG updates (a date repeats when there were several that day). */
export const SSSCG_UPDATE_DATES = [
  '2024-01-05',
  '2024-01-15',
  '2024-01-15',
  '2024-01-30',
  '2024-01-31',
  '2024-02-07',
  '2024-02-07',
  '2024-02-08',
  '2024-02-16',
  '2024-02-29',
  '2024-02-29',
  '2024-02-29',
  '2024-03-13',
  '2024-03-19',
  '2024-03-19',
  '2024-03-28',
  '2024-03-29',
  '2024-03-29',
  '2024-03-29',
  '2024-03-29',
];

function byName(rows: { id: string; name: string }[], names: string[]): Map<string, string> {
  const found = new Map(rows.map((r) => [r.name, r.id]));
  const missing = names.filter((n) => !found.has(n));
  if (missing.length) throw new Error(`directory demo records missing: ${missing.join(', ')}`);
  return found;
}

/**
 * Adds the CVOE and the Consejo General's SSSCG follow-up, all in one transaction; if the CVOE
 * already exists nothing is added (running `vincula demo` twice adds nothing).
 */
export async function seedGovernance(db: Db, actor: ScopedAuditActor): Promise<{ created: boolean }> {
  const orgId = actor.organizationId;
  if (await findBodyByAcronym(db, orgId, 'CVOE')) return { created: false };
  await inTransaction(db, async (tx) => {
    const personNames = [...MEMBERS.map(([n]) => n), 'Bernardo Núñez Yedra', 'Álvaro Mario Castañón Cuevas'];
    const people = byName(
      await tx
        .select({ id: person.id, name: person.fullName })
        .from(person)
        .where(and(eq(person.organizationId, orgId), inArray(person.fullName, personNames))),
      personNames,
    );
    const parties = byName(
      await tx
        .select({ id: institution.id, name: institution.name })
        .from(institution)
        .where(and(eq(institution.organizationId, orgId), inArray(institution.name, PARTIES))),
      PARTIES,
    );
    const areaNames = [...INVITED_AREAS, 'Dirección de Vinculación con Organismos Externos'];
    const areas = byName(
      await tx
        .select({ id: area.id, name: area.name })
        .from(area)
        .where(and(eq(area.organizationId, orgId), inArray(area.name, areaNames))),
      areaNames,
    );

    // The Consejo General: its agreements read IECM/ACU-CG-NNN/YYYY. The report gives no creation
    // date of its own; the CVOE's creation date stands in.
    const cg = await createBody(tx, actor, {
      name: 'Consejo General',
      acronym: 'CG',
      kind: 'consejo_general',
      agreementPrefix: 'IECM/ACU-CG-',
      createdOn: CREATED_ON,
    });
    const creation = await recordHistoricalAgreement(tx, actor, cg.id, {
      number: CG_CREATION,
      title:
        'Acuerdo del Consejo General por el que se aprueba la creación de la Comisión Provisional de Vinculación con Organismos Externos (Décima Sesión Urgente).',
      adoptedOn: CREATED_ON,
    });

    const cvoe = await createBody(tx, actor, {
      name: 'Comisión Provisional de Vinculación con Organismos Externos',
      acronym: 'CVOE',
      kind: 'provisional_committee',
      createdByAgreement: CG_CREATION,
      createdOn: CREATED_ON,
    });
    for (const [i, [name, role]] of MEMBERS.entries()) {
      await addMembership(tx, actor, cvoe.id, {
        role,
        personId: people.get(name)!,
        startsOn: CREATED_ON,
        agreementReference: CG_CREATION,
        sortOrder: i,
      });
    }
    for (const [i, name] of PARTIES.entries()) {
      await addMembership(tx, actor, cvoe.id, {
        role: 'party_representation',
        institutionId: parties.get(name)!,
        startsOn: CREATED_ON,
        sortOrder: i,
      });
    }
    for (const [i, name] of INVITED_AREAS.entries()) {
      await addMembership(tx, actor, cvoe.id, {
        role: 'area_invitee',
        areaId: areas.get(name)!,
        startsOn: CREATED_ON,
        sortOrder: i,
      });
    }

    // 2023: the first extraordinary session designated the technical secretary and approved the program.
    const first2023 = await createSession(tx, actor, cvoe.id, {
      kind: 'extraordinaria',
      heldOn: '2023-09-11',
      modality: 'a_distancia',
    });
    const designation = await recordHistoricalAgreement(tx, actor, cvoe.id, {
      number: 'CVOE/002/2023',
      title:
        'Aprobación de la designación del titular de la Secretaría Ejecutiva, maestro Bernardo Núñez Yedra, como secretario técnico de la Comisión Provisional de Vinculación con Organismos Externos.',
      adoptedOn: '2023-09-11',
      sessionId: first2023.id,
    });
    await recordHistoricalAgreement(tx, actor, cvoe.id, {
      number: 'CVOE/003/2023',
      title: 'Aprobación del Programa Específico de Vinculación 2024.',
      adoptedOn: '2023-09-11',
      sessionId: first2023.id,
    });
    const firstSecretary = await addMembership(tx, actor, cvoe.id, {
      role: 'technical_secretary',
      personId: people.get('Bernardo Núñez Yedra')!,
      startsOn: '2023-09-11',
      agreementId: designation.id,
      sortOrder: 0,
    });

    // 2024: three ordinary sessions, a distancia.
    const agreementIds: string[][] = [];
    for (const [index, s] of SESSIONS_2024.entries()) {
      const session = await createSession(tx, actor, cvoe.id, {
        kind: 'ordinaria',
        heldOn: s.heldOn,
        modality: 'a_distancia',
      });
      const adopted: string[] = [];
      const voting = (await rostersOn(tx, orgId, cvoe.id, [s.heldOn])).get(s.heldOn)!.filter((x) => x.voting);
      const absentToday = new Set(s.absent.map((n) => people.get(n)).filter(Boolean));
      for (const [i, title] of s.agreements.entries()) {
        const item = await addAgendaItem(tx, actor, session.id, { title });
        // The quarter's last agreement is shown by recorded vote (each member's vote by name): the
        // report gives no votes, so the recorded outcome stays the same (in favour, the absent absent).
        const recorded = index === SESSIONS_2024.length - 1 && i === s.agreements.length - 1;
        adopted.push(
          (
            await adoptAgreement(tx, actor, session.id, {
              agendaItemId: item.id,
              title,
              voteKind: recorded ? 'recorded' : 'unanimous',
              votes: recorded
                ? voting.map((seat) => ({
                    personId: seat.personId!,
                    vote: absentToday.has(seat.personId!) ? ('ausente' as const) : ('favor' as const),
                  }))
                : [],
            })
          ).id,
        );
      }
      agreementIds.push(adopted);
      if (index === 1) {
        // CVOE/006/2024 designated the new technical secretary from this session on.
        await updateMembership(tx, actor, cvoe.id, firstSecretary.id, { endsOn: '2024-02-21' });
        await addMembership(tx, actor, cvoe.id, {
          role: 'technical_secretary',
          personId: people.get('Álvaro Mario Castañón Cuevas')!,
          startsOn: '2024-02-22',
          agreementId: adopted[1]!,
          sortOrder: 0,
        });
      }
      const seats = (await rostersOn(tx, orgId, cvoe.id, [s.heldOn])).get(s.heldOn)!;
      const absentPeople = new Set(s.absent.map((n) => people.get(n)).filter(Boolean));
      const absentParties = new Set(s.absent.map((n) => parties.get(n)).filter(Boolean));
      await recordAttendance(tx, actor, session.id, {
        entries: seats.map((seat) =>
          seat.institutionId
            ? { institutionId: seat.institutionId, present: !absentParties.has(seat.institutionId) }
            : { personId: seat.personId!, present: !absentPeople.has(seat.personId!) },
        ),
      });
    }
    // Minutes: CVOE/007/2024 approved the first session's, CVOE/010/2024 the second's.
    const rows = await listSessionRows(tx, orgId, cvoe.id, { from: '2024-01-01', to: '2024-12-31' });
    await approveMinutes(tx, actor, rows[0]!.id, agreementIds[1]![2]!);
    await approveMinutes(tx, actor, rows[1]!.id, agreementIds[2]![1]!);

    // SSSCG: the report gives only the dates of the updates the DVOE made, not the agreements.
    const mandate = await createMandate(tx, actor, {
      agreementId: creation.id,
      description:
        'Actualizar en el Sistema de Seguimiento de las sesiones del Consejo General (SSSCG) el avance de los acuerdos del Consejo General a cargo de la DVOE.',
      dueOn: null,
      areaIds: [areas.get('Dirección de Vinculación con Organismos Externos')!],
    });
    await addMandateUpdates(
      tx,
      actor,
      mandate.id,
      SSSCG_UPDATE_DATES.map((occurredOn) => ({ occurredOn, note: 'Actualización en el SSSCG.' })),
    );
  });
  return { created: true };
}
