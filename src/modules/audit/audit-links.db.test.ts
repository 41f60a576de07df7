import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { recordPage, type AuditEntry } from './contract';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Page<T> = { items: T[]; total: number };

describe('audit trail links', () => {
  it('links an entry to its record while the record exists, and to nothing once it is removed', async () => {
    const org = await t.createOrg('OPLAUDL');
    const liaison = await t.as(org, 'liaison_staff');
    const kept = (await liaison.post<{ id: string }>('/api/areas', { name: 'Área que queda', kind: 'other' }))
      .body;
    const removed = (
      await liaison.post<{ id: string }>('/api/areas', { name: 'Área que se va', kind: 'other' })
    ).body;
    expect((await liaison.delete(`/api/areas/${removed.id}`)).status).toBe(204);

    const auditor = await t.as(org, 'auditor');
    const trail = await auditor.get<Page<AuditEntry>>('/api/audit?entityType=area');
    expect(trail.status).toBe(200);
    const of = (id: string) =>
      trail.body.items.filter((e) => e.entityId === id).map((e) => [e.action, e.recordExists, recordPage(e)]);
    expect(of(kept.id)).toEqual([['area.create', true, `/directorio/areas/${kept.id}`]]);
    expect(of(removed.id)).toEqual([
      ['area.delete', false, null],
      ['area.create', false, null],
    ]);
    // A record type without a page of its own is never linked.
    const users = await auditor.get<Page<AuditEntry>>('/api/audit?entityType=user');
    expect(users.body.items.length).toBeGreaterThan(0);
    expect(users.body.items.every((e) => !e.recordExists && recordPage(e) === null)).toBe(true);
  });
});
