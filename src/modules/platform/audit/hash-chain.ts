import { createHash } from 'node:crypto';

/** The first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  seq: number;
  occurredAt: string;
  organizationId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  /**
   * Present only on entries of someone acting for an absent person (ADR 0035): left out of the
   * hashed JSON otherwise, so entries written before these fields existed verify as they were.
   */
  onBehalfOfUserId?: string;
  onBehalfOfLabel?: string;
  prevHash: string;
};

/**
 * JSON with object keys sorted at every depth. PostgreSQL's jsonb reorders keys, so the hash must
 * not depend on the order in which they were written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export type ChainProblem = { seq: number; problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap' };

/**
 * Checks entries one by one, in `seq` order, and collects every place where the chain does not
 * hold: an edited entry (its hash no longer matches), a removed or reordered one (the link to the
 * previous hash or the sequence breaks).
 */
export function createChainVerifier() {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  return {
    problems,
    check(e: ChainedFields & { hash: string }): void {
      if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: 'sequence_gap' });
      if (e.prevHash !== prevHash) problems.push({ seq: e.seq, problem: 'broken_link' });
      const { hash, ...fields } = e;
      if (entryHash(fields) !== hash) problems.push({ seq: e.seq, problem: 'hash_mismatch' });
      prevHash = hash;
      expectedSeq = e.seq + 1;
    },
  };
}

export function verifyChain(entries: Iterable<ChainedFields & { hash: string }>): ChainProblem[] {
  const verifier = createChainVerifier();
  for (const e of entries) verifier.check(e);
  return verifier.problems;
}
