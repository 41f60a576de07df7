/** One field of a record before and after a change. */
export type DiffRow = { key: string; before: unknown; after: unknown; changed: boolean };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The fields of `before` and `after` side by side, in the order they first appear; a field
 * changed when its JSON differs (missing counts as a difference).
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: !(key in b && key in a) || JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

/** A value as a short text for a table cell. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
