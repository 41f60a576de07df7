import { describe, expect, it } from 'vitest';
import { PLAIN_CALENDAR } from '../platform/calendar/business-days';
import {
  businessDaysBefore,
  dueFlags,
  reminderDue,
  routingPlanProblems,
  routingTransition,
  type RoutingEvent,
} from './routing-state';
import { ROUTING_STATES } from './routing-contract';

describe('routingTransition', () => {
  it('an assigned slip is answered with text, returned with a reason, or withdrawn', () => {
    expect(routingTransition('assigned', 'area_answers', { text: 'Se envía el informe.' })).toEqual({
      ok: true,
      to: 'answered',
    });
    expect(routingTransition('assigned', 'area_returns', { reason: 'No es competencia del área' })).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(routingTransition('assigned', 'liaison_withdraws')).toEqual({ ok: true, to: 'withdrawn' });
  });

  it('refuses an empty answer and a return without reason', () => {
    expect(routingTransition('assigned', 'area_answers', { text: '   ' })).toEqual({
      ok: false,
      reason: 'Escriba la respuesta del área.',
    });
    expect(routingTransition('assigned', 'area_returns', {})).toEqual({
      ok: false,
      reason: 'Indique el motivo de la devolución.',
    });
  });

  it('closed slips admit no event', () => {
    const events: RoutingEvent[] = ['area_answers', 'area_returns', 'liaison_withdraws'];
    for (const state of ROUTING_STATES.filter((s) => s !== 'assigned' && s !== 'proposed')) {
      for (const event of events) {
        const r = routingTransition(state, event, { text: 'x', reason: 'y' });
        expect(r.ok).toBe(false);
      }
    }
    expect(routingTransition('answered', 'area_answers', { text: 'x' })).toEqual({
      ok: false,
      reason: 'El turno ya fue respondido.',
    });
    expect(routingTransition('returned', 'liaison_withdraws')).toEqual({
      ok: false,
      reason: 'El turno ya fue devuelto.',
    });
  });

  it('a proposed slip is instructed by the SE, sent back with a reason, or withdrawn by liaison', () => {
    expect(routingTransition('proposed', 'secretariat_instructs')).toEqual({ ok: true, to: 'assigned' });
    expect(
      routingTransition('proposed', 'secretariat_declines', { reason: 'Falta el área jurídica' }),
    ).toEqual({
      ok: true,
      to: 'withdrawn',
    });
    expect(routingTransition('proposed', 'secretariat_declines', { reason: ' ' })).toEqual({
      ok: false,
      reason: 'Indique por qué se devuelve la propuesta de turno.',
    });
    expect(routingTransition('proposed', 'liaison_withdraws')).toEqual({ ok: true, to: 'withdrawn' });
  });

  it('an area cannot work a slip the SE has not instructed, and the SE instructs once', () => {
    for (const event of ['area_answers', 'area_returns'] as const) {
      expect(routingTransition('proposed', event, { text: 'x', reason: 'y' })).toEqual({
        ok: false,
        reason: 'El turno aún espera la instrucción de la Secretaría Ejecutiva.',
      });
    }
    expect(routingTransition('assigned', 'secretariat_instructs')).toEqual({
      ok: false,
      reason: 'El turno ya fue instruido.',
    });
    expect(routingTransition('withdrawn', 'secretariat_instructs').ok).toBe(false);
  });
});

