import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedTokenCreated } from '../../src/modules/governance/contract';
import { signLedgerToken } from '../../src/modules/outreach/rules';
import { seedSendingCampaign } from '../support/outreach-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Addresses that carry a secret (calendar feeds, unsubscribe and open-tracking links) are logged
 * with the secret hidden: whoever reads the logs must not be able to use them (every request is
 * logged here, as VINCULA_LOG_REQUESTS=all does).
 */
let logs = '';
const sink = new Writable({
  write(chunk, _encoding, done) {
    logs += String(chunk);
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ VINCULA_LOG_REQUESTS: 'all' }, { logStream: sink });
});
afterAll(() => t.close());

describe('request logs', () => {
  it('hide the secrets of feed, unsubscribe and tracking addresses, and of token parameters', async () => {
    const org = await t.createOrg('OPLLOG');
    const liaison = await t.as(org, 'liaison_staff');
    const created = await liaison.post<FeedTokenCreated>('/api/governance/feed-tokens', {});
    expect(created.status).toBe(201);
    const feedPath = new URL(created.body.url).pathname;
    const feedSecret = feedPath.split('/')[4]!;
    expect((await t.anonymous().getBytes(feedPath)).status).toBe(200);

    const { campaignId } = await seedSendingCampaign(t.ctx.database.db, { recipients: 1, label: 'OPLLOGC' });
    const [row] = await t.ctx.database.query<{ id: string }>(
      'select id from outreach_ledger where campaign_id = $1',
      [campaignId],
    );
    const unsubscribe = signLedgerToken(t.ctx.config.secret, 'unsubscribe', Number(row!.id));
    const open = signLedgerToken(t.ctx.config.secret, 'open', Number(row!.id));
    const visitor = t.anonymous();
    expect((await visitor.get(`/api/public/outreach/unsubscribe/${unsubscribe}`)).status).toBe(200);
    expect((await visitor.getBytes(`/api/public/outreach/open/${open}`)).status).toBe(200);
    // The page the e-mailed link opens (the single-page app's, or 404 when it is not built).
    await visitor.get(`/baja/${unsubscribe}`);
    await visitor.get('/api/health?token=secreto-en-la-consulta&otro=visible');

    await expect.poll(() => logs).toContain('/api/health?token=');
    for (const secret of [feedSecret, unsubscribe, open, 'secreto-en-la-consulta']) {
      expect(logs).not.toContain(secret);
    }
    // The requests were logged, with the secret's place marked.
    const urls = logs
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { req?: { url?: string } }).req?.url)
      .filter((url): url is string => Boolean(url));
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/governance/feeds/[oculto]/sesiones.ics',
        '/api/public/outreach/unsubscribe/[oculto]',
        '/api/public/outreach/open/[oculto]',
        '/baja/[oculto]',
        '/api/health?token=[oculto]&otro=visible',
      ]),
    );
  });
});
