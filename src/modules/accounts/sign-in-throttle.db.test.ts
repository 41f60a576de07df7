import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';

/**
 * Sign-in throttling as an attacker meets it. The app trusts 127.0.0.1 as its proxy, so each
 * request's X-Forwarded-For is the address it comes from.
 */
const LIMIT = 3;
const CEILING = 20 * LIMIT;

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await startTestApp({
    VINCULA_TRUSTED_PROXIES: '127.0.0.1',
    VINCULA_LOGIN_MAX_FAILURES: String(LIMIT),
  });
  org = await t.createOrg('OPLTHR');
});
afterAll(() => t.close());

type Answer = { status: number; body: { code?: string; message?: string }; headers: Headers };

const signIn = (email: string, password: string, from: string) =>
  t
    .anonymous()
    .request('POST', '/api/session', { email, password }, { 'x-forwarded-for': from }) as Promise<Answer>;

const auditCount = async (action: string, email: string) =>
  Number(
    (
      await t.ctx.database.query<{ n: number }>(
        'select count(*)::int as n from audit_entry where action = $1 and actor_label = $2',
        [action, email],
      )
    )[0]!.n,
  );

/** As if the wait in force had passed. */
const waitPasses = (email: string) =>
  t.ctx.database.query(
    "update sign_in_throttle set blocked_until = now() - interval '1 second' where email = $1 or email = ''",
    [email],
  );

/** `n` requests, ten at a time: sequential ones would take minutes of password hashing. */
async function inBatches(n: number, request: (i: number) => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < n; i += 10) {
    answers.push(
      ...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => request(i + k)))),
    );
  }
  return answers;
}

describe('sign-in throttling', { timeout: 300_000 }, () => {
  it('checks at most the limit of 100 wrong passwords sent at once', async () => {
    const email = org.users.area_staff;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn(email, `mala-${i}`, '198.51.100.10')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - LIMIT);
    expect(await auditCount('auth.sign_in_failed', email)).toBe(LIMIT);
  });

  it('keeps an attacker elsewhere from locking the owner out of their usual place', async () => {
    const email = org.users.councillor;
    expect((await signIn(email, TEST_PASSWORD, '203.0.113.20')).status).toBe(204);
    for (let i = 0; i < LIMIT + 5; i++) await signIn(email, `adivinanza-${i}`, '198.51.100.20');
    expect((await signIn(email, TEST_PASSWORD, '198.51.100.20')).status).toBe(429);
    // From the owner's own address, and from another address nobody abused, the password works.
    expect((await signIn(email, TEST_PASSWORD, '203.0.113.20')).status).toBe(204);
    expect((await signIn(email, TEST_PASSWORD, '203.0.113.21')).status).toBe(204);
  });

  it('makes each attempt past the limit wait longer, and says until when in Spanish', async () => {
    const email = org.users.auditor;
    const from = '198.51.100.30';
    for (let i = 0; i < LIMIT; i++) expect((await signIn(email, `mala-${i}`, from)).status).toBe(401);
    const first = await signIn(email, TEST_PASSWORD, from);
    expect(first.status).toBe(429);
    expect(first.body).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Demasiados intentos fallidos. Vuelva a intentarlo en un minuto.',
    });
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(first.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    await waitPasses(email);
    expect((await signIn(email, 'otra-mala', from)).status).toBe(401);
    const second = await signIn(email, TEST_PASSWORD, from);
    expect(second.status).toBe(429);
    expect(second.body.message).toBe('Demasiados intentos fallidos. Vuelva a intentarlo en dos minutos.');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(60);

    await waitPasses(email);
    expect((await signIn(email, TEST_PASSWORD, from)).status).toBe(204);
    // A successful sign-in starts the count again.
    for (let i = 0; i < LIMIT; i++) expect((await signIn(email, `mala-${i}`, from)).status).toBe(401);
    expect((await signIn(email, TEST_PASSWORD, from)).status).toBe(429);
  });

  it('stops guessing spread over many addresses, except from where the owner already signed in', async () => {
    const email = org.users.liaison_staff;
    expect((await signIn(email, TEST_PASSWORD, '203.0.113.40')).status).toBe(204);
    // One wrong password from each of CEILING addresses: each address stays under its own limit.
    const answers = await inBatches(CEILING, (i) => signIn(email, 'adivinanza', `10.40.0.${i}`));
    expect(answers.map((a) => a.status)).toEqual(Array(CEILING).fill(401));
    const stranger = await signIn(email, TEST_PASSWORD, '10.41.0.1');
    expect(stranger.status).toBe(429);
    expect(stranger.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(email, TEST_PASSWORD, '203.0.113.40')).status).toBe(204);
  });

  it('stops one address from trying many accounts, but not their owners who sign in there', async () => {
    const from = '198.51.100.50';
    const owner = org.users.national_authority_staff;
    expect((await signIn(owner, TEST_PASSWORD, from)).status).toBe(204);
    const answers = await inBatches(CEILING, (i) => signIn(`nadie-${i}@ejemplo.test`, 'adivinanza', from));
    expect(answers.map((a) => a.status)).toEqual(Array(CEILING).fill(401));
    expect((await signIn(org.users.administrator, TEST_PASSWORD, from)).status).toBe(429);
    expect((await signIn(owner, TEST_PASSWORD, from)).status).toBe(204);
  });
});
