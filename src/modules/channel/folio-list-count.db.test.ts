import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../tests/support/http-client';
import { startTestApp, type TestApp, type TestOrg } from '../../../tests/support/test-app';
import { COUNT_CAP, SEARCH_COUNT_CAP } from './repository';

// A list counts its matches up to COUNT_CAP (or one page past the page asked for) and says when
// there are more; each side (national authority, local body) sees the same folios as before.

type Page = { items: { folio: string }[]; total: number; totalIsLowerBound: boolean };

describe('counting a long list of folios', () => {
  let t: TestApp;
  let ine: TestOrg;
  let local: TestOrg;
  let other: TestOrg;
  let localStaff: HttpClient;
  let ineStaff: HttpClient;
  const N = COUNT_CAP + 30;

  beforeAll(async () => {
    t = await startTestApp();
    ine = await t.createOrg('INEC', 'national_authority');
    local = await t.createOrg('OPLC');
    other = await t.createOrg('OPLD');
    localStaff = await t.as(local, 'liaison_staff');
    ineStaff = await t.as(ine, 'national_authority_staff');
    // 1,030 folios of one local body received in the first 60 days of 2024, written in bulk.
    await t.ctx.database.db.execute(sql`
      with c as (
        insert into channel_communication (module, year, number, numbering_org_id, origin_org_id,
          origin_label, document_type, nature, subject, sent_on)
        select 'follow_up', 2024, g, ${ine.id}::uuid, ${ine.id}::uuid, 'Organismo INEC', 'oficio',
          'for_attention', 'Oficio sobre casillas número ' || g, date '2024-01-01' + g % 60
        from generate_series(1, ${N}) g
        returning id, number, sent_on)
      insert into channel_folio (communication_id, local_org_id, national_org_id, module, year, number,
        status, received_on, nature)
      select c.id, ${local.id}::uuid, ${ine.id}::uuid, 'follow_up', 2024, c.number,
        'in_process_national', c.sent_on, 'for_attention'
      from c`);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('says "more than 1,000" on the first pages and grows the count as pages go on', async () => {
    const first = await localStaff.get<Page>('/api/channel/folios?pageSize=25');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true });
    expect(first.body.items).toHaveLength(25);
    // Page 40 counts up to page 41: 1,025 and more.
    const fortieth = await localStaff.get<Page>('/api/channel/folios?pageSize=25&page=40');
    expect(fortieth.body).toMatchObject({ total: 1025, totalIsLowerBound: true });
    // From page 42 (the last) on, the count is exact.
    const last = await localStaff.get<Page>('/api/channel/folios?pageSize=25&page=42');
    expect(last.body).toMatchObject({ total: N, totalIsLowerBound: false });
    expect(last.body.items).toHaveLength(N - 41 * 25);
    // A narrower list is counted exactly.
    const narrow = await localStaff.get<Page>(
      '/api/channel/folios?receivedFrom=2024-01-02&receivedTo=2024-01-02',
    );
    expect(narrow.body).toMatchObject({ total: 18, totalIsLowerBound: false });
  });

  it('counts a text search up to its own, lower cap, then grows it as pages go on', async () => {
    const first = await localStaff.get<Page>('/api/channel/folios?q=casillas&pageSize=25');
    expect(first.body).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true });
    const tenth = await localStaff.get<Page>('/api/channel/folios?q=casillas&pageSize=25&page=10');
    expect(tenth.body).toMatchObject({ total: 275, totalIsLowerBound: true });
    // Every folio matches "casillas": the search's pages (found among the newest folios) are the
    // list's pages, in the same order.
    for (const [page, res] of [
      [1, first],
      [10, tenth],
    ] as const) {
      const list = await localStaff.get<Page>(`/api/channel/folios?pageSize=25&page=${page}`);
      expect(res.body.items).toHaveLength(25);
      expect(res.body.items.map((f) => f.folio)).toEqual(list.body.items.map((f) => f.folio));
    }
    const last = await localStaff.get<Page>('/api/channel/folios?q=casillas&pageSize=25&page=42');
    expect(last.body).toMatchObject({ total: N, totalIsLowerBound: false });
    // The last page is not among the newest SEARCH_WALK folios' full pages: PostgreSQL's page.
    const lastOfList = await localStaff.get<Page>('/api/channel/folios?pageSize=25&page=42');
    expect(last.body.items.map((f) => f.folio)).toEqual(lastOfList.body.items.map((f) => f.folio));
    expect(last.body.items).toHaveLength(N - 41 * 25);
    // A search with few matches is counted exactly: "número 1030" is in one subject only.
    const one = await localStaff.get<Page>(`/api/channel/folios?q=${encodeURIComponent(`número ${N}`)}`);
    expect(one.body).toMatchObject({ total: 1, totalIsLowerBound: false });
  });

  it('shows each side the same folios, and no other body any', async () => {
    const national = await ineStaff.get<Page>('/api/channel/folios?pageSize=25&page=42');
    expect(national.body).toMatchObject({ total: N, totalIsLowerBound: false });
    const all = await ineStaff.get<Page>('/api/channel/folios?pageSize=25');
    const mine = await localStaff.get<Page>('/api/channel/folios?pageSize=25');
    expect(all.body.items.map((f) => f.folio)).toEqual(mine.body.items.map((f) => f.folio));
    const stranger = await (await t.as(other, 'liaison_staff')).get<Page>('/api/channel/folios');
    expect(stranger.body).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
  });
});
