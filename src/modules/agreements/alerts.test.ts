import { describe, expect, it } from 'vitest';
import { alertSchedule, currentAlertStep, expiryAlertMail, nextAlertAfter, type AlertInput } from './alerts';

// The worked example of docs/agreements-alerts.md, step by step.
describe('expiry alerts: worked example of a renewed instrument (docs/agreements-alerts.md)', () => {
  const settings = { leadDays: 30, repeatEveryDays: 7 };
  // Convenio de Colaboración in force from 2023-07-01 to 2024-06-30; last action before the
  // renewal: its signature on 2023-07-01.
  const original: AlertInput = { ...settings, endDate: '2024-06-30', lastActionOn: '2023-07-01' };
  // Renewed on 2024-06-10 until 2025-06-30: the renewal is the latest action.
  const renewed: AlertInput = { ...settings, endDate: '2025-06-30', lastActionOn: '2024-06-10' };
  // A review keeps it on 2025-06-12: the latest action.
  const kept: AlertInput = { ...renewed, lastActionOn: '2025-06-12' };

  /** What the daily job sends on each day of a range, given the input that holds that day. */
  function sends(input: (day: string) => AlertInput, from: string, to: string) {
    const sent = new Set<string>();
    const out: [string, string][] = [];
    for (
      let d = new Date(`${from}T00:00:00Z`);
      d <= new Date(`${to}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.toISOString().slice(0, 10);
      const i = input(day);
      const step = currentAlertStep(i, day);
      const key = `${i.endDate}/${step}`;
      if (step && !sent.has(key)) {
        sent.add(key);
        out.push([day, step]);
      }
    }
    return out;
  }

  it('alerts 31 May and 7 June 2024, then nothing until 31 May and 7 June 2025, then stops', () => {
    const holds = (day: string) => (day < '2024-06-10' ? original : day < '2025-06-12' ? renewed : kept);
    expect(sends(holds, '2024-01-01', '2026-01-31')).toEqual([
      ['2024-05-31', '2024-05-31'],
      ['2024-06-07', '2024-06-07'],
      ['2025-05-31', '2025-05-31'],
      ['2025-06-07', '2025-06-07'],
    ]);
  });

  it('computes the schedules the example names', () => {
    // Before the renewal, the original end would have alerted weekly through the end…
    expect(alertSchedule(original)).toEqual([
      '2024-05-31',
      '2024-06-07',
      '2024-06-14',
      '2024-06-21',
      '2024-06-28',
    ]);
    // …the renewal moves the end; the June 2024 action predates the new schedule.
    expect(alertSchedule(renewed)).toEqual([
      '2025-05-31',
      '2025-06-07',
      '2025-06-14',
      '2025-06-21',
      '2025-06-28',
    ]);
    // Nobody acting, it would go on after the end.
    expect(alertSchedule(renewed, '2025-07-20')).toEqual([
      '2025-05-31',
      '2025-06-07',
      '2025-06-14',
      '2025-06-21',
      '2025-06-28',
      '2025-07-05',
      '2025-07-12',
      '2025-07-19',
    ]);
    // The review decision of 12 June answers the alerts: the schedule ends with 7 June.
    expect(alertSchedule(kept, '2026-12-31')).toEqual(['2025-05-31', '2025-06-07']);
    expect(nextAlertAfter(renewed, '2024-06-10')).toBe('2025-05-31');
    expect(nextAlertAfter(renewed, '2025-06-09')).toBe('2025-06-14');
    expect(nextAlertAfter(kept, '2025-06-12')).toBeNull();
  });
});

describe('current alert step', () => {
  const input: AlertInput = { endDate: '2024-06-30', leadDays: 30, repeatEveryDays: 7, lastActionOn: null };

  it('is the latest scheduled day until the next one comes', () => {
    expect(currentAlertStep(input, '2024-05-30')).toBeNull();
    expect(currentAlertStep(input, '2024-05-31')).toBe('2024-05-31');
    expect(currentAlertStep(input, '2024-06-06')).toBe('2024-05-31');
    expect(currentAlertStep(input, '2024-06-07')).toBe('2024-06-07');
    expect(currentAlertStep(input, '2024-07-01')).toBe('2024-06-28');
    expect(currentAlertStep(input, '2024-07-05')).toBe('2024-07-05');
  });

  it('has none for an indefinite instrument or once someone acted', () => {
    expect(currentAlertStep({ ...input, endDate: null }, '2024-06-07')).toBeNull();
    expect(currentAlertStep({ ...input, lastActionOn: '2024-06-03' }, '2024-06-07')).toBeNull();
    expect(currentAlertStep({ ...input, lastActionOn: '2024-06-03' }, '2024-06-02')).toBe('2024-05-31');
    // The run of 7 June was missed and someone acted on the 8th: the step is answered.
    expect(currentAlertStep({ ...input, lastActionOn: '2024-06-08' }, '2024-06-09')).toBeNull();
    expect(currentAlertStep(input, '2024-06-09')).toBe('2024-06-07');
  });
});

describe('alert e-mail', () => {
  const base = {
    title: 'Convenio de Colaboración con la UACM',
    repeatEveryDays: 7,
    areas: ['Dirección Ejecutiva de Asociaciones Políticas', 'Secretaría Ejecutiva'],
    url: 'https://vincula.test/convenios/instrumentos/1',
  };

  it('says how many days are left, or that it expired and is still recorded in force', () => {
    const before = expiryAlertMail({ ...base, effectiveEnd: '2024-06-30', sentOn: '2024-05-31' });
    expect(before.subject).toBe('Vencimiento próximo: Convenio de Colaboración con la UACM');
    expect(before.text).toContain('vence el domingo 30 de junio de 2024 (faltan 30 días).');
    expect(before.text).toContain(
      'Áreas responsables: Dirección Ejecutiva de Asociaciones Políticas; Secretaría Ejecutiva.',
    );
    expect(before.text).toContain('Este aviso se repite cada 7 días');
    expect(expiryAlertMail({ ...base, effectiveEnd: '2024-06-30', sentOn: '2024-06-29' }).text).toContain(
      '(falta 1 día)',
    );
    expect(expiryAlertMail({ ...base, effectiveEnd: '2024-06-30', sentOn: '2024-06-30' }).text).toContain(
      'vence hoy, domingo 30 de junio de 2024',
    );
    const after = expiryAlertMail({ ...base, effectiveEnd: '2024-06-30', sentOn: '2024-07-05' });
    expect(after.subject).toBe('Instrumento vencido: Convenio de Colaboración con la UACM');
    expect(after.text).toContain('venció el domingo 30 de junio de 2024 y sigue registrado como vigente');
  });
});
