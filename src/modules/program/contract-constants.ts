// Enumerations of the program module, shared by the schema, the contract and the web client.

/** Activity kinds every organization has; administrators add their own (activity_kind). */
export const BUILT_IN_ACTIVITY_KINDS = [
  'meeting',
  'working_meeting',
  'conference',
  'forum',
  'stand',
  'poster_campaign',
  'training',
  'broadcast',
  'ceremony',
  'signing_event',
  'tour_abroad',
  'observation_mission',
  'other',
] as const;
export type BuiltInActivityKind = (typeof BUILT_IN_ACTIVITY_KINDS)[number];

export const BUILT_IN_ACTIVITY_KIND_LABELS: Record<BuiltInActivityKind, string> = {
  meeting: 'Reunión',
  working_meeting: 'Reunión de trabajo',
  conference: 'Conferencia',
  forum: 'Foro',
  stand: 'Stand',
  poster_campaign: 'Colocación de carteles',
  training: 'Capacitación',
  broadcast: 'Transmisión o programa',
  ceremony: 'Ceremonia',
  signing_event: 'Firma de instrumento',
  tour_abroad: 'Gira en el extranjero',
  observation_mission: 'Misión de observación',
  other: 'Otra',
};

/**
 * How an activity's dates are given: one day, a range, a list of days, a month (the reference
 * gives only "durante enero de 2024"), or sometime within a period (the reference gives no date).
 */
export const DATE_MODES = ['day', 'range', 'list', 'month', 'within'] as const;
export type DateMode = (typeof DATE_MODES)[number];

export const MODALITIES = ['in_person', 'remote', 'hybrid'] as const;
export type Modality = (typeof MODALITIES)[number];

export const PARTICIPANT_ROLES = ['lead', 'representative', 'participant', 'guest'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Expected rhythm of a publication series; missing issues are flagged for weekly and monthly. */
export const CADENCES = ['weekly', 'monthly', 'irregular'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * What a target counts, within its objective (or line) and period: the program's own activities
 * or publication issues, or records kept by other modules (see record-sources.ts).
 */
export const TARGET_SOURCES = ['activities', 'publication_issues', 'external'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];
