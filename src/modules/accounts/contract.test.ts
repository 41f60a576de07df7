import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, hasPermission } from './contract';

describe('permissions', () => {
  it('every role reads the directory', () => {
    for (const role of ROLES) expect(hasPermission([role], 'directory.read')).toBe(true);
  });
  it('only administrators manage users', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'users.manage'))).toEqual(['administrator']);
  });
  it('auditors read the audit trail but change nothing', () => {
    const writes = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter(
      (p) => !p.endsWith('.read') && !p.endsWith('.export'),
    );
    expect(hasPermission(['auditor'], 'audit.read')).toBe(true);
    expect(writes.filter((p) => hasPermission(['auditor'], p))).toEqual([]);
  });
  it('councillors read everything of their organization and write nothing here', () => {
    expect(hasPermission(['councillor'], 'directory.write')).toBe(false);
    expect(hasPermission(['councillor'], 'directory.read')).toBe(true);
  });
  it('a user with several roles holds the union', () => {
    expect(hasPermission(['councillor', 'administrator'], 'users.manage')).toBe(true);
    expect(hasPermission([], 'directory.read')).toBe(false);
  });
});
