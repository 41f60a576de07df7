import { and, eq, inArray, sql } from 'drizzle-orm';
import { actorByEmail } from '../accounts';
import type { Db } from '../platform/db/client';
import { countedProgress, noProgress, type Progress } from '../platform/progress';
import { addDays, type LocalDate } from '../../shared/dates';
import { PLAIN_CALENDAR, isBusinessDay } from '../platform/calendar/business-days';
import { addObligation } from './add-obligation';
import { answerOccurrence } from './answer-occurrence';
import { reviewOccurrence } from './review-occurrence';
import { area } from '../directory/schema';
import { formatMonth } from '../../shared/spanish-dates';
import { changeFolioStatus } from './change-folio-status';
import type { MonthlyDueRule } from './contract-due-rules';
import { obligationsOfFolio } from './repository';
import { folioSeries } from './folio-number';
import { channelFolio } from './schema';
import { sendCommunication } from './send-communication';

/**
 * Synthetic folios of the IECM for January–March 2024 whose counts reproduce every SIVOPLE figure of
 * the reference report (section VI.1.A): 272 follow-up folios (143 for information, 129 for
 * attention) and 292 consultations, with the status of each month's folios as of 2024-03-31. Some
 * folios move on in April, so that "as of 31 March" differs from today's status as in real life.
 * Folios 24/2024 and 30/2024 are the reference's recurring monthly reports; 270/2023 is the one
 * carried over from 2023 (the national series is set to continue from 269 in 2023).
 */

type Plan = {
  month: number;
  forInformation: number;
  concludedForAttention: number;
  inProcess: number;
  pending: number;
};

const FOLLOW_UP_PLAN: Plan[] = [
  { month: 1, forInformation: 40, concludedForAttention: 7, inProcess: 26, pending: 0 },
  { month: 2, forInformation: 60, concludedForAttention: 14, inProcess: 30, pending: 0 },
  { month: 3, forInformation: 43, concludedForAttention: 6, inProcess: 42, pending: 4 },
];
const CONSULTATION_PLAN = [
  { month: 1, concluded: 43, inProcess: 19 },
  { month: 2, concluded: 59, inProcess: 38 },
  { month: 3, concluded: 37, inProcess: 96 },
];

// Their monthly due rules belong to the obligation each carries (the report: "primeros cinco días
// de cada mes", "primeros diez días de cada mes"), not to the folio's own receipt.
const UTAJ = 'Unidad Técnica de Asuntos Jurídicos';
const ADMINISTRATION = 'Secretaría Administrativa';
type Recurring = { subject: string; body: string; rule: MonthlyDueRule; area: string; report: string };
const RECURRING: Record<number, Recurring> = {
  24: {
    subject:
      'Información del estado procesal que guardan las denuncias presentadas en contra del personal de cada OPLE.',
    body: 'Informe mensual (primeros cinco días de cada mes).',
    rule: { kind: 'first_days_of_month', days: 5, count: 'business' },
    area: UTAJ,
    report: 'el estado procesal de las denuncias',
  },
  30: {
    subject:
      'Información sobre ministraciones, ampliaciones y, en su caso, impugnaciones; así como de problemáticas en particular derivadas del ejercicio presupuestal 2024.',
    body: 'Informe mensual (primeros diez días de cada mes).',
    rule: { kind: 'first_days_of_month', days: 10, count: 'natural' },
    area: ADMINISTRATION,
    report: 'el informe del ejercicio presupuestal',
  },
};

const FOLLOW_UP_TOPICS = [
  'Calendario de sesiones del Consejo General',
  'Solicitud de información sobre el registro de candidaturas',
  'Lineamientos para el voto de las personas en prisión preventiva',
  'Seguimiento a la integración de mesas directivas de casilla',
  'Invitación al foro nacional de organismos electorales',
  'Informe sobre el uso del Sistema de Cómputos',
  'Requerimiento de datos de contacto de las áreas ejecutivas',
  'Avance en la impresión de la documentación electoral',
  'Acuerdo sobre el conteo rápido de la elección local',
  'Capacitación sobre el Programa de Resultados Electorales Preliminares',
  'Plan de seguridad para el traslado de paquetes electorales',
  'Solicitud de observaciones al modelo de casilla única',
];
const CONSULTATION_TOPICS = [
  'Consulta sobre la aplicación del protocolo de violencia política en razón de género',
  'Remisión del acuerdo de designación de consejerías distritales',
  'Consulta sobre el voto de la ciudadanía residente en el extranjero',
  'Envío del informe mensual de actividades de la DVOE',
  'Consulta sobre la fiscalización de precampañas locales',
  'Remisión de observaciones a la lista nominal',
  'Consulta sobre la distribución de tiempos en radio y televisión',
  'Envío del calendario de sesiones de la Comisión',
];
const FOLLOW_UP_TYPES = ['circular', 'correo', 'informativo', 'invitacion', 'oficio'] as const;
const CONSULTATION_TYPES = ['acuerdo', 'consulta', 'informativo', 'oficio', 'otro'] as const;

