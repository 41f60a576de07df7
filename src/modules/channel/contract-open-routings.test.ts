import { describe, expect, it } from 'vitest';
import { ANSWERED_FOR_AREA, asksAboutOpenRoutings, openRoutingsOutcome } from './contract-open-routings';

describe('open routing slips when the folio is answered', () => {
  it('needs no choice without open slips', () => {
    expect(openRoutingsOutcome({ openCount: 0, toStatus: 'in_process_national', choice: undefined })).toEqual(
      { ok: true, outcome: 'none' },
    );
    expect(asksAboutOpenRoutings(0, 'in_process_national')).toBe(false);
  });

  it('asks when the folio stays open, naming how many slips', () => {
    expect(asksAboutOpenRoutings(2, 'in_process_national')).toBe(true);
    const one = openRoutingsOutcome({ openCount: 1, toStatus: 'in_process_national', choice: undefined });
    expect(one).toEqual({
      ok: false,
      path: 'openRoutings',
      message:
        'Hay un turno abierto: indique si la unidad respondió por el área o si el área sigue trabajando.',
    });
    const two = openRoutingsOutcome({ openCount: 2, toStatus: 'pending_local', choice: undefined });
    expect(two.ok === false && two.message).toMatch(/^Hay 2 turnos abiertos/);
  });

  it('withdraws the slips when liaison answered for the area, keeps them when the area goes on', () => {
    expect(
      openRoutingsOutcome({ openCount: 2, toStatus: 'in_process_national', choice: 'answered_for_area' }),
    ).toEqual({ ok: true, outcome: 'withdraw', reason: ANSWERED_FOR_AREA });
    expect(
      openRoutingsOutcome({ openCount: 2, toStatus: 'in_process_national', choice: 'area_continues' }),
    ).toEqual({ ok: true, outcome: 'keep' });
  });

  it('withdraws the slips of a folio that closes, and refuses to keep them', () => {
    expect(asksAboutOpenRoutings(1, 'concluded')).toBe(false);
    expect(openRoutingsOutcome({ openCount: 1, toStatus: 'concluded', choice: undefined })).toEqual({
      ok: true,
      outcome: 'withdraw',
      reason: 'El folio fue atendido por la unidad de vinculación.',
    });
    expect(openRoutingsOutcome({ openCount: 1, toStatus: 'cancelled', choice: 'answered_for_area' })).toEqual(
      {
        ok: true,
        outcome: 'withdraw',
        reason: 'El folio fue cancelado.',
      },
    );
    expect(
      openRoutingsOutcome({ openCount: 1, toStatus: 'concluded', choice: 'area_continues' }),
    ).toMatchObject({
      ok: false,
      path: 'openRoutings',
    });
  });
});
