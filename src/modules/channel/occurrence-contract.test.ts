import { describe, expect, it } from 'vitest';
import {
  mayActOnOccurrence,
  occurrenceActions,
  occurrenceSide,
  occurrenceTransition,
  occurrenceView,
  type OccurrenceStatus,
} from './occurrence-contract';

const LOCAL = 'local-org';
const INE = 'ine-org';
const AREA = 'area-utaj';
const folio = { localOrgId: LOCAL, nationalOrgId: INE };
const month = (status: OccurrenceStatus) => ({ status, period: '2024-02-01' });

describe('the months of a recurring obligation', () => {
  it('is answered by the local body when pending or returned, and never twice in a row', () => {
    expect(occurrenceTransition(month('pending'), 'answer', 'local', { text: 'Informe' })).toEqual({
      ok: true,
      to: 'answered',
    });
    expect(occurrenceTransition(month('returned'), 'answer', 'local', { text: 'Otra vez' })).toEqual({
      ok: true,
      to: 'answered',
    });
    expect(occurrenceTransition(month('answered'), 'answer', 'local', { text: 'x' })).toEqual({
      ok: false,
      status: 409,
      path: 'occurrence',
      reason: 'El informe de febrero de 2024 ya fue enviado; está en revisión del INE.',
    });
    expect(occurrenceTransition(month('accepted'), 'answer', 'local', { text: 'x' })).toMatchObject({
      ok: false,
      status: 409,
      reason: 'El informe de febrero de 2024 ya fue aceptado.',
    });
    expect(occurrenceTransition(month('pending'), 'answer', 'local', { text: '  ' })).toMatchObject({
      ok: false,
      status: 400,
      path: 'text',
    });
    expect(occurrenceTransition(month('pending'), 'answer', 'national', { text: 'x' })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('is accepted or returned (with a reason) by the national authority, only once answered', () => {
    expect(occurrenceTransition(month('answered'), 'accept', 'national')).toEqual({
      ok: true,
      to: 'accepted',
    });
    expect(
      occurrenceTransition(month('answered'), 'return', 'national', { reason: 'Falta el anexo' }),
    ).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(occurrenceTransition(month('answered'), 'return', 'national', { reason: '' })).toMatchObject({
      ok: false,
      status: 400,
      path: 'reason',
    });
    for (const s of ['pending', 'returned'] as const) {
      expect(occurrenceTransition(month(s), 'accept', 'national')).toMatchObject({
        ok: false,
        status: 409,
        reason: 'El informe de febrero de 2024 no se ha enviado; no hay respuesta que revisar.',
      });
    }
    expect(occurrenceTransition(month('accepted'), 'return', 'national', { reason: 'x' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(occurrenceTransition(month('answered'), 'accept', 'local')).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('acts for the side the organization is on; a local body alone records the INE’s review', () => {
    expect(occurrenceSide(folio, LOCAL, 'answer')).toBe('local');
    expect(occurrenceSide(folio, LOCAL, 'accept')).toBe('local');
    expect(occurrenceSide(folio, INE, 'accept')).toBe('national');
    expect(occurrenceSide(folio, INE, 'answer')).toBe('national');
    expect(occurrenceSide(folio, 'another-org', 'answer')).toBeNull();
    const alone = { localOrgId: LOCAL, nationalOrgId: null };
    expect(occurrenceSide(alone, LOCAL, 'answer')).toBe('local');
    expect(occurrenceSide(alone, LOCAL, 'return')).toBe('national');
  });

  it('lets liaison staff act, and area staff answer only the months of their own area', () => {
    const liaison = { roles: ['liaison_staff' as const], areaIds: [] };
    const staff = { roles: ['area_staff' as const], areaIds: [AREA] };
    const reader = { roles: ['councillor' as const], areaIds: [AREA] };
    expect(mayActOnOccurrence(liaison, 'local', 'answer', AREA)).toBe(true);
    expect(mayActOnOccurrence(staff, 'local', 'answer', AREA)).toBe(true);
    expect(mayActOnOccurrence(staff, 'local', 'answer', 'another-area')).toBe(false);
    expect(mayActOnOccurrence(staff, 'local', 'answer', null)).toBe(false);
    expect(mayActOnOccurrence(staff, 'national', 'accept', AREA)).toBe(false);
    expect(mayActOnOccurrence(reader, 'local', 'answer', AREA)).toBe(false);
  });

  it('offers each person the actions the server accepts', () => {
    const liaison = { organizationId: LOCAL, roles: ['liaison_staff' as const], areaIds: [] };
    const ine = { organizationId: INE, roles: ['national_authority_staff' as const], areaIds: [] };
    expect(occurrenceActions(month('pending'), folio, liaison, AREA)).toEqual(['answer']);
    expect(occurrenceActions(month('answered'), folio, liaison, AREA)).toEqual([]);
    expect(occurrenceActions(month('answered'), folio, ine, AREA)).toEqual(['accept', 'return']);
    expect(occurrenceActions(month('returned'), folio, liaison, AREA)).toEqual(['answer']);
    expect(occurrenceActions(month('accepted'), folio, ine, AREA)).toEqual([]);
  });

  it('shows a month never answered past its due date as overdue; a returned one stays returned', () => {
    expect(occurrenceView({ status: 'pending', dueOn: '2024-02-08' }, '2024-02-09')).toEqual({
      overdue: true,
      display: 'overdue',
    });
    expect(occurrenceView({ status: 'pending', dueOn: '2024-02-08' }, '2024-02-08')).toEqual({
      overdue: false,
      display: 'pending',
    });
    expect(occurrenceView({ status: 'returned', dueOn: '2024-02-08' }, '2024-02-12')).toEqual({
      overdue: true,
      display: 'returned',
    });
    expect(occurrenceView({ status: 'answered', dueOn: '2024-02-08' }, '2024-03-01')).toEqual({
      overdue: false,
      display: 'answered',
    });
  });
});