describe('routingPlanProblems', () => {
  const base = {
    folioStatus: 'pending_local',
    responsibleAreaId: 'A',
    informedAreaIds: ['B', 'C'],
    openSlips: [],
    routedOn: '2024-03-04',
    internalDueOn: '2024-03-07',
    folioDueOn: '2024-03-08',
  };

  it('accepts one responsible area and others for information within the folio’s term', () => {
    expect(routingPlanProblems(base)).toEqual([]);
    expect(routingPlanProblems({ ...base, responsibleAreaId: null, internalDueOn: null })).toEqual([]);
  });

  it('refuses closed folios, no areas, repeated areas', () => {
    expect(routingPlanProblems({ ...base, folioStatus: 'concluded' })).toEqual([
      { path: 'folio', message: 'El folio está cerrado; ya no se turna.' },
    ]);
    expect(routingPlanProblems({ ...base, responsibleAreaId: null, informedAreaIds: [] })).toEqual([
      { path: 'responsibleAreaId', message: 'Seleccione al menos un área.' },
    ]);
    expect(routingPlanProblems({ ...base, informedAreaIds: ['B', 'A', 'B'] })).toEqual([
      { path: 'informedAreaIds.1', message: 'El área ya está seleccionada.' },
      { path: 'informedAreaIds.2', message: 'El área ya está seleccionada.' },
    ]);
  });

  it('refuses a second responsible area and an area that already holds the folio', () => {
    expect(
      routingPlanProblems({
        ...base,
        openSlips: [
          { areaId: 'Z', role: 'responsible' },
          { areaId: 'C', role: 'informed' },
        ],
      }),
    ).toEqual([
      { path: 'informedAreaIds.1', message: 'El área ya tiene este folio en turno.' },
      {
        path: 'responsibleAreaId',
        message: 'El folio ya tiene un área responsable; reasigne ese turno para cambiarla.',
      },
    ]);
  });

  it('keeps the internal due date between the routing day and the folio’s due date', () => {
    expect(routingPlanProblems({ ...base, internalDueOn: '2024-03-01' })).toEqual([
      { path: 'internalDueOn', message: 'El plazo interno es anterior al turno.' },
    ]);
    expect(routingPlanProblems({ ...base, internalDueOn: '2024-03-11' })).toEqual([
      { path: 'internalDueOn', message: 'El plazo interno es posterior al vencimiento del folio.' },
    ]);
    expect(routingPlanProblems({ ...base, folioDueOn: null, internalDueOn: '2024-12-31' })).toEqual([]);
  });
});

describe('reminders', () => {
  it('counts business days back across a weekend and the 18 March 2024 holiday', () => {
    // Due Wednesday 20 March 2024; Monday 18 is a holiday (third Monday of March).
    expect(businessDaysBefore(PLAIN_CALENDAR, '2024-03-20', 1)).toBe('2024-03-19');
    expect(businessDaysBefore(PLAIN_CALENDAR, '2024-03-20', 2)).toBe('2024-03-15');
    expect(businessDaysBefore(PLAIN_CALENDAR, '2024-03-20', 3)).toBe('2024-03-14');
  });

  it('sends "before" from N business days ahead until the eve, and "due" on the day', () => {
    const due = '2024-03-20';
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-14', 2)).toBeNull();
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-15', 2)).toBe('before');
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-18', 2)).toBe('before');
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-19', 2)).toBe('before');
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-20', 2)).toBe('due');
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-21', 2)).toBeNull();
    expect(reminderDue(PLAIN_CALENDAR, due, '2024-03-19', 0)).toBeNull();
  });
});

describe('dueFlags', () => {
  it('flags open items past their due date or due by the limit; closed ones never', () => {
    expect(dueFlags(true, '2024-03-01', '2024-03-04', '2024-03-07')).toEqual({
      overdue: true,
      dueSoon: false,
    });
    expect(dueFlags(true, '2024-03-04', '2024-03-04', '2024-03-07')).toEqual({
      overdue: false,
      dueSoon: true,
    });
    expect(dueFlags(true, '2024-03-07', '2024-03-04', '2024-03-07')).toEqual({
      overdue: false,
      dueSoon: true,
    });
    expect(dueFlags(true, '2024-03-08', '2024-03-04', '2024-03-07')).toEqual({
      overdue: false,
      dueSoon: false,
    });
    expect(dueFlags(false, '2024-03-01', '2024-03-04', '2024-03-07')).toEqual({
      overdue: false,
      dueSoon: false,
    });
    expect(dueFlags(true, null, '2024-03-04', '2024-03-07')).toEqual({ overdue: false, dueSoon: false });
  });
});
