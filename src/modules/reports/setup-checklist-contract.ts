import { z } from 'zod';

// The set-up checklist of an office (issue 22 item 3): what an organization's administrator has
// done and still has to do, computed from the records. Browser-safe.

/** The items in the order an office is set up: each module answers for its own. */
export const SETUP_ITEMS = [
  'areas',
  'users',
  'calendar',
  'bodies',
  'program',
  'letterhead',
  'recipients',
  'mail',
] as const;
export type SetupItemKey = (typeof SETUP_ITEMS)[number];

const count = z.number().int().min(0);

export const SetupItemSchema = z.object({
  key: z.enum(SETUP_ITEMS),
  done: z.boolean(),
  /**
   * What the item counts: areas, users, own non-working days, bodies, program lines, recipients;
   * for the letterhead, its parts set (letterhead, legal basis).
   */
  count,
  /** What still falls short: areas without a head, bodies without members (0 when nothing). */
  missing: count,
  /** The work program's objectives and targets (only the program item). */
  objectives: count.optional(),
  targets: count.optional(),
  /** What the letterhead item still lacks: the letterhead itself (logo or lines), the legal basis. */
  lacks: z.array(z.enum(['letterhead', 'legalBasis'])).optional(),
});
export type SetupItem = z.infer<typeof SetupItemSchema>;

export const SetupChecklistSchema = z
  .object({
    /** The year the calendar and the work program are checked for (today's, in Mexico City). */
    year: z.number().int(),
    items: z.array(SetupItemSchema),
    done: z.boolean(),
  })
  .meta({ id: 'SetupChecklist' });
export type SetupChecklist = z.infer<typeof SetupChecklistSchema>;