/** Deterministic pseudo-random numbers, so the demo is the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function businessDaysOf(month: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (
    let d = `2024-${String(month).padStart(2, '0')}-01`;
    d.slice(5, 7) === String(month).padStart(2, '0');
    d = addDays(d, 1)
  ) {
    if (isBusinessDay(PLAIN_CALENDAR, d)) days.push(d);
  }
  return days;
}

/** The n-th business day after `day`, never past `limit`. */
function later(day: LocalDate, n: number, limit: LocalDate): LocalDate {
  let d = day;
  for (let i = 0; i < n;) {
    d = addDays(d, 1);
    if (isBusinessDay(PLAIN_CALENDAR, d)) i++;
  }
  return d > limit ? limit : d;
}

type Outcome = 'for_information' | 'concluded' | 'in_process' | 'pending';

export async function seedChannelDemo(
  db: Db,
  emails: { national: string; local: string },
  progress: Progress = noProgress,
) {
  const ine = await actorByEmail(db, emails.national);
  const iecm = await actorByEmail(db, emails.local);
  if (!ine || !iecm) throw new Error('channel demo needs the demo users of the INE and the IECM');
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(channelFolio)
    .where(eq(channelFolio.localOrgId, iecm.organizationId));
  if ((existing?.n ?? 0) > 0) return { followUp: 0, consultation: 0 };

  const rnd = random(2024);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const MARCH_31 = '2024-03-31';

  // 270/2023: the monthly report carried over from 2023.
  await db.execute(sql`insert into sequence_counter (organization_id, scope, last_value)
    values (${ine.organizationId}, ${folioSeries('follow_up', 2023)}, 269) on conflict do nothing`);
  const carried = await sendCommunication(db, ine, {
    module: 'follow_up',
    documentType: 'oficio',
    nature: 'for_attention',
    subject:
      'Información sobre la previsión legal en materia de voto en prisión preventiva y voto anticipado; así como iniciativas de ley presentadas ante los congresos locales y reformas en materia electoral aprobadas.',
    body: 'Informe mensual (el último día hábil de cada mes).',
    sentOn: '2023-11-30',
    recipientOrgIds: [iecm.organizationId],
    toAll: false,
    dueRule: { kind: 'last_business_day_of_month' },
  });
  await changeFolioStatus(db, iecm, carried.folioIds[0]!, {
    event: 'local_answers',
    on: '2023-11-30',
    text: 'Se remite el informe de noviembre.',
  });
  const recurringFolios: {
    folioId: string;
    startsOn: LocalDate;
    rule: MonthlyDueRule;
    description: string;
    area: string;
    report: string;
  }[] = [
    {
      folioId: carried.folioIds[0]!,
      startsOn: '2023-11-30',
      rule: { kind: 'last_business_day_of_month' },
      description: 'Informe mensual (el último día hábil de cada mes)',
      area: UTAJ,
      report: 'el informe de la previsión legal y las iniciativas en materia electoral',
    },
  ];

  // Follow-up folios, in the order the INE sent them.
  const followUps: { day: LocalDate; outcome: Outcome }[] = [];
  for (const p of FOLLOW_UP_PLAN) {
    const outcomes: Outcome[] = [
      ...Array<Outcome>(p.forInformation).fill('for_information'),
      ...Array<Outcome>(p.concludedForAttention).fill('concluded'),
      ...Array<Outcome>(p.inProcess).fill('in_process'),
      ...Array<Outcome>(p.pending).fill('pending'),
    ];
    const days = businessDaysOf(p.month);
    // The four still pending on 31 March arrived in its last days.
    const dated = outcomes.map((outcome, i) => ({
      outcome,
      day:
        outcome === 'pending'
          ? days[days.length - 1 - (i % 2)]!
          : days[Math.floor((i * days.length) / outcomes.length)]!,
    }));
    followUps.push(...dated.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)));
  }
  // Folios 24/2024 and 30/2024 are the recurring reports, in process: each swaps its outcome with
  // another January folio in process, so the month's counts stay as planned.
  for (const n of [24, 30]) {
    const here = followUps[n - 1]!;
    if (here.outcome === 'in_process') continue;
    const other = followUps.find(
      (f, j) => j !== 23 && j !== 29 && f.outcome === 'in_process' && f.day.startsWith('2024-01'),
    )!;
    [here.outcome, other.outcome] = [other.outcome, here.outcome];
  }
  const plannedConsultations = CONSULTATION_PLAN.reduce((n, p) => n + p.concluded + p.inProcess, 0);
  const folioDone = countedProgress(progress, {
    label: 'canal',
    unit: 'folios',
    total: followUps.length + plannedConsultations,
  });
  let followUpCount = 0;
  for (const [i, f] of followUps.entries()) {
    const number = i + 1;
    const recurring = RECURRING[number];
    const forInformation = f.outcome === 'for_information';
    const sent = await sendCommunication(db, ine, {
      module: 'follow_up',
      documentType: recurring
        ? 'oficio'
        : forInformation
          ? pick(['circular', 'informativo', 'correo'] as const)
          : pick(FOLLOW_UP_TYPES),
      nature: forInformation ? 'for_information' : 'for_attention',
      subject: recurring?.subject ?? `${pick(FOLLOW_UP_TOPICS)} (${number}/2024)`,
      body: recurring?.body ?? '',
      sentOn: f.day,
      recipientOrgIds: [iecm.organizationId],
      toAll: false,
      dueRule: recurring || forInformation ? null : { kind: 'business_days', days: 5 },
    });
    const id = sent.folioIds[0]!;
    if (recurring)
      recurringFolios.push({
        folioId: id,
        startsOn: f.day,
        rule: recurring.rule,
        description: recurring.body,
        area: recurring.area,
        report: recurring.report,
      });
    const answer = later(f.day, 1 + Math.floor(rnd() * 3), MARCH_31);
    switch (f.outcome) {
      case 'for_information':
        await changeFolioStatus(db, iecm, id, { event: 'local_acknowledges', on: later(f.day, 1, MARCH_31) });
        break;
      case 'concluded':
        await changeFolioStatus(db, iecm, id, {
          event: 'local_answers',
          on: answer,
          text: 'Se atiende lo solicitado.',
        });
        await changeFolioStatus(db, ine, id, { event: 'national_concludes', on: later(answer, 2, MARCH_31) });
        break;
      case 'in_process':
        await changeFolioStatus(db, iecm, id, {
          event: 'local_answers',
          on: answer,
          text: 'Se atiende lo solicitado.',
        });
        // Half of them are concluded by the INE in April: after the period, so not in its tables.
        if (!recurring && i % 2 === 0)
          await changeFolioStatus(db, ine, id, { event: 'national_concludes', on: '2024-04-09' });
        break;
      case 'pending':
        // "A la fecha de presentación de este Informe todas las actividades han sido gestionadas."
        await changeFolioStatus(db, iecm, id, {
          event: 'local_answers',
          on: '2024-04-02',
          text: 'Se atiende lo solicitado.',
        });
        break;
    }
    followUpCount++;
    folioDone();
  }

  // The three recurring reports, for 2024, each answered by its area: every month through March sent
  // on its due date and accepted by the INE two business days later, except February's budget
  // report, returned for a missing breakdown and sent again (the months after March stay owed).
  const areaIds = new Map(
    (
      await db
        .select({ id: area.id, name: area.name })
        .from(area)
        .where(and(eq(area.organizationId, iecm.organizationId), inArray(area.name, [UTAJ, ADMINISTRATION])))
    ).map((a) => [a.name, a.id]),
  );
  for (const r of recurringFolios) {
    await addObligation(db, iecm, r.folioId, {
      description: r.description,
      dueRule: r.rule,
      startsOn: r.startsOn,
      endsOn: '2024-12-31',
      areaId: areaIds.get(r.area) ?? null,
    });
    const [obligation] = await obligationsOfFolio(db, r.folioId);
    for (const o of obligation!.occurrences.filter((x) => x.period <= '2024-03-01')) {
      const month = formatMonth(Number(o.period.slice(0, 4)), Number(o.period.slice(5, 7)));
      await answerOccurrence(db, iecm, o.id, { on: o.dueOn, text: `Se remite ${r.report} de ${month}.` });
      let reviewOn = later(o.dueOn, 2, '2100-12-31');
      if (r.area === ADMINISTRATION && o.period === '2024-02-01') {
        await reviewOccurrence(db, ine, o.id, {
          decision: 'return',
          on: reviewOn,
          reason: 'Falta el desglose de las ampliaciones presupuestales del mes.',
        });
        reviewOn = later(reviewOn, 1, '2100-12-31');
        await answerOccurrence(db, iecm, o.id, {
          on: reviewOn,
          text: `Se remite ${r.report} de ${month}, con el desglose de las ampliaciones presupuestales.`,
        });
        reviewOn = later(reviewOn, 2, '2100-12-31');
      }
      await reviewOccurrence(db, ine, o.id, { decision: 'accept', on: reviewOn });
    }
  }

  // Consultations of the IECM's areas, sent to the INE.
  let consultationCount = 0;
  for (const p of CONSULTATION_PLAN) {
    const days = businessDaysOf(p.month);
    const total = p.concluded + p.inProcess;
    for (let i = 0; i < total; i++) {
      const day = days[Math.floor((i * days.length) / total)]!;
      const sent = await sendCommunication(db, iecm, {
        module: 'consultation',
        documentType: pick(CONSULTATION_TYPES),
        nature: 'for_attention',
        subject: pick(CONSULTATION_TOPICS),
        body: '',
        sentOn: day,
        recipientOrgIds: [],
        toAll: false,
        dueRule: null,
      });
      const id = sent.folioIds[0]!;
      if (i < p.concluded) {
        await changeFolioStatus(db, ine, id, {
          event: 'national_concludes',
          on: later(day, 1 + Math.floor(rnd() * 4), MARCH_31),
          text: 'Se da respuesta a la consulta.',
        });
      } else if (i % 3 === 0) {
        await changeFolioStatus(db, ine, id, {
          event: 'national_concludes',
          on: '2024-04-15',
          text: 'Se da respuesta a la consulta.',
        });
      }
      consultationCount++;
      folioDone();
    }
  }
  return { followUp: followUpCount, consultation: consultationCount };
}
