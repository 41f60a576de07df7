import { and, eq } from 'drizzle-orm';
import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import type { AreaInput, InstitutionInput, PersonInput } from './contract';
import { createArea } from './create-area';
import { createInstitution } from './create-institution';
import { createPerson } from './create-person';
import { addPosition } from './save-position';
import { area, institution, person, position } from './schema';

// The IECM's directory as the reference report (2024-T1) shows it. Where the report gives no date
// (when a head took office), the demo uses the committee's creation (2023-08-29) as the start and
// 2024-02-16 for the change of head of the UTCSyD, which happened between the first (2024-01-25)
// and second (2024-02-22) ordinary sessions.

const SINCE = '2023-08-29';
const UTCSYD_CHANGE = '2024-02-16';

type AreaSeed = AreaInput & { parent?: string };

export const IECM_AREAS: AreaSeed[] = [
  { name: 'Secretaría Ejecutiva', acronym: 'SE', kind: 'executive_secretariat', aliases: [] },
  { name: 'Secretaría Administrativa', acronym: 'SA', kind: 'administrative_secretariat', aliases: [] },
  { name: 'Contraloría Interna', acronym: 'CI', kind: 'internal_comptroller', aliases: [] },
  { name: 'Subcontraloría', acronym: null, kind: 'other', aliases: [], parent: 'Contraloría Interna' },
  {
    name: 'Dirección de Vinculación con Organismos Externos',
    acronym: 'DVOE',
    kind: 'directorate',
    aliases: [],
    parent: 'Secretaría Ejecutiva',
  },
  {
    name: 'Dirección Ejecutiva de Asociaciones Políticas y Fiscalización',
    acronym: 'DEAPyF',
    kind: 'executive_directorate',
    aliases: [],
  },
  {
    name: 'Dirección Ejecutiva de Educación Cívica y Construcción de Ciudadanía',
    acronym: 'DEECyCC',
    kind: 'executive_directorate',
    // The report's opinion 4 names it so.
    aliases: ['Dirección Ejecutiva de Capacitación y Construcción de Ciudadanía'],
  },
  {
    name: 'Dirección Ejecutiva de Participación Ciudadana y Capacitación',
    acronym: 'DEPCyC',
    kind: 'executive_directorate',
    aliases: [],
  },
  {
    name: 'Dirección Ejecutiva de Organización Electoral y Geoestadística',
    acronym: 'DEOEyG',
    kind: 'executive_directorate',
    aliases: [],
  },
  {
    name: 'Dirección Ejecutiva de Género, Derechos Humanos, Educación Cívica y Construcción Ciudadana',
    acronym: null,
    kind: 'executive_directorate',
    aliases: [],
  },
  {
    name: 'Dirección de Paridad de Género y Derechos Humanos',
    acronym: null,
    kind: 'directorate',
    aliases: [],
  },
  { name: 'Unidad Técnica de Asuntos Jurídicos', acronym: 'UTAJ', kind: 'technical_unit', aliases: [] },
  {
    name: 'Unidad Técnica de Comunicación Social y Difusión',
    acronym: 'UTCSyD',
    kind: 'technical_unit',
    // The report's section V.4 misnames it; the alias lets a search by that name find it.
    aliases: ['Unidad Técnica de Comunicación Social y Desarrollo'],
  },
  { name: 'Unidad Técnica de Servicios Informáticos', acronym: 'UTSI', kind: 'technical_unit', aliases: [] },
  {
    name: 'Oficina del Consejero Electoral César Ernesto Ramos Mega',
    acronym: null,
    kind: 'councillor_office',
    aliases: ['Oficina del Consejero Electoral Ernesto Ramos Mega'],
  },
];

type PersonSeed = PersonInput & {
  positions: {
    title: string;
    area?: string;
    headKind?: 'titular' | 'encargado_de_despacho';
    startsOn: string;
    endsOn?: string;
  }[];
};

const councillor = (fullName: string, gender: 'female' | 'male', aliases: string[] = []): PersonSeed => ({
  fullName,
  gender,
  honorific: null,
  aliases,
  positions: [
    { title: gender === 'female' ? 'Consejera Electoral' : 'Consejero Electoral', startsOn: SINCE },
  ],
});

