import type { ScopedAuditActor } from '../accounts';
import type { Db } from '../platform/db/client';
import { addDays, todayInMexicoCity, type LocalDate } from '../../shared/dates';
import { quarterRange } from '../../shared/periods';
import {
  ActivityInputSchema,
  LineInputSchema,
  ObjectiveInputSchema,
  ProgramInputSchema,
  TargetInputSchema,
} from './contract';
import { LINES } from './demo-data';
import * as repo from './repository';
import { createActivity } from './save-activity';
import { addLine, addObjective } from './save-line';
import { createProgram } from './save-program';
import { addTarget } from './save-target';

// The program part of the demo's live layer, relative to the day it runs: this year's work program
// (the 2024 structure of lines and objectives, carried over), this quarter's targets about half met
// by activities already held, and an activity planned for next week. Every input is validated by
// the schemas a person's input goes through.

type LiveTarget = {
  at: [number, string];
  description: string;
  minimumCount: number;
  unit: string;
  kind: string;
  /** The activities already held, `daysAgo` before today (never before the quarter). */
  held: { daysAgo: number; title: string; place: string }[];
};

const LIVE_TARGETS: LiveTarget[] = [
  {
    at: [1, 'A'],
    description: 'Dar seguimiento a seis sesiones del Consejo General del INE',
    minimumCount: 6,
    unit: 'sesiones',
    kind: 'meeting',
    held: [
      {
        daysAgo: 24,
        title: 'Seguimiento a la sesión ordinaria del Consejo General del INE',
        place: 'Transmisión en línea',
      },
      {
        daysAgo: 12,
        title: 'Seguimiento a la sesión extraordinaria del Consejo General del INE',
        place: 'Transmisión en línea',
      },
      {
        daysAgo: 3,
        title: 'Seguimiento a la sesión ordinaria del Consejo General del INE',
        place: 'Transmisión en línea',
      },
    ],
  },
  {
    at: [2, 'D'],
    description: 'Realizar cuatro actividades de colaboración con universidades',
    minimumCount: 4,
    unit: 'actividades',
    kind: 'conference',
    held: [
      {
        daysAgo: 18,
        title: 'Conversatorio sobre participación política de las juventudes',
        place: 'Facultad de Ciencias Políticas y Sociales, UNAM',
      },
      {
        daysAgo: 6,
        title: 'Taller de observación electoral para estudiantes',
        place: 'Universidad Autónoma Metropolitana, unidad Iztapalapa',
      },
    ],
  },
];

export async function seedProgramLiveDemo(
  db: Db,
  actor: ScopedAuditActor,
  today: LocalDate = todayInMexicoCity(),
): Promise<{ activities: number; targets: number }> {
  const orgId = actor.organizationId;
  const year = Number(today.slice(0, 4));
  // 2024 is the reference program's year; the live layer is for later ones.
  if (year <= 2024 || (await repo.findProgramByYear(db, orgId, year))) return { activities: 0, targets: 0 };
  const program = await createProgram(
    db,
    actor,
    ProgramInputSchema.parse({ year, name: `Programa Específico de Vinculación ${year}` }),
  );
  const objectiveIds = new Map<string, string>();
  for (const seed of LINES) {
    const line = await addLine(
      db,
      actor,
      program.id,
      LineInputSchema.parse({
        number: seed.number,
        title: seed.title,
        recordSources: seed.recordSources ?? [],
      }),
    );
    for (const o of seed.objectives) {
      const objective = await addObjective(
        db,
        actor,
        line.id,
        ObjectiveInputSchema.parse({ key: o.key, title: o.title, recordSources: o.recordSources ?? [] }),
      );
      objectiveIds.set(`${seed.number}.${o.key}`, objective.id);
    }
  }

  const quarter = quarterRange(year, Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const within = (daysAgo: number) => {
    const day = addDays(today, -daysAgo);
    return day < quarter.from ? quarter.from : day;
  };
  let activities = 0;
  for (const t of LIVE_TARGETS) {
    const objectiveId = objectiveIds.get(`${t.at[0]}.${t.at[1]}`)!;
    await addTarget(
      db,
      actor,
      TargetInputSchema.parse({
        objectiveId,
        description: t.description,
        minimumCount: t.minimumCount,
        unit: t.unit,
        periodStart: quarter.from,
        periodEnd: quarter.to,
        source: 'activities',
      }),
    );
    for (const a of t.held) {
      await createActivity(
        db,
        actor,
        ActivityInputSchema.parse({
          objectiveId,
          kind: t.kind,
          title: a.title,
          dates: { mode: 'day', day: within(a.daysAgo) },
          modality: a.place === 'Transmisión en línea' ? 'remote' : 'in_person',
          place: a.place,
        }),
      );
      activities++;
    }
  }
  // Planned for next week, under an objective without a target this quarter.
  await createActivity(
    db,
    actor,
    ActivityInputSchema.parse({
      objectiveId: objectiveIds.get('2.B')!,
      kind: 'forum',
      title: 'Foro «Democracia y participación ciudadana en la Ciudad de México»',
      dates: { mode: 'day', day: addDays(today, 7) > quarter.to ? quarter.to : addDays(today, 7) },
      modality: 'in_person',
      place: 'Auditorio del Instituto Electoral de la Ciudad de México',
    }),
  );
  activities++;
  return { activities, targets: LIVE_TARGETS.length };
}
