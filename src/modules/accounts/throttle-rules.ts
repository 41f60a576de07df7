import { countText } from '../../shared/spanish-words';

/**
 * Sign-in throttling (ADR 0021). Attempts are counted on
 * three counters: the account from this address, the account from anywhere, and this address on
 * any account. An attempt is counted when it is let through, before its password is checked, so
 * that parallel attempts cannot slip past the count.
 *
 * - Account and address: `perAddress` attempts, then each further attempt must wait, 1 minute
 *   after the limit, doubling up to `maxWaitMs`. It is the only counter an attacker elsewhere can
 *   never move, so it applies always.
 * - The account from anywhere, and the address on any account: the same waits from a ceiling 20
 *   times higher (distributed guessing, one machine trying many accounts). They do not apply
 *   from an address where the account signed in during the last 90 days: an attacker cannot lock
 *   the owner out of their usual place.
 *
 * A count is forgotten a day after it started, unless it is making someone wait.
 */
export type ThrottleCounter = {
  attempts: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
  /** Account-and-address counters: when the account last signed in from this address. */
  lastSuccessAt: Date | null;
};

export type ThrottleCounters = { pair: ThrottleCounter; account: ThrottleCounter; address: ThrottleCounter };

export type ThrottlePolicy = {
  perAddress: number;
  ceiling: number;
  firstWaitMs: number;
  maxWaitMs: number;
  windowMs: number;
  knownForMs: number;
};

export type AttemptDecision = { allowed: true; next: ThrottleCounters } | { allowed: false; retryAt: Date };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CEILING_FACTOR = 20;

export function signInPolicy(login: { maxFailures: number; windowMinutes: number }): ThrottlePolicy {
  return {
    perAddress: login.maxFailures,
    ceiling: login.maxFailures * CEILING_FACTOR,
    firstWaitMs: MINUTE,
    maxWaitMs: Math.max(MINUTE, login.windowMinutes * MINUTE),
    windowMs: DAY,
    knownForMs: 90 * DAY,
  };
}

const blocking = (c: ThrottleCounter, now: Date) => c.blockedUntil !== null && c.blockedUntil > now;

/** The counter as it stands at `now`: a day-old count that makes nobody wait starts again. */
function current(c: ThrottleCounter, now: Date, policy: ThrottlePolicy): ThrottleCounter {
  if (now.getTime() - c.windowStartedAt.getTime() < policy.windowMs || blocking(c, now)) return c;
  return { ...c, attempts: 0, windowStartedAt: now, blockedUntil: null };
}

function counted(c: ThrottleCounter, limit: number, now: Date, policy: ThrottlePolicy): ThrottleCounter {
  const attempts = c.attempts + 1;
  if (attempts < limit) return { ...c, attempts };
  const wait = Math.min(policy.firstWaitMs * 2 ** Math.min(attempts - limit, 30), policy.maxWaitMs);
  return { ...c, attempts, blockedUntil: new Date(now.getTime() + wait) };
}

const isKnown = (pair: ThrottleCounter, now: Date, policy: ThrottlePolicy) =>
  pair.lastSuccessAt !== null && now.getTime() - pair.lastSuccessAt.getTime() < policy.knownForMs;

/** Lets an attempt through and counts it, or refuses it until the latest wait that applies. */
export function decideAttempt(
  counters: ThrottleCounters,
  now: Date,
  policy: ThrottlePolicy,
): AttemptDecision {
  const pair = current(counters.pair, now, policy);
  const account = current(counters.account, now, policy);
  const address = current(counters.address, now, policy);
  const applying = isKnown(pair, now, policy) ? [pair] : [pair, account, address];
  const waits = applying.filter((c) => blocking(c, now)).map((c) => c.blockedUntil!.getTime());
  if (waits.length) return { allowed: false, retryAt: new Date(Math.max(...waits)) };
  return {
    allowed: true,
    next: {
      pair: counted(pair, policy.perAddress, now, policy),
      account: counted(account, policy.ceiling, now, policy),
      address: counted(address, policy.ceiling, now, policy),
    },
  };
}

/**
 * After the password proved right: the account and address start afresh and the address becomes
 * one the owner uses; the ceilings take the attempt back (it was no guess).
 */
export function afterSuccess(
  counters: ThrottleCounters,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleCounters {
  const takeBack = (c: ThrottleCounter): ThrottleCounter => {
    const attempts = Math.max(0, c.attempts - 1);
    return { ...c, attempts, blockedUntil: attempts < policy.ceiling ? null : c.blockedUntil };
  };
  return {
    pair: { attempts: 0, windowStartedAt: now, blockedUntil: null, lastSuccessAt: now },
    account: takeBack(counters.account),
    address: takeBack(counters.address),
  };
}

/** The refusal's message: how long to wait, in whole minutes rounded up. */
export function retryText(now: Date, retryAt: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
  return `Demasiados intentos fallidos. Vuelva a intentarlo en ${countText(minutes, 'minuto', 'minutos', 'm')}.`;
}