const head = (
  fullName: string,
  gender: 'female' | 'male',
  title: string,
  areaName: string,
  extra: Partial<PersonSeed> = {},
  headKind: 'titular' | 'encargado_de_despacho' = 'titular',
  startsOn = SINCE,
  endsOn?: string,
): PersonSeed => ({
  fullName,
  gender,
  aliases: [],
  honorific: null,
  ...extra,
  positions: [{ title, area: areaName, headKind, startsOn, ...(endsOn ? { endsOn } : {}) }],
});

export const IECM_PEOPLE: PersonSeed[] = [
  {
    fullName: 'Patricia Avendaño Durán',
    gender: 'female',
    honorific: null,
    aliases: [],
    positions: [{ title: 'Consejera Presidenta', startsOn: SINCE }],
  },
  councillor('Erika Estrada Ruíz', 'female', ['Erika Estrada Ruiz']),
  councillor('Mauricio Huesca Rodríguez', 'male'),
  councillor('Sonia Pérez Pérez', 'female'),
  councillor('César Ernesto Ramos Mega', 'male', ['Ernesto Ramos Mega']),
  councillor('Bernardo Valle Monroy', 'male'),
  head('Bernardo Núñez Yedra', 'male', 'Secretario Ejecutivo', 'Secretaría Ejecutiva', {
    honorific: 'Mtro.',
  }),
  head('César Alberto Hoyo Rodríguez', 'male', 'Secretario Administrativo', 'Secretaría Administrativa'),
  head('Francisco Calvario Guzmán', 'male', 'Contralor Interno', 'Contraloría Interna'),
  head(
    'Álvaro Mario Castañón Cuevas',
    'male',
    'Director de Vinculación con Organismos Externos',
    'Dirección de Vinculación con Organismos Externos',
    { honorific: 'Mtro.', aliases: ['Álvaro M. Castañón Cuevas'] },
  ),
  head(
    'Jesús René Quiñones Ceballos',
    'male',
    'Director Ejecutivo de Asociaciones Políticas y Fiscalización',
    'Dirección Ejecutiva de Asociaciones Políticas y Fiscalización',
  ),
  head(
    'Gustavo Uribe Robles',
    'male',
    'Encargado de despacho de la Dirección Ejecutiva de Educación Cívica y Construcción de Ciudadanía',
    'Dirección Ejecutiva de Educación Cívica y Construcción de Ciudadanía',
    {},
    'encargado_de_despacho',
  ),
  head(
    'Marco Antonio Vanegas López',
    'male',
    'Director Ejecutivo de Participación Ciudadana y Capacitación',
    'Dirección Ejecutiva de Participación Ciudadana y Capacitación',
  ),
  head(
    'Cecilia Aida Hernández Cruz',
    'female',
    'Directora Ejecutiva de Organización Electoral y Geoestadística',
    'Dirección Ejecutiva de Organización Electoral y Geoestadística',
  ),
  head(
    'María Guadalupe Zavala Pérez',
    'female',
    'Titular de la Unidad Técnica de Asuntos Jurídicos',
    'Unidad Técnica de Asuntos Jurídicos',
  ),
  head(
    'Salvador Gabriel Macías Payén',
    'male',
    'Titular de la Unidad Técnica de Comunicación Social y Difusión',
    'Unidad Técnica de Comunicación Social y Difusión',
    {},
    'titular',
    SINCE,
    '2024-02-15',
  ),
  head(
    'Oliver Juárez Cervantes',
    'male',
    'Encargado de despacho de la Unidad Técnica de Comunicación Social y Difusión',
    'Unidad Técnica de Comunicación Social y Difusión',
    {},
    'encargado_de_despacho',
    UTCSYD_CHANGE,
  ),
  head(
    'Estefanía Mena Ibarra',
    'female',
    'Titular de la Unidad Técnica de Servicios Informáticos',
    'Unidad Técnica de Servicios Informáticos',
  ),
];

