import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../shared/spanish-dates';
import type { WorkCalendar } from '../platform/calendar/business-days';
import { dueDateFor } from './due-rules';
import { parseDueRule } from './folio-import-rules';

/** docs/channel-due-dates.md cannot drift: every row of its table is computed again here. */
const doc = fs.readFileSync(new URL('../../../docs/channel-due-dates.md', import.meta.url), 'utf8');

const CALENDARS: Record<string, WorkCalendar> = {
  LFT: { ownNonWorkingDays: new Set(), everyDayCounts: [] },
  'LFT + Semana Santa': { ownNonWorkingDays: new Set(['2024-03-28', '2024-03-29']), everyDayCounts: [] },
  'LFT + todos hábiles 1–10 jun': {
    ownNonWorkingDays: new Set(),
    everyDayCounts: [{ from: '2024-06-01', to: '2024-06-10' }],
  },
};

const rows = doc
  .split('\n')
  .filter((line) => /^\| \d{4}-\d{2}-\d{2} \|/.test(line))
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );

describe('docs/channel-due-dates.md', () => {
  it('has the worked cases around every 2024 holiday', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const dues = rows.map((r) => r[4]);
    for (const around of [
      '2024-01-02',
      '2024-02-06',
      '2024-03-20',
      '2024-05-02',
      '2024-09-17',
      '2024-10-02',
      '2024-11-20',
      '2024-12-30',
    ])
      expect(dues).toContain(around);
  });

  it.each(rows.map((r) => [`${r[0]} + ${r[2]} (${r[3]})`, r] as const))('%s', (_, row) => {
    const [received, receivedWeekday, ruleText, calendar, due, dueWeekday] = row;
    const rule = parseDueRule(ruleText!);
    expect(rule, `rule "${ruleText}"`).toBeDefined();
    expect(CALENDARS[calendar!], `calendar "${calendar}"`).toBeDefined();
    expect(formatLongDate(received!)).toBe(receivedWeekday);
    const result = dueDateFor(rule!, CALENDARS[calendar!]!, received!);
    expect(result).toEqual({ ok: true, due });
    expect(formatLongDate(due!)).toBe(dueWeekday);
  });
});
