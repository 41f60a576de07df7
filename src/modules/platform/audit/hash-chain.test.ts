import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash, verifyChain, type ChainedFields } from './hash-chain';

function chain(n: number) {
  const out: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      seq,
      occurredAt: `2024-01-0${seq}T10:00:00.000Z`,
      organizationId: null,
      actorUserId: 'u',
      actorLabel: 'u',
      action: 'a',
      entityType: 'e',
      entityId: String(seq),
      before: null,
      after: { n: seq },
      ipAddress: null,
      prevHash: prev,
    };
    const hash = entryHash(fields);
    out.push({ ...fields, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual([]);
  });
  it('finds an edited entry', () => {
    const c = chain(4);
    c[1] = { ...c[1]!, after: { n: 99 } };
    expect(verifyChain(c)).toEqual([{ seq: 2, problem: 'hash_mismatch' }]);
  });
  it('finds a removed entry', () => {
    const c = chain(4);
    c.splice(1, 1);
    expect(verifyChain(c)).toEqual([
      { seq: 3, problem: 'sequence_gap' },
      { seq: 3, problem: 'broken_link' },
    ]);
  });
  it('finds swapped entries', () => {
    const c = chain(4);
    [c[1], c[2]] = [c[2]!, c[1]!];
    expect(verifyChain(c).length).toBeGreaterThan(0);
  });
  it('finds an entry whose hash was recomputed after an edit (the next link breaks)', () => {
    const c = chain(4);
    const { hash: _, ...fields } = { ...c[1]!, after: { n: 99 } };
    c[1] = { ...fields, hash: entryHash(fields) };
    expect(verifyChain(c)).toEqual([{ seq: 3, problem: 'broken_link' }]);
  });
});
