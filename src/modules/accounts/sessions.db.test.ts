import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import type { Session } from './contract';

/** The sessions a person sees and ends, and those an administrator ends for a user of their organization. */
let t: TestApp;
let org: TestOrg;
let other: TestOrg;

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

beforeAll(async () => {
  t = await startTestApp();
  org = await t.createOrg('OPLSE');
  other = await t.createOrg('OPLSX');
});
afterAll(() => t.close());

async function signedIn(email: string, userAgent: string, ip: string): Promise<HttpClient> {
  const client = new HttpClient(t.url, { 'user-agent': userAgent, 'x-forwarded-for': ip });
  await client.signIn(email, TEST_PASSWORD);
  return client;
}

async function auditCount(action: string): Promise<number> {
  const [row] = await t.ctx.database.query<{ n: number }>(
    `select count(*)::int as n from audit_entry where action = '${action}'`,
  );
  return row!.n;
}

describe('my sessions', () => {
  it('lists the open sessions with device, address, last use and which one is this', async () => {
    const email = org.users.liaison_staff;
    const laptop = await signedIn(email, CHROME_LINUX, '203.0.113.7');
    await signedIn(email, SAFARI_IPHONE, '198.51.100.9');
    const res = await laptop.get<Session[]>('/api/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const here = res.body.find((s) => s.current)!;
    expect(here.device).toBe('Chrome en Linux');
    const phone = res.body.find((s) => !s.current)!;
    expect(phone.device).toBe('Safari en iPhone');
    for (const s of res.body) {
      expect(Date.parse(s.lastActiveAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(Object.keys(s).sort()).toEqual([
        'createdAt',
        'current',
        'device',
        'id',
        'ipAddress',
        'lastActiveAt',
      ]);
    }
    // Addresses come from X-Forwarded-For only behind a trusted proxy: here, the socket's.
    expect(here.ipAddress).toBe('127.0.0.1');
  });

  it('ends one session, then all the others, and records both in the audit trail', async () => {
    const email = org.users.councillor;
    const here = await signedIn(email, CHROME_LINUX, '203.0.113.7');
    const phone = await signedIn(email, SAFARI_IPHONE, '198.51.100.9');
    const tablet = await signedIn(email, SAFARI_IPHONE, '198.51.100.10');
    const list = (await here.get<Session[]>('/api/me/sessions')).body;
    const phoneId = (await phone.get<Session[]>('/api/me/sessions')).body.find((s) => s.current)!.id;
    expect(list.map((s) => s.id)).toContain(phoneId);

    const ended = await here.delete(`/api/me/sessions/${phoneId}`);
    expect(ended.status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await tablet.get('/api/me')).status).toBe(200);
    expect((await here.delete(`/api/me/sessions/${phoneId}`)).status).toBe(404);

    const others = await here.post<{ ended: number }>('/api/me/sessions/end-others');
    expect(others.body).toEqual({ ended: 1 });
    expect((await tablet.get('/api/me')).status).toBe(401);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await here.get<Session[]>('/api/me/sessions')).body).toHaveLength(1);
    expect(await auditCount('auth.session_ended')).toBeGreaterThanOrEqual(1);
    expect(await auditCount('auth.other_sessions_ended')).toBeGreaterThanOrEqual(1);
  });

  it("cannot end another person's session (404), and needs a session to list any (401)", async () => {
    const mine = await signedIn(org.users.auditor, CHROME_LINUX, '203.0.113.7');
    const theirs = await signedIn(org.users.area_staff, CHROME_LINUX, '203.0.113.8');
    const theirId = (await theirs.get<Session[]>('/api/me/sessions')).body[0]!.id;
    expect((await mine.delete(`/api/me/sessions/${theirId}`)).status).toBe(404);
    expect((await theirs.get('/api/me')).status).toBe(200);
    expect((await t.anonymous().get('/api/me/sessions')).status).toBe(401);
    expect((await mine.delete('/api/me/sessions/no-es-un-id')).status).toBe(400);
  });
});

describe("an administrator ends a user's sessions", () => {
  it('ends every session of a user of the organization, audited', async () => {
    const admin = await t.as(org, 'administrator');
    const user = await signedIn(org.users.national_authority_staff, CHROME_LINUX, '203.0.113.7');
    const again = await signedIn(org.users.national_authority_staff, SAFARI_IPHONE, '203.0.113.8');
    const found = await admin.get<{ items: { id: string }[] }>(
      `/api/users?q=${encodeURIComponent(org.users.national_authority_staff)}`,
    );
    const id = found.body.items[0]!.id;
    const res = await admin.post<{ ended: number }>(`/api/users/${id}/sessions/end-all`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expect((await user.get('/api/me')).status).toBe(401);
    expect((await again.get('/api/me')).status).toBe(401);
    const [entry] = await t.ctx.database.query<{ entity_id: string; actor_label: string }>(
      "select entity_id, actor_label from audit_entry where action = 'user.sessions_ended' order by seq desc limit 1",
    );
    expect(entry).toMatchObject({
      entity_id: id,
      actor_label: expect.stringContaining(org.users.administrator),
    });
  });

  it("answers 404 for another organization's user and 403 to anyone but an administrator", async () => {
    const victim = await signedIn(other.users.liaison_staff, CHROME_LINUX, '203.0.113.7');
    const otherAdmin = await t.as(other, 'administrator');
    const found = await otherAdmin.get<{ items: { id: string }[] }>(
      `/api/users?q=${encodeURIComponent(other.users.liaison_staff)}`,
    );
    const id = found.body.items[0]!.id;
    const admin = await t.as(org, 'administrator');
    const res = await admin.post<{ code: string }>(`/api/users/${id}/sessions/end-all`);
    expect(res.status).toBe(404);
    expect((await victim.get('/api/me')).status).toBe(200);
    const auditor = await t.as(other, 'auditor');
    expect((await auditor.post(`/api/users/${id}/sessions/end-all`)).status).toBe(403);
    expect((await victim.get('/api/me')).status).toBe(200);
  });
});
