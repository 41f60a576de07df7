import { describe, expect, it } from 'vitest';
import {
  decideAttempt,
  afterSuccess,
  retryText,
  signInPolicy,
  type ThrottleCounters,
  type ThrottleCounter,
} from './throttle-rules';

const policy = signInPolicy({ maxFailures: 5, windowMinutes: 15 });
const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1, 9, 0) + minutes * 60_000);
const none = (): ThrottleCounter => ({
  attempts: 0,
  windowStartedAt: at(0),
  blockedUntil: null,
  lastSuccessAt: null,
});
const empty = (): ThrottleCounters => ({ pair: none(), account: none(), address: none() });

/** Claims `n` attempts at `when`, each one allowed. */
function claim(counters: ThrottleCounters, n: number, when: Date): ThrottleCounters {
  let current = counters;
  for (let i = 0; i < n; i++) {
    const d = decideAttempt(current, when, policy);
    if (!d.allowed) throw new Error(`attempt ${i + 1} refused`);
    current = d.next;
  }
  return current;
}

describe('signInPolicy', () => {
  it('derives the ceilings from the per-address limit and caps waits at the window', () => {
    expect(policy).toMatchObject({
      perAddress: 5,
      ceiling: 100,
      firstWaitMs: 60_000,
      maxWaitMs: 15 * 60_000,
    });
  });
});

describe('decideAttempt', () => {
  it('allows the first attempts of an account and address, then makes the next one wait', () => {
    const counters = claim(empty(), 5, at(0));
    expect(counters.pair).toMatchObject({ attempts: 5, blockedUntil: at(1) });
    expect(decideAttempt(counters, at(0.5), policy)).toEqual({ allowed: false, retryAt: at(1) });
  });

  it('doubles the wait with each further attempt, up to the window', () => {
    let counters = claim(empty(), 5, at(0));
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      now = (counters.pair.blockedUntil!.getTime() - at(0).getTime()) / 60_000;
      counters = claim(counters, 1, at(now));
      waits.push((counters.pair.blockedUntil!.getTime() - at(now).getTime()) / 60_000);
    }
    expect(waits).toEqual([2, 4, 8, 15, 15, 15]);
  });

  it('changes nothing when it refuses', () => {
    const counters = claim(empty(), 5, at(0));
    decideAttempt(counters, at(0.5), policy);
    expect(decideAttempt(counters, at(1), policy).allowed).toBe(true);
  });

  it('forgets a day-old count that is not blocking', () => {
    const counters = claim(empty(), 4, at(0));
    const next = claim(counters, 1, at(24 * 60));
    expect(next.pair.attempts).toBe(1);
    expect(next.pair.blockedUntil).toBeNull();
  });

  it('makes addresses the account never signed in from wait once the account reaches its ceiling', () => {
    const counters = { ...empty(), account: { ...none(), attempts: 99 } };
    const reached = claim(counters, 1, at(0));
    expect(reached.account.blockedUntil).toEqual(at(1));
    expect(decideAttempt({ ...reached, pair: none() }, at(0.1), policy)).toEqual({
      allowed: false,
      retryAt: at(1),
    });
    // From an address where the owner signed in lately, the ceiling does not apply.
    const known = { ...reached, pair: { ...none(), lastSuccessAt: at(-60 * 24 * 30) } };
    expect(decideAttempt(known, at(0.1), policy).allowed).toBe(true);
    // Unless that was long ago.
    const stale = { ...reached, pair: { ...none(), lastSuccessAt: at(-60 * 24 * 91) } };
    expect(decideAttempt(stale, at(0.1), policy).allowed).toBe(false);
  });

  it('applies the ceiling of an address tried on many accounts the same way', () => {
    const counters = claim({ ...empty(), address: { ...none(), attempts: 99 } }, 1, at(0));
    expect(decideAttempt({ ...counters, pair: none() }, at(0.1), policy).allowed).toBe(false);
    expect(
      decideAttempt({ ...counters, pair: { ...none(), lastSuccessAt: at(-1) } }, at(0.1), policy).allowed,
    ).toBe(true);
  });

  it('answers with the latest of the waits that apply', () => {
    const counters: ThrottleCounters = {
      pair: { ...none(), attempts: 5, blockedUntil: at(3) },
      account: { ...none(), attempts: 100, blockedUntil: at(9) },
      address: none(),
    };
    expect(decideAttempt(counters, at(1), policy)).toEqual({ allowed: false, retryAt: at(9) });
  });
});

describe('afterSuccess', () => {
  it('clears the account and address count, remembers the address and takes the attempt back from the ceilings', () => {
    const counters = claim(empty(), 5, at(0));
    const after = afterSuccess(counters, at(0), policy);
    expect(after.pair).toEqual({
      attempts: 0,
      windowStartedAt: at(0),
      blockedUntil: null,
      lastSuccessAt: at(0),
    });
    expect(after.account).toMatchObject({ attempts: 4, blockedUntil: null });
    expect(after.address).toMatchObject({ attempts: 4, blockedUntil: null });
  });

  it('keeps a ceiling blocked when other attempts still reach it', () => {
    const counters: ThrottleCounters = {
      pair: { ...none(), attempts: 1 },
      account: { ...none(), attempts: 120, blockedUntil: at(5) },
      address: none(),
    };
    expect(afterSuccess(counters, at(0), policy).account).toMatchObject({
      attempts: 119,
      blockedUntil: at(5),
    });
  });
});

describe('retryText', () => {
  it('says in words how long to wait, rounding up to the minute', () => {
    expect(retryText(at(0), at(0.2))).toBe('Demasiados intentos fallidos. Vuelva a intentarlo en un minuto.');
    expect(retryText(at(0), at(1.5))).toBe(
      'Demasiados intentos fallidos. Vuelva a intentarlo en dos minutos.',
    );
    expect(retryText(at(0), at(15))).toBe('Demasiados intentos fallidos. Vuelva a intentarlo en 15 minutos.');
  });
});
