import { describe, expect, it } from 'vitest';
import { PLAIN_CALENDAR } from '../platform/calendar/business-days';
import { describeDueRule } from './contract-due-rules';
import { dueDateFor, dueDateInMonth } from './due-rules';

describe('dueDateFor (one-off folios)', () => {
  it('counts business days from the day after receipt', () => {
    expect(dueDateFor({ kind: 'business_days', days: 3 }, PLAIN_CALENDAR, '2024-01-31')).toEqual({
      ok: true,
      due: '2024-02-06',
    });
  });
  it('counts natural days', () => {
    expect(dueDateFor({ kind: 'natural_days', days: 10 }, PLAIN_CALENDAR, '2024-02-25')).toEqual({
      ok: true,
      due: '2024-03-06',
    });
  });
  it('accepts a fixed date on or after receipt, refuses one before', () => {
    expect(dueDateFor({ kind: 'fixed_date', date: '2024-03-15' }, PLAIN_CALENDAR, '2024-03-01')).toEqual({
      ok: true,
      due: '2024-03-15',
    });
    const r = dueDateFor({ kind: 'fixed_date', date: '2024-02-15' }, PLAIN_CALENDAR, '2024-03-01');
    expect(r).toEqual({
      ok: false,
      reason: 'La fecha límite (15 de febrero de 2024) es anterior a la recepción (1 de marzo de 2024).',
    });
  });
  it('applies monthly rules to the month of receipt, and says when they can no longer be met', () => {
    expect(dueDateFor({ kind: 'last_business_day_of_month' }, PLAIN_CALENDAR, '2024-03-04')).toEqual({
      ok: true,
      due: '2024-03-29',
    });
    const late = dueDateFor(
      { kind: 'first_days_of_month', days: 5, count: 'business' },
      PLAIN_CALENDAR,
      '2024-03-20',
    );
    expect(late.ok).toBe(false);
  });
  it('refuses terms out of range', () => {
    expect(dueDateFor({ kind: 'business_days', days: 0 }, PLAIN_CALENDAR, '2024-03-01').ok).toBe(false);
  });
});

describe('dueDateInMonth (recurring obligations of the reference)', () => {
  it('270/2023: el último día hábil de cada mes', () => {
    const rule = { kind: 'last_business_day_of_month' } as const;
    expect([1, 2, 3].map((m) => dueDateInMonth(rule, PLAIN_CALENDAR, 2024, m))).toEqual([
      { ok: true, due: '2024-01-31' },
      { ok: true, due: '2024-02-29' },
      { ok: true, due: '2024-03-29' },
    ]);
  });
  it('24/2024: primeros cinco días de cada mes (hábiles)', () => {
    const rule = { kind: 'first_days_of_month', days: 5, count: 'business' } as const;
    expect(dueDateInMonth(rule, PLAIN_CALENDAR, 2024, 2)).toEqual({ ok: true, due: '2024-02-08' });
    expect(dueDateInMonth(rule, PLAIN_CALENDAR, 2024, 4)).toEqual({ ok: true, due: '2024-04-05' });
  });
  it('30/2024: primeros diez días de cada mes (naturales)', () => {
    const rule = { kind: 'first_days_of_month', days: 10, count: 'natural' } as const;
    expect(dueDateInMonth(rule, PLAIN_CALENDAR, 2024, 3)).toEqual({ ok: true, due: '2024-03-10' });
  });
  it('a rule that no month can meet', () => {
    expect(
      dueDateInMonth({ kind: 'first_days_of_month', days: 24, count: 'business' }, PLAIN_CALENDAR, 2024, 2),
    ).toEqual({
      ok: false,
      reason: 'El mes no tiene 24 días hábiles.',
    });
  });
});

describe('describeDueRule', () => {
  it('words the rules as the report does', () => {
    expect(describeDueRule({ kind: 'last_business_day_of_month' })).toBe('el último día hábil de cada mes');
    expect(describeDueRule({ kind: 'first_days_of_month', days: 5, count: 'business' })).toBe(
      'dentro de los primeros 5 días hábiles de cada mes',
    );
    expect(describeDueRule({ kind: 'business_days', days: 1 })).toBe('1 día hábil a partir de la recepción');
  });
});
