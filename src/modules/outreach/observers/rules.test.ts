import { describe, expect, it } from 'vitest';
import { isCountryCode } from './contract';
import {
  accreditationProblems,
  agendaProblems,
  casillaLabel,
  minutesOf,
  missionDayProblems,
  normalizeAccreditationNumber,
  renderCommunication,
  routeProblems,
} from './rules';

const mission = { startsOn: '2024-05-31', endsOn: '2024-06-03', electionDay: '2024-06-02' };
const stop = (arrivalTime: string, departureTime: string, section = 100, casillaType = 'B') => ({
  arrivalTime,
  departureTime,
  section,
  casillaType,
});

describe('accreditation', () => {
  it('requires a number once accredited, and only then', () => {
    expect(accreditationProblems('accredited', null)).toEqual([
      { path: 'accreditationNumber', message: expect.stringContaining('número de acreditación') },
    ]);
    expect(accreditationProblems('accredited', '   ')).toHaveLength(1);
    expect(accreditationProblems('accredited', 'INE/OBS-1')).toEqual([]);
    expect(accreditationProblems('requested', null)).toEqual([]);
    expect(accreditationProblems('rejected', null)).toEqual([]);
    expect(accreditationProblems('in_process', 'INE/OBS-1')).toEqual([
      { path: 'accreditationNumber', message: expect.stringContaining('Solo una persona acreditada') },
    ]);
  });
  it('compares numbers trimmed and upper-cased', () => {
    expect(normalizeAccreditationNumber(' ine/obs-0012 ')).toBe('INE/OBS-0012');
    expect(normalizeAccreditationNumber('  ')).toBeNull();
    expect(normalizeAccreditationNumber(undefined)).toBeNull();
  });
});

describe('mission days', () => {
  it('surround election day', () => {
    expect(missionDayProblems(mission)).toEqual([]);
    expect(
      missionDayProblems({ ...mission, startsOn: '2024-06-03', endsOn: '2024-06-01' }).map((p) => p.path),
    ).toEqual(['startsOn', 'endsOn']);
    expect(
      missionDayProblems({ startsOn: '2024-06-02', endsOn: '2024-06-02', electionDay: '2024-06-02' }),
    ).toEqual([]);
  });
});

describe('agenda', () => {
  const activity = { kind: 'activity' as const, day: '2024-06-01', startTime: '10:00', endTime: '12:00' };
  it('keeps items within the mission and after their start', () => {
    expect(agendaProblems(mission, activity)).toEqual([]);
    expect(agendaProblems(mission, { ...activity, day: '2024-05-30' })[0]).toMatchObject({
      path: 'day',
      message: expect.stringContaining('fuera de la misión'),
    });
    expect(agendaProblems(mission, { ...activity, day: '2024-06-04' })[0]!.path).toBe('day');
    expect(agendaProblems(mission, { ...activity, endTime: '10:00' })[0]!.path).toBe('endTime');
    expect(agendaProblems(mission, { ...activity, stops: [stop('10:00', '10:30')] })[0]!.path).toBe('stops');
  });
  it('puts a route on election day with at least one stop', () => {
    const route = { kind: 'route' as const, day: '2024-06-02', startTime: '07:00', endTime: '14:00' };
    expect(agendaProblems(mission, { ...route, stops: [stop('08:00', '09:00')] })).toEqual([]);
    expect(agendaProblems(mission, { ...route, stops: [] })[0]!.path).toBe('stops');
    expect(
      agendaProblems(mission, { ...route, day: '2024-06-01', stops: [stop('08:00', '09:00')] })[0],
    ).toMatchObject({
      path: 'day',
      message: expect.stringContaining('jornada electoral'),
    });
  });
});

describe('route ordering', () => {
  it('accepts stops in time order, back to back', () => {
    expect(
      routeProblems('07:00', '14:00', [
        stop('08:00', '08:45', 1),
        stop('08:45', '09:30', 2),
        stop('10:00', '10:00', 3),
      ]),
    ).toEqual([]);
  });
  it('names the stop that arrives before the previous one leaves', () => {
    const p = routeProblems('07:00', '14:00', [stop('08:00', '09:00', 1), stop('08:30', '09:30', 2)]);
    expect(p).toEqual([
      {
        path: 'stops.1.arrivalTime',
        message: expect.stringContaining('parada 2 (08:30) es anterior a la salida de la parada 1 (09:00)'),
      },
    ]);
  });
  it('refuses a departure before its arrival', () => {
    expect(routeProblems('07:00', '14:00', [stop('09:00', '08:00')])[0]!.path).toBe('stops.0.departureTime');
  });
  it('keeps the route within its hours', () => {
    const p = routeProblems('08:00', '12:00', [stop('07:30', '08:30', 1), stop('11:00', '12:30', 2)]);
    expect(p.map((x) => x.path)).toEqual(['stops.0.arrivalTime', 'stops.1.departureTime']);
  });
  it('visits each polling station once', () => {
    const p = routeProblems('07:00', '14:00', [
      stop('08:00', '08:30', 5, 'C1'),
      stop('09:00', '09:30', 5, 'c1'),
    ]);
    expect(p).toEqual([
      { path: 'stops.1.section', message: expect.stringContaining('ya está en la parada 1') },
    ]);
  });
  it('compares times as minutes, not text', () => {
    expect(minutesOf('09:05')).toBe(545);
    expect(minutesOf('23:59')).toBe(1439);
  });
});

describe('small helpers', () => {
  it('labels casillas, fills the name, knows countries', () => {
    expect(casillaLabel(123, 'C1')).toBe('Sección 0123, casilla C1');
    expect(renderCommunication('Hola {{ nombre }}, {{nombre}}', { nombre: 'Ana' })).toBe('Hola Ana, Ana');
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('MX')).toBe(true);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isCountryCode('XA')).toBe(false);
    expect(isCountryCode('fr')).toBe(false);
  });
});
