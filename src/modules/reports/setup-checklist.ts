import { staffUserCount } from '../accounts';
import { reportRecipientCount } from '../channel';
import { areaHeadCoverage } from '../directory';
import { bodyComposition } from '../governance';
import { calendarOfYear } from '../platform/calendar/repository';
import { findDocumentSettings } from '../platform/documents/letterhead-settings';
import type { Db } from '../platform/db/client';
import { programStructureCounts } from '../program';
import { todayInMexicoCity } from '../../shared/dates';
import type { SetupChecklist, SetupItem } from './setup-checklist-contract';

/**
 * The set-up checklist of an office (issue 22 item 3), computed from the records each module
 * answers for through its face, so nobody ticks an item by hand and a later removal reopens it.
 * The reports module composes it because it owns the home page's reads of every module.
 * `mailConfigured` is the installation's (SMTP_HOST), not the organization's.
 */
export async function setupChecklist(
  db: Db,
  orgId: string,
  mailConfigured: boolean,
  today = todayInMexicoCity(),
): Promise<SetupChecklist> {
  const year = Number(today.slice(0, 4));
  const [areas, users, calendar, bodies, program, documents, recipients] = await Promise.all([
    areaHeadCoverage(db, orgId, today),
    staffUserCount(db, orgId),
    calendarOfYear(db, orgId, year),
    bodyComposition(db, orgId, today),
    programStructureCounts(db, orgId, year),
    findDocumentSettings(db, orgId),
    reportRecipientCount(db, orgId),
  ]);
  // A letterhead needs the logo or a header line; the report's legal basis is its own part, since
  // the quarterly report opens with it.
  const lacks = (
    [
      ['letterhead', Boolean(documents?.logoSha256) || (documents?.headerLines.length ?? 0) > 0],
      ['legalBasis', Boolean(documents?.reportLegalBasis?.trim())],
    ] as const
  )
    .filter(([, set]) => !set)
    .map(([part]) => part);
  const items: SetupItem[] = [
    {
      key: 'areas',
      done: areas.areas > 0 && areas.withoutHead === 0,
      count: areas.areas,
      missing: areas.withoutHead,
    },
    { key: 'users', done: users > 0, count: users, missing: 0 },
    { key: 'calendar', done: calendar.days.length > 0, count: calendar.days.length, missing: 0 },
    {
      key: 'bodies',
      done: bodies.withMembers > 0,
      count: bodies.bodies,
      missing: bodies.bodies - bodies.withMembers,
    },
    {
      key: 'program',
      done: program.lines > 0 && program.objectives > 0 && program.targets > 0,
      count: program.lines,
      missing: 0,
      objectives: program.objectives,
      targets: program.targets,
    },
    { key: 'letterhead', done: lacks.length === 0, count: 2 - lacks.length, missing: lacks.length, lacks },
    { key: 'recipients', done: recipients > 0, count: recipients, missing: 0 },
    { key: 'mail', done: mailConfigured, count: 0, missing: 0 },
  ];
  return { year, items, done: items.every((i) => i.done) };
}
