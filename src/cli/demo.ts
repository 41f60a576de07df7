import { createOrganization } from '../modules/accounts/create-organization';
import { createUser } from '../modules/accounts/create-user';
import { existingAreaIds } from '../modules/directory';
import type { Role } from '../modules/accounts/contract';
import { createFirstOperator } from '../modules/accounts/create-first-operator';
import { findOrganizationByAcronym, operatorExists } from '../modules/accounts/repository';
import { user } from '../modules/accounts/schema';
import { area } from '../modules/directory/schema';
import { seedIecmAgreements } from '../modules/agreements/demo';
import { seedIecmDirectory } from '../modules/directory/demo';
import { seedDemoLetterhead } from '../modules/accounts/demo-letterhead';
import { seedChannelDemo } from '../modules/channel/demo';
import { seedChannelRoutingDemo } from '../modules/channel/routing-demo';
import { seedChannelReportsDemo } from '../modules/channel/report-demo';
import { seedGovernance } from '../modules/governance/demo';
import { seedProgramDemo } from '../modules/program/demo';
import { seedOutreachDemo } from '../modules/outreach/demo';
import { seedReportsDemo } from '../modules/reports/demo';
import { seedAgreementsLiveDemo } from '../modules/agreements/live-demo';
import { seedChannelLiveDemo } from '../modules/channel/live-demo';
import { seedGovernanceLiveDemo } from '../modules/governance/live-demo';
import { seedProgramLiveDemo } from '../modules/program/live-demo';
import { seedObserversDemo } from '../modules/outreach/observers/demo';
import type { AppContext } from '../modules/platform/http/context';
import { noProgress, type Progress } from '../modules/platform/progress';
import { and, eq, inArray } from 'drizzle-orm';

/** The password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'Vincula-demo-2024';

type DemoUser = { email: string; name: string; roles: Role[]; areas?: string[] };

/** The demo installation's operator (manages organizations; sees none of their records). */
export const DEMO_OPERATOR = { email: 'operador@vincula.demo', name: 'Operación de la instalación' };

export const DEMO_USERS: Record<'IECM' | 'INE', DemoUser[]> = {
  IECM: [
    { email: 'admin@iecm.demo', name: 'Administración IECM', roles: ['administrator'] },
    { email: 'enlace@iecm.demo', name: 'Personal de Vinculación (DVOE)', roles: ['liaison_staff'] },
    {
      email: 'area@iecm.demo',
      name: 'Personal de la UTAJ',
      roles: ['area_staff'],
      areas: ['Unidad Técnica de Asuntos Jurídicos'],
    },
    { email: 'consejera@iecm.demo', name: 'Erika Estrada Ruíz', roles: ['councillor'] },
    { email: 'auditoria@iecm.demo', name: 'Auditoría IECM', roles: ['auditor'] },
  ],
  INE: [
    { email: 'admin@ine.demo', name: 'Administración INE', roles: ['administrator'] },
    { email: 'enlace@ine.demo', name: 'Personal de la UTVOPL (INE)', roles: ['national_authority_staff'] },
  ],
};

/**
 * Creates the demo installation, or completes it: the IECM and the INE as organizations, a user
 * per role, and the IECM's directory from the reference report. Running it again adds nothing.
 */
export async function seedDemo(ctx: AppContext, progress: Progress = noProgress): Promise<string> {
  const { db } = ctx.database;
  const step = (what: string) => progress(`Creando datos de demostración: ${what}…`);
  step('organizaciones');
  const system = { userId: null, label: 'vincula demo', organizationId: null };
  const orgs = {
    IECM:
      (await findOrganizationByAcronym(db, 'IECM')) ??
      (await createOrganization(db, system, {
        name: 'Instituto Electoral de la Ciudad de México',
        acronym: 'IECM',
        kind: 'local_body',
        state: 'Ciudad de México',
      })),
    INE:
      (await findOrganizationByAcronym(db, 'INE')) ??
      (await createOrganization(db, system, {
        name: 'Instituto Nacional Electoral',
        acronym: 'INE',
        kind: 'national_authority',
      })),
  };
  const iecmActor = { ...system, organizationId: orgs.IECM.id };
  step('directorio');
  const directory = await seedIecmDirectory(db, iecmActor);
  step('membrete');
  await seedDemoLetterhead(db, iecmActor);
  step('instrumentos jurídicos');
  await seedIecmAgreements(db, iecmActor);
  step('órganos colegiados');
  await seedGovernance(db, iecmActor);
  step('programa de trabajo');
  await seedProgramDemo(db, iecmActor);

  step('usuarios');
  let createdUsers = 0;
  for (const [acronym, users] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, DemoUser[]][]) {
    const org = orgs[acronym];
    for (const u of users) {
      const [exists] = await db.select({ id: user.id }).from(user).where(eq(user.email, u.email));
      if (exists) continue;
      const areaIds = u.areas?.length
        ? (
            await db
              .select({ id: area.id })
              .from(area)
              .where(and(eq(area.organizationId, org.id), inArray(area.name, u.areas)))
          ).map((a) => a.id)
        : [];
      await createUser(
        db,
        { ...system, organizationId: org.id },
        org.id,
        {
          email: u.email,
          name: u.name,
          roles: u.roles,
          areaIds,
          password: DEMO_PASSWORD,
        },
        existingAreaIds,
      );
      createdUsers++;
    }
  }
  if (!(await operatorExists(db))) {
    await createFirstOperator(db, { ...DEMO_OPERATOR, password: DEMO_PASSWORD }, { label: 'vincula demo' });
  }
  const channel = await seedChannelDemo(
    db,
    { national: 'enlace@ine.demo', local: 'enlace@iecm.demo' },
    (message) => progress(`Creando datos de demostración: ${message}`),
  );
  step('turnos a las áreas');
  await seedChannelRoutingDemo(db, { local: 'enlace@iecm.demo' });
  // After the work program: campaigns link to its objectives 2.B and 3.B.
  step('bases de contactos y campañas');
  await seedOutreachDemo(db, iecmActor);
  step('misión de observación');
  await seedObserversDemo(db, iecmActor);
  step('informes estadísticos del canal');
  await seedChannelReportsDemo(db, 'enlace@iecm.demo');
  // Last of the reference quarter: the draft report is generated from every other module's records.
  step('informe trimestral');
  await seedReportsDemo(db, iecmActor);
  // The live layer, relative to today: this week's folios and their routings, next week's session,
  // an instrument about to expire, this quarter's targets half met. Outside January–March 2024.
  step('actividad de esta semana (folios, sesión, vencimientos y metas)');
  const live = await seedChannelLiveDemo(db, { national: 'enlace@ine.demo', local: 'enlace@iecm.demo' });
  await seedGovernanceLiveDemo(db, iecmActor);
  await seedAgreementsLiveDemo(db, iecmActor);
  await seedProgramLiveDemo(db, iecmActor);
  return `Demostración lista: organizaciones IECM e INE; ${directory.areas} áreas, ${directory.people} personas y ${directory.institutions} instituciones del IECM; ${createdUsers} usuarios nuevos (contraseña ${DEMO_PASSWORD}); ${channel.followUp + channel.consultation + live.folios} folios nuevos del canal.`;
}