export const IECM_INSTITUTIONS: InstitutionInput[] = [
  {
    name: 'Instituto Nacional Electoral',
    acronym: 'INE',
    kind: 'national_electoral_authority',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Instituto Electoral del Estado de México',
    acronym: 'IEEM',
    kind: 'local_electoral_body',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Instituto Electoral de Coahuila',
    acronym: 'IEC',
    kind: 'local_electoral_body',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Partido Acción Nacional',
    acronym: 'PAN',
    kind: 'political_party',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Partido Revolucionario Institucional',
    acronym: 'PRI',
    kind: 'political_party',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Partido de la Revolución Democrática',
    acronym: 'PRD',
    kind: 'political_party',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Partido Verde Ecologista de México',
    acronym: 'PVEM',
    kind: 'political_party',
    country: 'MX',
    level: 'national',
  },
  { name: 'Partido MORENA', acronym: 'MORENA', kind: 'political_party', country: 'MX', level: 'national' },
  {
    name: 'Secretaría de Seguridad Ciudadana de la Ciudad de México',
    acronym: 'SSC',
    kind: 'government_agency',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Cámara Nacional de Comercio, Servicios y Turismo de la Ciudad de México',
    acronym: 'CANACO CDMX',
    kind: 'company_or_chamber',
    country: 'MX',
    level: 'local',
  },
  {
    name: 'Instituto Tecnológico Autónomo de México',
    acronym: 'ITAM',
    kind: 'university',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Asociación Mexicana de Consejeras Estatales Electorales A. C.',
    acronym: 'AMCEE',
    kind: 'civil_society',
    country: 'MX',
    level: 'national',
  },
  {
    name: 'Mexican Professionals Network',
    acronym: 'MXDC',
    kind: 'migrant_organization',
    country: 'US',
    level: 'international',
  },
  {
    name: 'Fondo de las Naciones Unidas para la Infancia',
    acronym: 'UNICEF',
    kind: 'international_body',
    country: 'MX',
    level: 'international',
  },
  {
    name: 'Tribunal Supremo Electoral de El Salvador',
    acronym: 'TSE',
    kind: 'foreign_electoral_body',
    country: 'SV',
    level: 'international',
  },
  {
    name: 'Junta Central Electoral de República Dominicana',
    acronym: 'JCE',
    kind: 'foreign_electoral_body',
    country: 'DO',
    level: 'international',
  },
];

/** Adds what is missing of the IECM's directory; existing records are left as they are. */
export async function seedIecmDirectory(db: Db, actor: ScopedAuditActor) {
  const orgId = actor.organizationId;
  const areaIds = new Map<string, string>();
  for (const seed of IECM_AREAS) {
    const { parent, ...input } = seed;
    const [existing] = await db
      .select({ id: area.id })
      .from(area)
      .where(and(eq(area.organizationId, orgId), eq(area.name, input.name)));
    const id =
      existing?.id ??
      (await createArea(db, actor, { ...input, parentId: parent ? (areaIds.get(parent) ?? null) : null })).id;
    areaIds.set(input.name, id);
  }
  for (const seed of IECM_INSTITUTIONS) {
    const [existing] = await db
      .select({ id: institution.id })
      .from(institution)
      .where(and(eq(institution.organizationId, orgId), eq(institution.name, seed.name)));
    if (!existing) await createInstitution(db, actor, seed);
  }
  for (const seed of IECM_PEOPLE) {
    const { positions, ...input } = seed;
    const [existing] = await db
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.organizationId, orgId), eq(person.fullName, input.fullName)));
    const personId = existing?.id ?? (await createPerson(db, actor, input)).id;
    for (const p of positions) {
      const [held] = await db
        .select({ id: position.id })
        .from(position)
        .where(
          and(
            eq(position.personId, personId),
            eq(position.title, p.title),
            eq(position.startsOn, p.startsOn),
          ),
        );
      if (held) continue;
      await addPosition(db, actor, personId, {
        title: p.title,
        areaId: p.area ? areaIds.get(p.area)! : null,
        headKind: p.headKind ?? null,
        startsOn: p.startsOn,
        endsOn: p.endsOn ?? null,
      });
    }
  }
  return { areas: areaIds.size, people: IECM_PEOPLE.length, institutions: IECM_INSTITUTIONS.length };
}
