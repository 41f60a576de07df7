import { describe, expect, it } from 'vitest';
import { requestLogLevel } from './request-logging';

const problems = { mode: 'problems' as const, slowMs: 1000 };
const all = { mode: 'all' as const, slowMs: 1000 };

describe('requestLogLevel', () => {
  it('leaves out quick successful requests unless every request is asked for', () => {
    expect(requestLogLevel({ statusCode: 200, durationMs: 12 }, problems)).toBeNull();
    expect(requestLogLevel({ statusCode: 304, durationMs: 999 }, problems)).toBeNull();
    expect(requestLogLevel({ statusCode: 200, durationMs: 12 }, all)).toBe('info');
  });
  it('writes server failures as errors, however quick', () => {
    expect(requestLogLevel({ statusCode: 500, durationMs: 3 }, problems)).toBe('error');
    expect(requestLogLevel({ statusCode: 503, durationMs: 5000 }, all)).toBe('error');
  });
  it('writes slow requests as warnings from the threshold on', () => {
    expect(requestLogLevel({ statusCode: 200, durationMs: 1000 }, problems)).toBe('warn');
    expect(requestLogLevel({ statusCode: 404, durationMs: 2500 }, problems)).toBe('warn');
    expect(requestLogLevel({ statusCode: 200, durationMs: 40 }, { mode: 'problems', slowMs: 0 })).toBe(
      'warn',
    );
  });
  it('writes refusals (4xx) below errors and warnings', () => {
    expect(requestLogLevel({ statusCode: 400, durationMs: 8 }, problems)).toBe('info');
    expect(requestLogLevel({ statusCode: 401, durationMs: 8 }, problems)).toBe('info');
    expect(requestLogLevel({ statusCode: 499, durationMs: 8 }, all)).toBe('info');
  });
});
